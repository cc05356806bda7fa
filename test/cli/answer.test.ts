import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {composeAnswer} from '../../source/demo/scenarios/answer-text.js';
import {ndjson, runCli} from '../helpers/cli.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({timeScale: 0.02});
});
afterAll(async () => {
  await demo.close();
});

const difyArgs = (query: string) => [
  '--bearer',
  'app-ssedeck-demo',
  '-d',
  JSON.stringify({inputs: {}, query}),
  `${demo.url}/v1/chat-messages`,
];

describe('ssedeck --answer', () => {
  it('prints the joined Dify answer (CJK intact) and nothing else; fills user and response_mode', async () => {
    const {code, stdout, stderr} = await runCli(['--answer', ...difyArgs('What is SSE?')]);
    // Only the conversation id, for a follow-up with --conversation.
    expect(stderr).toMatch(
      /^ssedeck: [\d.:]+\/v1\/chat-messages: conversation_id=[0-9a-f-]{36}\n$/,
    );
    expect(code).toBe(0);
    expect(stdout).toBe(`${composeAnswer('What is SSE?', {source: 'Dify chatflow', turn: 1})}\n`);
  });

  it('--query TEXT sets the Dify query while k=v stays a URL parameter', async () => {
    const {code, stdout} = await runCli([
      '--answer',
      '--query',
      '什么是 SSE？',
      '--query',
      'lang=zh',
      ...difyArgs('ignored'),
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('You asked: "什么是 SSE？"');
  });

  it('exits 1 with the error on stderr for a failed workflow', async () => {
    const {code, stdout, stderr} = await runCli(['--answer', ...difyArgs('please fail')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ssedeck: 127\.0\.0\.1:\d+\/v1\/chat-messages: .+/);
  });

  it('keeps the partial answer and exits 1 on an in-band error event', async () => {
    const {code, stdout, stderr} = await runCli(['--answer', ...difyArgs('cause an error')]);
    expect(code).toBe(1);
    expect(stdout.length).toBeGreaterThan(5);
    expect(stderr).toContain('completion_request_error (400)');
  });

  it('prints OpenAI deltas, auto-detected from the path', async () => {
    const body = JSON.stringify({
      model: 'demo',
      stream: true,
      messages: [{role: 'user', content: 'hello'}],
    });
    const {code, stdout} = await runCli([
      '--answer',
      '--bearer',
      'sk-ssedeck-demo',
      '-d',
      body,
      `${demo.url}/v1/chat/completions`,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('下面是一段中文回答');
  });

  it('is a usage error without any answer stream', async () => {
    const {code, stderr} = await runCli(['--answer', `${demo.url}/ticker`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--answer: no stream has an answer preset/);
  });
});

describe('ssedeck --json on an answer stream', () => {
  it('adds answer, usage and ids to the summary record', async () => {
    const {code, stdout} = await runCli(['--json', '--user', 'alice', ...difyArgs('hi')]);
    expect(code).toBe(0);
    const summary = ndjson(stdout).at(-1);
    expect(summary).toMatchObject({
      type: 'summary',
      status: 'completed',
      answer: composeAnswer('hi', {source: 'Dify chatflow', turn: 1}),
      terminal_event: 'workflow_finished',
      answer_status: 'done',
    });
    expect(summary?.conversation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(summary?.task_id).toEqual(expect.any(String));
    expect(summary?.message_id).toEqual(expect.any(String));
    expect(summary?.ttft_ms).toEqual(expect.any(Number));
    expect(summary?.usage).toMatchObject({total_tokens: expect.any(Number), currency: 'USD'});
  });

  it('--conversation continues a conversation', async () => {
    const first = ndjson((await runCli(['--json', ...difyArgs('one')])).stdout).at(-1);
    const conversation = String(first?.conversation_id);
    const second = await runCli(['--answer', '--conversation', conversation, ...difyArgs('two')]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('This is turn 2 of our conversation');
  });
});
