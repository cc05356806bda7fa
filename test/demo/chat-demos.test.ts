import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {readSse} from './sse-reader.js';

/** The demo's Anthropic Messages and OpenAI Responses models check the bodies they get. */

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({timeScale: 0.01});
});
afterAll(async () => {
  await server.close();
});

const anthropic = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/messages`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'x-api-key': 'sk-ant-ssedeck-demo',
      'anthropic-version': '2023-06-01',
      ...headers,
    },
    body: JSON.stringify(body),
  });

const responses = (body: unknown) =>
  fetch(`${server.url}/v1/responses`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Authorization: 'Bearer sk-ssedeck-demo'},
    body: JSON.stringify(body),
  });

describe('POST /v1/messages (Anthropic)', () => {
  const valid = {model: 'm', max_tokens: 64, messages: [{role: 'user', content: 'hi'}]};

  it('rejects a wrong key, a missing version, a system message and a first assistant turn', async () => {
    const wrongKey = await anthropic(valid, {'x-api-key': 'nope'});
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toMatchObject({error: {type: 'authentication_error'}});
    const noVersion = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: {'x-api-key': 'sk-ant-ssedeck-demo'},
      body: JSON.stringify(valid),
    });
    expect(noVersion.status).toBe(400);
    const system = await anthropic({...valid, messages: [{role: 'system', content: 'x'}]});
    expect(system.status).toBe(400);
    expect(JSON.stringify(await system.json())).toContain('top-level `system`');
    const assistantFirst = await anthropic({
      ...valid,
      messages: [
        {role: 'assistant', content: 'a'},
        {role: 'user', content: 'b'},
      ],
    });
    expect(assistantFirst.status).toBe(400);
    const noMax = await anthropic({model: 'm', messages: valid.messages});
    expect(noMax.status).toBe(400);
  });

  it('streams the documented events and names the conversation it received', async () => {
    const response = await anthropic({
      ...valid,
      stream: true,
      messages: [
        {role: 'user', content: 'one'},
        {role: 'assistant', content: 'abc'},
        {role: 'user', content: 'two'},
      ],
    });
    expect(response.status).toBe(200);
    const {events} = await readSse(response);
    const names = events.map((event) => event.event);
    expect(names[0]).toBe('message_start');
    expect(names).toContain('content_block_delta');
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    const text = events
      .filter((event) => event.event === 'content_block_delta')
      .map((event) => (JSON.parse(event.data ?? '') as {delta: {text: string}}).delta.text)
      .join('');
    expect(text).toContain('This is turn 2');
    expect(text).toContain(
      'Before this you asked "one", and I have my last answer (3 characters).',
    );
  });
});

describe('POST /v1/responses (OpenAI Responses)', () => {
  it('continues with previous_response_id and 404s an unknown one', async () => {
    const first = await responses({model: 'm', input: 'first?'});
    expect(first.status).toBe(200);
    const body = (await first.json()) as {id: string; output: {content: {text: string}[]}[]};
    expect(body.id).toMatch(/^resp_/);
    const second = await responses({
      model: 'm',
      input: 'second?',
      stream: true,
      previous_response_id: body.id,
    });
    const {events} = await readSse(second);
    expect(events[0]?.event).toBe('response.created');
    expect(events.at(-1)?.event).toBe('response.completed');
    const text = events
      .filter((event) => event.event === 'response.output_text.delta')
      .map((event) => (JSON.parse(event.data ?? '') as {delta: string}).delta)
      .join('');
    expect(text).toContain('This is turn 2');
    expect(text).toContain('Before this you asked "first?"');
    const unknown = await responses({model: 'm', input: 'x', previous_response_id: 'resp_nope'});
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({error: {code: 'previous_response_not_found'}});
    const noInput = await responses({model: 'm'});
    expect(noInput.status).toBe(400);
  });
});

describe('POST /v1/chat/completions follow-ups', () => {
  it('rejects an unknown role, naming the message', async () => {
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: 'Bearer sk-ssedeck-demo'},
      body: JSON.stringify({model: 'm', messages: [{role: 'robot', content: 'x'}]}),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({error: {param: 'messages[0].role'}});
  });
});
