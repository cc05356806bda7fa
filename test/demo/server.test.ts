import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {readSse} from './sse-reader.js';

describe('demo server', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({timeScale: 0.02});
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on an ephemeral port of 127.0.0.1', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('lists its scenarios at GET /', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {scenarios: {path: string; method: string}[]};
    const routes = body.scenarios.map(({method, path}) => `${method} ${path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /ticker',
        'GET /logs',
        'GET /flaky',
        'POST /v1/chat-messages',
        'POST /v1/chat-messages/:task_id/stop',
        'POST /v1/chat/completions',
        'GET /flood',
      ]),
    );
  });

  it('answers unknown paths with 404 JSON and wrong methods with 405', async () => {
    const missing = await fetch(`${server.url}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await missing.json()).toMatchObject({error: 'not_found'});
    const wrong = await fetch(`${server.url}/ticker`, {method: 'POST'});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    await wrong.body?.cancel();
  });

  it('serves any status from /status/:code', async () => {
    const unavailable = await fetch(`${server.url}/status/503?retry_after=7`);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('7');
    expect(await unavailable.json()).toEqual({status: 503, message: 'Service Unavailable'});
    const empty = await fetch(`${server.url}/status/204`);
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
    expect((await fetch(`${server.url}/status/abc`)).status).toBe(400);
  });
});

describe('close()', () => {
  it('ends open streams promptly, is idempotent, and stops listening', async () => {
    const server = await startDemoServer({timeScale: 1});
    const ticker = await fetch(`${server.url}/ticker?interval=60000`);
    const dify = await fetch(`${server.url}/v1/chat-messages`, {
      method: 'POST',
      headers: {Authorization: 'Bearer app-ssedeck-demo', 'Content-Type': 'application/json'},
      body: JSON.stringify({query: 'a long one', user: 'u', response_mode: 'streaming'}),
    });
    let sawFirst!: () => void;
    const firstTick = new Promise<void>((resolve) => (sawFirst = resolve));
    const tickerRead = readSse(ticker, {onBlock: (block) => void (block.data && sawFirst())});
    const difyRead = readSse(dify);
    await firstTick;

    const started = Date.now();
    await Promise.all([server.close(), server.close()]);
    const [tickerResult, difyResult] = await Promise.all([tickerRead, difyRead]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tickerResult.events).toHaveLength(1);
    expect(tickerResult.error).toBeUndefined(); // ended cleanly, not cut
    expect(difyResult.error).toBeUndefined();
    expect(difyResult.blocks[0]).toMatchObject({event: 'ping'});
    await server.close();
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
  });
});
