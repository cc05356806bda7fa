import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {readSse} from './sse-reader.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({timeScale: 0.02});
});
afterAll(async () => {
  await server.close();
});

describe('GET /logs', () => {
  it('sends info, warn and error events; some errors carry a stack trace', async () => {
    const read = await readSse(await fetch(`${server.url}/logs?limit=80&interval=10&seed=7`));
    expect(read.events).toHaveLength(80);
    const types = new Set(read.events.map((event) => event.event));
    expect([...types].sort()).toEqual(['error', 'info', 'warn']);
    expect(read.events.map((event) => event.id)).toEqual(
      Array.from({length: 80}, (_, index) => String(index + 1)),
    );
    const traces = read.events.filter((event) => event.data?.includes('\n    at '));
    expect(traces.length).toBeGreaterThan(0);
    expect(traces.every((event) => event.event === 'error')).toBe(true);
    expect(read.events[0]?.data).toMatch(/^\d{4}-\d\d-\d\dT\S+Z (INFO |WARN |ERROR) \S+ /);
  });

  it('replays the same lines for the same seed', async () => {
    const strip = (data: string | undefined) => data?.replace(/^\S+Z /, '');
    const first = await readSse(await fetch(`${server.url}/logs?limit=20&interval=1&seed=3`));
    const second = await readSse(await fetch(`${server.url}/logs?limit=20&interval=1&seed=3`));
    const other = await readSse(await fetch(`${server.url}/logs?limit=20&interval=1&seed=4`));
    expect(second.events.map((e) => strip(e.data))).toEqual(first.events.map((e) => strip(e.data)));
    expect(other.events.map((e) => strip(e.data))).not.toEqual(
      first.events.map((e) => strip(e.data)),
    );
  });
});

describe('GET /flood', () => {
  it('sends n events of the requested size, then ends', async () => {
    const read = await readSse(await fetch(`${server.url}/flood?n=500&size=200`));
    expect(read.error).toBeUndefined();
    expect(read.events).toHaveLength(500);
    read.events.forEach((event, index) => {
      expect(event.id).toBe(String(index + 1));
      expect(event.data).toHaveLength(200);
    });
  });

  it('defaults to 10000 events of about 100 bytes', async () => {
    const read = await readSse(await fetch(`${server.url}/flood`));
    expect(read.events).toHaveLength(10_000);
    expect(read.events.at(-1)?.id).toBe('10000');
    expect(read.events[0]?.data).toHaveLength(100);
  });

  it('waits for a slow reader instead of buffering', async () => {
    const response = await fetch(`${server.url}/flood?n=2000000&size=1000`); // 2 GB if unthrottled
    const reader = response.body!.getReader();
    await reader.read();
    const before = process.memoryUsage();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const after = process.memoryUsage();
    await reader.cancel();
    const grown = after.rss - before.rss;
    expect(grown).toBeLessThan(150 * 1024 * 1024);
  });
});
