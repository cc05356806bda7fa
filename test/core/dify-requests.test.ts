import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
  difyStopUrl,
  difyUser,
  stopDifyTask,
  withDifyQuery,
} from '../../source/core/dify-requests.js';
import {parseStreamSpec} from '../../source/core/stream-spec.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

const spec = (url: string, body?: unknown) =>
  parseStreamSpec({
    name: 'd',
    url,
    method: 'POST',
    body: body as Record<string, unknown>,
    auth: {type: 'bearer', token: 'app-k'},
  });

describe('withDifyQuery', () => {
  it('sets query and conversation, keeps the rest of the body, fills user, inputs and response_mode', () => {
    const next = withDifyQuery(
      spec('https://h/v1/chat-messages', {query: 'a', inputs: {x: 1}, files: []}),
      {
        query: 'b',
        conversationId: 'c-1',
      },
    );
    expect(next.body).toEqual({
      query: 'b',
      inputs: {x: 1},
      files: [],
      conversation_id: 'c-1',
      user: 'ssedeck',
      response_mode: 'streaming',
    });
  });

  it('reads a JSON string body and leaves a non-JSON body alone', () => {
    expect(
      withDifyQuery(spec('https://h/v1/chat-messages', '{"query":"a","user":"u"}'), {query: 'b'})
        .body,
    ).toMatchObject({query: 'b', user: 'u'});
    const form = spec('https://h/v1/chat-messages', 'query=a');
    expect(withDifyQuery(form, {query: 'b'})).toBe(form);
  });

  it('gives workflows no query and completions no conversation', () => {
    expect(
      withDifyQuery(spec('https://h/v1/workflows/run', {inputs: {}}), {
        query: 'q',
        conversationId: 'c',
      }).body,
    ).not.toHaveProperty('query');
    expect(
      withDifyQuery(spec('https://h/v1/completion-messages', {inputs: {}}), {
        query: 'q',
        conversationId: 'c',
      }).body,
    ).not.toHaveProperty('conversation_id');
  });

  it('knows the user the stop endpoint needs', () => {
    expect(difyUser(spec('https://h/v1/chat-messages', {user: 'alice'}))).toBe('alice');
    expect(difyUser(spec('https://h/v1/chat-messages', {}))).toBe('ssedeck');
  });
});

describe('difyStopUrl', () => {
  it('maps each streaming endpoint to its stop endpoint', () => {
    expect(difyStopUrl('https://api.dify.ai/v1/chat-messages', 't 1')).toBe(
      'https://api.dify.ai/v1/chat-messages/t%201/stop',
    );
    expect(difyStopUrl('http://h:8/x/v1/completion-messages?a=1', 't')).toBe(
      'http://h:8/x/v1/completion-messages/t/stop',
    );
    expect(difyStopUrl('https://h/v1/workflows/run', 't')).toBe(
      'https://h/v1/workflows/tasks/t/stop',
    );
    expect(difyStopUrl('https://h/v1/workflows/abc/run', 't')).toBe(
      'https://h/v1/workflows/tasks/t/stop',
    );
    expect(difyStopUrl('https://h/events', 't')).toBeUndefined();
  });
});

describe('stopDifyTask', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer((request, response) => {
      if (request.url?.endsWith('/stop')) {
        response.writeHead(200, {'Content-Type': 'application/json'}).end('{"result":"success"}');
        return;
      }
      sseHead(response);
    });
  });
  afterAll(() => server.close());

  it('POSTs the stop endpoint with the same auth and user', async () => {
    const result = await stopDifyTask(
      spec(`${server.url}/v1/chat-messages`, {user: 'bob'}),
      'task-9',
    );
    expect(result).toEqual({ok: true, message: 'stop requested for task task-9'});
    const request = server.requests.at(-1);
    expect(request).toMatchObject({method: 'POST', path: '/v1/chat-messages/task-9/stop'});
    expect(request?.headers.authorization).toBe('Bearer app-k');
    expect(JSON.parse(request?.body ?? '')).toEqual({user: 'bob'});
  });

  it('says in words why a stop could not be sent', async () => {
    const closed = await startTestServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const result = await stopDifyTask(spec(`${url}/v1/chat-messages`), 'task-1');
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(
      /^stop failed: network error: connection refused by 127\.0\.0\.1:\d+$/,
    );
  });
});
