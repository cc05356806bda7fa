import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {readSse} from './sse-reader.js';

type Chunk = {
  id: string;
  object: string;
  model: string;
  choices: {delta: {role?: string; content?: string}; finish_reason: string | null}[];
  usage?: {prompt_tokens: number; completion_tokens: number; total_tokens: number} | null;
};

describe('POST /v1/chat/completions', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({timeScale: 0.02});
  });
  afterAll(async () => {
    await server.close();
  });

  const post = (body: unknown, key: string | null = 'sk-ssedeck-demo') =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(key !== null ? {Authorization: `Bearer ${key}`} : {}),
      },
      body: JSON.stringify(body),
    });
  const messages = [{role: 'user', content: 'Say hi in 中文'}];

  it('401s with an OpenAI error body that does not echo the key', async () => {
    const wrong = await post({model: 'm', messages}, 'sk-secret-wrong');
    expect(wrong.status).toBe(401);
    const text = await wrong.text();
    expect(JSON.parse(text)).toMatchObject({
      error: {type: 'invalid_request_error', code: 'invalid_api_key'},
    });
    expect(text).not.toContain('sk-secret-wrong');
    expect((await post({model: 'm', messages}, null)).status).toBe(401);
  });

  it('400s without messages', async () => {
    const response = await post({model: 'm'});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({error: {param: 'messages'}});
  });

  it('streams chunks, a finish chunk, a usage chunk and [DONE]', async () => {
    const body = {
      model: 'demo-model',
      messages,
      stream: true,
      stream_options: {include_usage: true},
    };
    const response = await post(body);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const read = await readSse(response);
    expect(read.events.at(-1)?.data).toBe('[DONE]');
    const chunks = read.events.slice(0, -1).map((event) => JSON.parse(event.data ?? '') as Chunk);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
    expect(
      chunks.every(
        (chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'demo-model',
      ),
    ).toBe(true);
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({role: 'assistant', content: ''});
    const usageChunk = chunks.at(-1);
    expect(usageChunk?.choices).toEqual([]);
    const usage = usageChunk?.usage;
    expect(usage?.total_tokens).toBe((usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0));
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toContain('"Say hi in 中文"');
    expect(text).toContain('谢谢');
    expect(chunks.length).toBeGreaterThan(20);
  });

  it('omits the usage chunk unless asked', async () => {
    const read = await readSse(await post({model: 'm', messages, stream: true}));
    const chunks = read.events.slice(0, -1).map((event) => JSON.parse(event.data ?? '') as Chunk);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.every((chunk) => !('usage' in chunk))).toBe(true);
  });

  it('answers with a chat.completion when not streaming', async () => {
    const response = await post({model: 'm', messages});
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          message: {role: 'assistant', content: expect.stringContaining('中文')},
          finish_reason: 'stop',
        },
      ],
      usage: {total_tokens: expect.any(Number)},
    });
  });
});
