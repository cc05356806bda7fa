import {afterEach, describe, expect, it} from 'vitest';
import {RECONNECT_FLOOR_MS} from '../../source/core/backoff.js';
import type {StreamRecord} from '../../source/core/records.js';
import {SseStream} from '../../source/core/sse-stream.js';
import {
  parseStreamSpec,
  resolveStreamSpec,
  type StreamSpecInput,
} from '../../source/core/stream-spec.js';
import {sseHead, sleep, startTestServer, type TestServer} from '../helpers/http-server.js';
import {reconnectsOf} from '../helpers/streams.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A stream with the engine's real defaults (the reconnect floor included). */
function realStream(input: Partial<StreamSpecInput> & {url: string}) {
  const stream = new SseStream(resolveStreamSpec(parseStreamSpec({name: 'floor', ...input})));
  const records: StreamRecord[] = [];
  stream.subscribe((record) => records.push(record));
  return {stream, records};
}

/** Runs the stream for `ms`, then stops it. */
async function runFor(stream: SseStream, ms: number): Promise<void> {
  const done = stream.start();
  await sleep(ms);
  stream.stop();
  await done;
}

const connectingTimes = (records: StreamRecord[]) =>
  records.flatMap((record) =>
    record.type === 'status' && record.state === 'connecting' ? [record.timestamp] : [],
  );

describe('reconnect floor', () => {
  it('no storm from retry: 0 and a close before any event', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('retry: 0\n\n');
    });
    const {stream, records} = realStream({url: server.url});
    await runFor(stream, 2000);
    // Floor 250 ms doubling on each failure: requests near 0, 0.25, 0.75, 1.75 s.
    // Without the floor this server gets thousands of requests in 2 s.
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(12);
    const delays = reconnectsOf(records).map((record) => record.delayMs);
    expect(delays.length).toBeGreaterThan(0);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(RECONNECT_FLOOR_MS);
    expect(delays[1]).toBeGreaterThanOrEqual(2 * RECONNECT_FLOOR_MS);
    const times = connectingTimes(records);
    for (let index = 1; index < times.length; index++) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(
        RECONNECT_FLOOR_MS - 10,
      );
    }
  });

  it('keeps the floor for a server that sends an event, retry: 0 and closes, over and over', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('retry: 0\ndata: x\n\n');
    });
    const {stream, records} = realStream({url: server.url});
    await runFor(stream, 1500);
    expect(server.requests.length).toBeLessThanOrEqual(8);
    const delays = reconnectsOf(records).map((record) => record.delayMs);
    expect(delays.length).toBeGreaterThan(0);
    for (const delay of delays) expect(delay).toBe(RECONNECT_FLOOR_MS);
  });
});

describe('server delays are clamped to maxRetryDelay', () => {
  it('Retry-After: 3000000 waits the cap, not 1 ms, and says it was clamped', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(503, {'Retry-After': '3000000'}).end();
    });
    const {stream, records} = realStream({url: server.url, maxRetryDelay: 1});
    await runFor(stream, 1600);
    // One request, then one more after the 1 s cap (an overflowed timer fires at once, for ever).
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(3);
    const [first] = reconnectsOf(records);
    expect(first?.delayMs).toBe(1000);
    expect(first?.reason).toMatch(
      /^HTTP 503 Service Unavailable.* \(server asked Retry-After 3000000 s, clamped to 1 s\)$/,
    );
    const times = connectingTimes(records);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('retry: 99999999999 is clamped too, and the reason says so', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('retry: 99999999999\ndata: x\n\n');
    });
    const {stream, records} = realStream({url: server.url, maxRetryDelay: 0.5});
    await runFor(stream, 1200);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(3);
    const [first] = reconnectsOf(records);
    expect(first?.delayMs).toBe(500);
    expect(first?.reason).toBe(
      'stream ended (server asked retry: 99999999999 ms, clamped to 500 ms)',
    );
  });

  it('a Retry-After within the cap is honored as is', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      if (index === 0) return void response.writeHead(429, {'Retry-After': '1'}).end();
      sseHead(response);
      response.end('data: ok\n\n');
    });
    const {stream, records} = realStream({url: server.url, reconnect: 'on-error', retryDelay: 100});
    await stream.start();
    const [first] = reconnectsOf(records);
    expect(first?.delayMs).toBe(1000);
    expect(first?.reason).not.toMatch(/clamped/);
  });
});
