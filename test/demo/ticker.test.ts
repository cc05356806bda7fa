import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {readSse} from './sse-reader.js';

type Tick = {seq: number; price: number; time: string};

describe('GET /ticker', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({timeScale: 0.02});
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends numbered ticks with SSE headers', async () => {
    const response = await fetch(`${server.url}/ticker?limit=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const read = await readSse(response);
    expect(read.error).toBeUndefined();
    expect(read.events.map((event) => event.id)).toEqual(['1', '2', '3', '4', '5']);
    for (const event of read.events) {
      const tick = JSON.parse(event.data ?? '') as Tick;
      expect(tick.seq).toBe(Number(event.id));
      expect(typeof tick.price).toBe('number');
      expect(new Date(tick.time).toISOString()).toBe(tick.time);
      expect(event.event).toBeUndefined();
    }
  });

  it('paces events by ?interval', async () => {
    const started = Date.now();
    await readSse(await fetch(`${server.url}/ticker?limit=4&interval=5000`)); // 5000 × 0.02 = 100 ms
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('resumes after a numeric Last-Event-ID', async () => {
    const response = await fetch(`${server.url}/ticker?limit=3`, {
      headers: {'Last-Event-ID': '41'},
    });
    const read = await readSse(response);
    expect(read.events.map((event) => event.id)).toEqual(['42', '43', '44']);
    expect(read.blocks[0]?.comments[0]).toContain('"41"');
  });

  it('reads a non-ASCII Last-Event-ID as UTF-8 and starts over', async () => {
    const id = 'café-日本-😀';
    const asLatin1 = Buffer.from(id, 'utf8').toString('latin1');
    const response = await fetch(`${server.url}/ticker?limit=2`, {
      headers: {'Last-Event-ID': asLatin1},
    });
    expect(response.status).toBe(200);
    const read = await readSse(response);
    expect(read.blocks[0]?.comments[0]).toContain(JSON.stringify(id));
    expect(read.events.map((event) => event.id)).toEqual(['1', '2']);
  });
});
