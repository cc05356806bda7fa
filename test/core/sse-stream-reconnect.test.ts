import {afterEach, describe, expect, it} from 'vitest';
import {sseHead, sleep, startTestServer, type TestServer} from '../helpers/http-server.js';
import {
  errorsOf,
  eventsOf,
  makeStream,
  reconnectsOf,
  runStream,
  statesOf,
  waitForRecord,
} from '../helpers/streams.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('reconnects', () => {
  it('sends Last-Event-ID on reconnect, also for an id-only block, and honors retry exactly', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      sseHead(response);
      if (index === 0) response.end('retry: 60\nid: 41\ndata: a\n\nid: 42\n\n');
      else response.end('data: b\n\n');
    });
    const {records} = await runStream({url: server.url, maxEvents: 2});
    expect(server.requests[0]?.headers['last-event-id']).toBeUndefined();
    expect(server.requests[1]?.headers['last-event-id']).toBe('42');
    expect(reconnectsOf(records).map((record) => [record.delayMs, record.reason])).toEqual([
      [60, 'stream ended'],
    ]);
    expect(eventsOf(records).map((event) => event.eventId)).toEqual(['41', '42']);
  });

  it('sends a non-ASCII last event ID as UTF-8 bytes', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      sseHead(response);
      response.end(index === 0 ? 'id: évé-中文-🎉\ndata: a\n\n' : 'data: b\n\n');
    });
    await runStream({url: server.url, maxEvents: 2});
    expect(server.requests[1]?.lastEventIdUtf8).toBe('évé-中文-🎉');
  });

  it('keeps the last event ID across runs of the same stream', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('id: 5\ndata: a\n\n');
    });
    const {stream} = makeStream({url: server.url, reconnect: 'never'});
    await stream.start();
    await stream.start();
    expect(server.requests[1]?.headers['last-event-id']).toBe('5');
  });

  it('stops for good on 204 without counting a failure', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      if (index === 0) {
        sseHead(response);
        response.end('data: a\n\n');
      } else {
        response.writeHead(204).end();
      }
    });
    const {records, summary} = await runStream({url: server.url});
    expect(server.requests).toHaveLength(2);
    expect(summary.status).toBe('completed');
    expect(summary.reason).toMatch(/204/);
    expect(errorsOf(records)).toEqual([]);
  });

  it('fails on 401 without retrying, with status, content type and body in the error', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(401, {'Content-Type': 'application/json'});
      response.end('{"code":"unauthorized","message":"Access token is invalid","status":401}');
    });
    const {records, summary} = await runStream({url: server.url, retries: 5});
    expect(server.requests).toHaveLength(1);
    const [error] = errorsOf(records);
    expect(error?.status).toBe('failed');
    expect(error?.httpStatus).toBe(401);
    expect(error?.error).toBe(
      'HTTP 401 Unauthorized (content type application/json): {"code":"unauthorized","message":"Access token is invalid","status":401}',
    );
    expect(summary.status).toBe('failed');
    expect(summary.reason).toContain('Access token is invalid');
  });

  it('fails on a 200 with the wrong content type and names it', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(200, {'Content-Type': 'text/html'});
      response.end(`<html>${'x'.repeat(2000)}</html>`);
    });
    const {summary} = await runStream({url: server.url});
    expect(server.requests).toHaveLength(1);
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(
      /^HTTP 200 OK with content type text\/html, expected text\/event-stream: <html>x+…$/,
    );
    expect(summary.reason.length).toBeLessThan(650);
  });

  it('retries a 503 and then opens', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      if (index === 0) {
        response.writeHead(503, {'Content-Type': 'text/plain'}).end('busy');
        return;
      }
      sseHead(response);
      response.end('data: ok\n\n');
    });
    const {records, summary} = await runStream({url: server.url, reconnect: 'on-error'});
    expect(statesOf(records)).toEqual(['connecting', 'reconnecting', 'connecting', 'open']);
    expect(errorsOf(records)).toMatchObject([
      {
        status: 'retrying',
        httpStatus: 503,
        error: 'HTTP 503 Service Unavailable (content type text/plain): busy',
      },
    ]);
    expect(summary.status).toBe('completed');
    expect(summary.reconnects).toBe(1);
  });

  it('honors Retry-After', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      if (index === 0) {
        response.writeHead(429, {'Retry-After': '1'}).end();
        return;
      }
      sseHead(response);
      response.end('data: ok\n\n');
    });
    const {records} = await runStream({url: server.url, reconnect: 'on-error', maxRetryDelay: 5});
    const [reconnect] = reconnectsOf(records);
    expect(reconnect?.delayMs).toBe(1000);
    const [first, second] = records.filter((r) => r.type === 'status' && r.state === 'connecting');
    expect((second?.timestamp ?? 0) - (first?.timestamp ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up after `retries` consecutive failures, backing off each time', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(500).end();
    });
    const {records, summary} = await runStream(
      {url: server.url, retries: 3, retryDelay: 10, maxRetryDelay: 10},
      {random: () => 0},
    );
    expect(server.requests).toHaveLength(4);
    expect(reconnectsOf(records).map((record) => record.delayMs)).toEqual([10, 20, 40]);
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/HTTP 500 .*gave up after 4 consecutive failures/);
  });

  it('counts a connection that ends without events as a failure and resets after one that delivered', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      sseHead(response);
      response.end(index === 2 ? 'data: x\n\n' : '');
    });
    const {records} = await runStream(
      {url: server.url, retryDelay: 10, maxEvents: 1, maxRetryDelay: 10},
      {random: () => 0},
    );
    expect(reconnectsOf(records).map((record) => [record.delayMs, record.reason])).toEqual([
      [10, 'stream ended without events'],
      [20, 'stream ended without events'],
    ]);
  });

  it('adds jitter above the base and caps the backoff', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(502).end();
    });
    const {records} = await runStream(
      {url: server.url, retries: 6, retryDelay: 10, maxRetryDelay: 0.05},
      {random: () => 1},
    );
    const delays = reconnectsOf(records).map((record) => record.delayMs);
    expect(delays).toEqual([13, 26, 50, 50, 50, 50]);
  });

  it('never re-sends a POST after its response started, even under reconnect always', async () => {
    for (const reconnect of [undefined, 'always'] as const) {
      server = await startTestServer((_request, response) => {
        sseHead(response);
        response.write('data: partial\n\n');
        setTimeout(() => response.destroy(), 20);
      });
      const {summary, records} = await runStream({
        url: server.url,
        method: 'POST',
        body: {query: 'x'},
        reconnect,
      });
      expect(server.requests).toHaveLength(1);
      expect(eventsOf(records)).toHaveLength(1);
      expect(summary.status).toBe('failed');
      expect(summary.reason).toMatch(/a POST is not re-sent once its response started/);
      await server.close();
      server = undefined;
    }
  });

  it('retries a POST whose failure came before the response (on-error)', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      if (index === 0) return void response.writeHead(503).end();
      sseHead(response);
      response.end('data: answer\n\n');
    });
    const {summary} = await runStream({url: server.url, method: 'POST', body: '{}'});
    expect(server.requests).toHaveLength(2);
    expect(summary.status).toBe('completed');
    expect(summary.reason).toBe('stream ended');
  });

  it('follows redirects but reconnects to the original URL', async () => {
    server = await startTestServer((request, response) => {
      if (request.url === '/start') {
        response.writeHead(302, {Location: '/events'}).end();
        return;
      }
      sseHead(response);
      response.end('id: 1\ndata: x\n\n');
    });
    await runStream({url: `${server.url}/start`, maxEvents: 2});
    expect(server.requests.map((request) => request.path)).toEqual([
      '/start',
      '/events',
      '/start',
      '/events',
    ]);
    expect(server.requests[2]?.headers['last-event-id']).toBe('1');
  });

  it('reconnect policy never: a network error fails the stream', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.write('data: a\n\n');
      setTimeout(() => response.destroy(), 20);
    });
    const {summary} = await runStream({url: server.url, reconnect: 'never'});
    expect(server.requests).toHaveLength(1);
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/network error/);
  });

  it('reports a network error when nothing listens', async () => {
    server = await startTestServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;
    const {summary} = await runStream({url, retries: 1});
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/^network error: connection refused by 127\.0\.0\.1:\d+ /);
    expect(summary.reason).not.toMatch(/ECONNREFUSED/);
  });

  it('reconnects right away on a manual reconnect, also while waiting', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.write('data: a\n\n');
    });
    const {stream, records} = makeStream({url: server.url, retryDelay: 60_000});
    const done = stream.start();
    await waitForRecord(stream, (record) => record.type === 'event');
    stream.reconnect();
    await waitForRecord(stream, (record) => record.type === 'event');
    stream.stop();
    const summary = await done;
    expect(server.requests).toHaveLength(2);
    expect(reconnectsOf(records).map((record) => [record.delayMs, record.reason])).toEqual([
      [0, 'manual reconnect'],
    ]);
    expect(summary.status).toBe('stopped');
    await sleep(0);
  });
});
