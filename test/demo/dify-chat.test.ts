import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {eventOutline, joinAnswer, postChat, streamBody, type DifyEvent} from './dify-client.js';
import {endsMidCharacter, jsonEvents, readSse} from './sse-reader.js';

const CHINESE =
  '下面是一段中文回答，用来检验多字节 UTF-8 字符被拆到不同的 TCP 包里时，客户端能否正确解码。';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({timeScale: 0.02});
});
afterAll(async () => {
  await server.close();
});

async function runStream(query: string, extra: Record<string, unknown> = {}) {
  const response = await postChat(server.url, streamBody(query, extra));
  expect(response.status).toBe(200);
  const read = await readSse(response);
  return {response, read, events: jsonEvents(read) as DifyEvent[]};
}

describe('POST /v1/chat-messages errors', () => {
  it('401s without a Bearer header, in Dify’s envelope with WWW-Authenticate', async () => {
    const response = await postChat(server.url, streamBody('hi'), null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    expect(await response.text()).toBe(
      `{"code":"unauthorized","message":"Authorization header must be provided and start with 'Bearer'","status":401}`,
    );
  });

  it('401s for a wrong key and accepts a lowercase scheme', async () => {
    const wrong = await postChat(server.url, streamBody('hi'), 'Bearer app-wrong');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toBe(
      '{"code":"unauthorized","message":"Access token is invalid","status":401}',
    );
    const lower = await postChat(server.url, streamBody('hi'), 'bearer app-ssedeck-demo');
    expect(lower.status).toBe(200);
    await lower.body?.cancel();
  });

  it('400s for a missing user or query and a malformed conversation_id', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{query: 'hi', response_mode: 'streaming'}, 'Arg user must be provided.'],
      [{user: 'u', response_mode: 'streaming'}, 'query is required'],
      [streamBody('hi', {conversation_id: 'not-a-uuid'}), 'conversation_id must be a valid UUID'],
    ];
    for (const [body, message] of cases) {
      const response = await postChat(server.url, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({code: 'invalid_param', message, status: 400});
    }
  });

  it('404s for an unknown conversation', async () => {
    const response = await postChat(
      server.url,
      streamBody('hi', {conversation_id: '2d8f9f0e-1111-4222-8333-944445555666'}),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 'not_found',
      message: 'Conversation Not Exists.',
      status: 404,
    });
  });
});

describe('POST /v1/chat-messages streaming', () => {
  it('streams a chatflow run in Dify’s order and wire format', async () => {
    const {response, read, events} = await runStream('What is SSE?');
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(read.blocks[0]).toEqual({event: 'ping', comments: []});
    expect(read.blocks.every((block) => block.id === undefined && block.retry === undefined)).toBe(
      true,
    );
    expect(read.events.every((block) => block.event === undefined)).toBe(true);
    expect(
      read.events.every((block) => block.data === JSON.stringify(JSON.parse(block.data ?? ''))),
    ).toBe(true);
    expect(eventOutline(events)).toEqual([
      'workflow_started',
      'node_started',
      'node_finished',
      'node_started',
      'message*',
      'node_finished',
      'node_started',
      'node_finished',
      'message_end',
      'workflow_finished',
    ]);
    const nodeTypes = events
      .filter((event) => event.event === 'node_started')
      .map((event) => event.data?.node_type);
    expect(nodeTypes).toEqual(['start', 'llm', 'answer']);
    expect(new Set(events.map((event) => event.task_id)).size).toBe(1);
    expect(new Set(events.map((event) => event.message_id)).size).toBe(1);
    expect(new Set(events.map((event) => event.conversation_id)).size).toBe(1);
    expect(
      events.filter((e) => e.event === 'message').map((e) => e.from_variable_selector),
    ).toContainEqual(['llm', 'text']);
  });

  it('streams an answer that echoes the query and keeps the Chinese text intact', async () => {
    const {read, events} = await runStream('Explain streaming 中文 please');
    const answer = joinAnswer(events);
    expect(answer).toContain('"Explain streaming 中文 please"');
    expect(answer).toContain(CHINESE);
    expect(answer).toContain('🚀');
    const finished = events.at(-1);
    expect(finished?.data).toMatchObject({status: 'succeeded', outputs: {answer}, total_steps: 3});
    const end = events.find((event) => event.event === 'message_end');
    expect(end?.metadata).toMatchObject({
      retriever_resources: [],
      usage: {
        currency: 'USD',
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
      },
    });
    const usage = (end?.metadata as {usage: Record<string, unknown>}).usage;
    for (const key of [
      'total_tokens',
      'prompt_price',
      'completion_price',
      'total_price',
      'latency',
    ]) {
      expect(usage).toHaveProperty(key);
    }
    // Raw UTF-8 on the wire, and at least one character cut across reads.
    expect(Buffer.concat(read.chunks).toString('utf8')).toContain('"answer":"');
    expect(Buffer.concat(read.chunks).toString('latin1')).not.toContain('\\u4e0b');
    expect(read.chunks.slice(0, -1).some(endsMidCharacter)).toBe(true);
  });

  it('continues a conversation and knows the turn number', async () => {
    const first = await runStream('first question');
    const conversationId = first.events[0]?.conversation_id;
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    const second = await runStream('second question', {conversation_id: conversationId});
    expect(second.events[0]?.conversation_id).toBe(conversationId);
    expect(second.events[0]?.data).toMatchObject({inputs: {'sys.dialogue_count': 2}});
    expect(joinAnswer(second.events)).toContain('turn 2');
    const stranger = await postChat(
      server.url,
      streamBody('hi', {conversation_id: conversationId, user: 'someone-else'}),
    );
    expect(stranger.status).toBe(404);
  });

  it('fails a run whose query says "fail": failed node and workflow, no message_end', async () => {
    const {events} = await runStream('please fail now');
    expect(eventOutline(events)).toEqual([
      'workflow_started',
      'node_started',
      'node_finished',
      'node_started',
      'node_finished',
      'workflow_finished',
    ]);
    expect(events.at(-2)?.data).toMatchObject({
      node_type: 'llm',
      status: 'failed',
      error: expect.any(String),
    });
    expect(events.at(-1)?.data).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('500'),
    });
  });

  it('sends an in-band error event for "error" queries and ends', async () => {
    const {events} = await runStream('show me an error');
    expect(events.filter((event) => event.event === 'message')).toHaveLength(4);
    expect(events.at(-1)).toMatchObject({
      event: 'error',
      status: 400,
      code: 'completion_request_error',
      message: expect.any(String),
      task_id: events[0]?.task_id,
      message_id: events[0]?.message_id,
    });
    expect(events.some((event) => event.event === 'message_end')).toBe(false);
  });

  it('sends event: ping every 10 s (scaled) while a long run lasts', async () => {
    const {read} = await runStream('tell me a long story');
    const pings = read.blocks.filter((block) => block.event === 'ping');
    expect(read.blocks[0]?.event).toBe('ping');
    expect(pings.length).toBeGreaterThanOrEqual(2);
    expect(pings.every((block) => block.data === undefined)).toBe(true);
    expect(read.blocks.indexOf(pings[1]!)).toBeLessThan(read.blocks.length - 3);
  });
});

describe('POST /v1/chat-messages blocking', () => {
  it('answers with one JSON message when response_mode is not streaming', async () => {
    const response = await postChat(server.url, {inputs: {}, query: 'block me', user: 'u'});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      event: 'message',
      mode: 'advanced-chat',
      answer: expect.stringContaining('"block me"'),
      metadata: {usage: {currency: 'USD'}, retriever_resources: []},
    });
    expect(body.conversation_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
