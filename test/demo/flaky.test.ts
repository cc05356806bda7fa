import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {readSse} from './sse-reader.js';

describe('GET /flaky', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({timeScale: 0.02});
  });
  afterAll(async () => {
    await server.close();
  });

  const open = (lastEventId?: string, query = 'every=5&interval=10') =>
    fetch(`${server.url}/flaky?${query}`, {
      headers: lastEventId === undefined ? {} : {'Last-Event-ID': lastEventId},
    });

  it('sends retry first, then drops the connection mid-event after every Nth id', async () => {
    const read = await readSse(await open());
    expect(read.blocks[0]).toMatchObject({retry: 1500});
    expect(read.blocks[0]?.data).toBeUndefined();
    expect(read.events.map((event) => event.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(read.error).toBeDefined();
    expect(read.trailing).toMatch(/^id: 6\n/);
  });

  it('resumes after Last-Event-ID and sometimes ends cleanly', async () => {
    const second = await readSse(await open('5'));
    expect(second.events.map((event) => event.id)).toEqual(['6', '7', '8', '9', '10']);
    expect(second.error).toBeUndefined();
    expect(second.trailing).toBe('');
    const third = await readSse(await open('10'));
    expect(third.events.map((event) => event.id)).toEqual(['11', '12', '13', '14', '15']);
    expect(third.error).toBeDefined();
  });

  it('takes the retry delay and the drop period from the query', async () => {
    const read = await readSse(await open(undefined, 'every=3&interval=1&retry=700'));
    expect(read.blocks[0]?.retry).toBe(700);
    expect(read.events).toHaveLength(3);
  });
});
