import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {composeAnswer} from '../../source/demo/scenarios/answer-text.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {runCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

// `ssedeck --answer --ask TEXT URL` on a Dify URL: a POST with Dify's body,
// the conversation id on stderr at the end, labels for several answers.

const CONVERSATION = '5b0c1f9e-2a4d-4c1e-9f00-0123456789ab';
let server: TestServer;
let demo: DemoServer;

beforeAll(async () => {
  server = await startTestServer((_request, response, recorded) => {
    if (recorded.method !== 'POST') {
      response.writeHead(405, {'Content-Type': 'application/json'});
      response.end('{"code":"method_not_allowed","status":405}');
      return;
    }
    // A hostile server puts escapes and the caller's token into the id.
    const hostile = recorded.body.includes('"hostile"');
    const id = hostile ? 'evil\u001b]0;x\u0007-app-key-1234' : CONVERSATION;
    const base = {conversation_id: id, message_id: 'm-1', task_id: 't-1'};
    sseHead(response);
    response.write(`data: ${JSON.stringify({event: 'message', answer: 'Hi there', ...base})}\n\n`);
    response.end(`data: ${JSON.stringify({event: 'message_end', metadata: {}, ...base})}\n\n`);
  });
  demo = await startDemoServer({timeScale: 0.02});
});
afterAll(async () => {
  await server.close();
  await demo.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

const chatUrl = () => `${server.url}/v1/chat-messages`;
const idLine = (name: string) => `ssedeck: ${name}: conversation_id=${CONVERSATION}\n`;
const host = () => new URL(server.url).host;

describe('--answer --ask on a Dify URL', () => {
  it('sends a POST with the documented Dify body and prints the answer', async () => {
    const {code, stdout, stderr} = await runCli([
      ...['--answer', '--ask', 'hi', '--bearer', 'app-key-1234', chatUrl()],
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('Hi there\n');
    expect(stderr).toBe(idLine(`${host()}/v1/chat-messages`));
    const [seen] = server.requests;
    expect(seen?.method).toBe('POST');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers.authorization).toBe('Bearer app-key-1234');
    expect(JSON.parse(seen?.body ?? '')).toStrictEqual({
      query: 'hi',
      inputs: {},
      response_mode: 'streaming',
      user: 'ssedeck',
    });
  });

  it('--conversation and --user go into the body; --query TEXT is the query', async () => {
    const {code} = await runCli([
      ...['--answer', '--query', 'again', '--conversation', CONVERSATION],
      ...['--user', 'alice', '--bearer', 'app-key-1234', chatUrl()],
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(server.requests[0]?.body ?? '')).toStrictEqual({
      query: 'again',
      inputs: {},
      response_mode: 'streaming',
      user: 'alice',
      conversation_id: CONVERSATION,
    });
  });

  it('sanitizes and redacts the conversation_id line', async () => {
    const {code, stderr} = await runCli([
      ...['--answer', '--ask', 'hostile', '--bearer', 'app-key-1234', '--name', 'x', chatUrl()],
    ]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).not.toContain('app-key-1234');
    expect(stderr).toMatch(/^ssedeck: x: conversation_id=evil.+\[redacted\]\n$/);
  });

  it('-s hides the conversation_id line', async () => {
    const {code, stderr} = await runCli(['--answer', '-s', '--ask', 'hi', chatUrl()]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it.each([
    [['--ask', 'hi', '-X', 'GET'], 'ssedeck: --ask and -X GET: a Dify query is sent with POST'],
    [['--conversation', CONVERSATION, '-X', 'get'], 'ssedeck: --conversation and -X GET'],
    [['--ask', 'hi', '-d', 'a=b'], 'ssedeck: --ask and -d/--data: the body is not a JSON object'],
  ])('%j conflicts: a one-line usage error naming both flags', async (args, start) => {
    const {code, stdout, stderr} = await runCli(['--answer', ...args, chatUrl()]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(start)).toBe(true);
    expect(stderr.split('\n')).toHaveLength(2);
    expect(server.requests).toHaveLength(0);
  });

  it('labels each answer with its stream name when there are several', async () => {
    const {code, stdout, stderr} = await runCli([
      ...['--answer', '--ask', 'hi', '--name', 'one', '--name', 'two', chatUrl(), chatUrl()],
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('==> one <==\nHi there\n\n==> two <==\nHi there\n');
    expect(stderr).toBe(`${idLine('one')}${idLine('two')}`);
  });
});

describe('the daily loop against the demo server', () => {
  it('asks, reads conversation_id from stderr, continues with --conversation', async () => {
    const url = `${demo.url}/v1/chat-messages`;
    const ask = ['--answer', '--bearer', 'app-ssedeck-demo'];
    const first = await runCli([...ask, '--ask', 'What is SSE?', url]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      `${composeAnswer('What is SSE?', {source: 'Dify chatflow', turn: 1})}\n`,
    );
    const id = /conversation_id=(\S+)\n$/.exec(first.stderr)?.[1];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const second = await runCli([...ask, '--ask', 'And then?', '--conversation', id!, url]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('This is turn 2 of our conversation');
    expect(second.stderr).toBe(first.stderr);
  });
});
