import {afterEach, describe, expect, it} from 'vitest';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';
import {errorsOf, eventsOf, makeStream, runStream, waitForRecord} from '../helpers/streams.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends `data: n` every `ms` until the client goes away. */
async function tickingServer(ms: number): Promise<TestServer> {
  return startTestServer((_request, response) => {
    sseHead(response);
    let n = 0;
    const timer = setInterval(() => response.write(`id: ${++n}\ndata: ${n}\n\n`), ms);
    response.on('close', () => clearInterval(timer));
  });
}

describe('timeouts and limits', () => {
  it('treats silence longer than idleTimeout as a network error and reconnects', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      sseHead(response);
      if (index === 0)
        response.write('data: a\n\n'); // then silence
      else response.end('data: b\n\n');
    });
    const {records, summary} = await runStream({url: server.url, idleTimeout: 0.15, maxEvents: 2});
    expect(errorsOf(records)).toMatchObject([
      {status: 'retrying', error: 'idle timeout: no data for 0.15 s'},
    ]);
    expect(eventsOf(records).map((event) => event.data)).toEqual(['a', 'b']);
    expect(summary.status).toBe('completed');
  });

  it('fails the connection when response headers take longer than timeout', async () => {
    server = await startTestServer(() => undefined); // never answers
    const {records, summary} = await runStream({url: server.url, timeout: 0.1, retries: 1});
    expect(errorsOf(records).map((error) => error.error)).toEqual([
      'connect timeout: no response within 0.1 s',
      'connect timeout: no response within 0.1 s (gave up after 2 consecutive failures)',
    ]);
    expect(summary.status).toBe('failed');
  });

  it('stops cleanly after maxEvents, even mid-chunk', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.write('data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n');
    });
    const {records, summary} = await runStream({url: server.url, maxEvents: 3});
    expect(eventsOf(records)).toHaveLength(3);
    expect(summary).toMatchObject({
      status: 'completed',
      reason: 'max events reached',
      totalEvents: 3,
    });
  });

  it('stops cleanly after maxDuration', async () => {
    server = await tickingServer(20);
    const started = Date.now();
    const {summary} = await runStream({url: server.url, maxDuration: 0.3});
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(summary).toMatchObject({status: 'completed', reason: 'max duration reached'});
    expect(summary.totalEvents).toBeGreaterThan(3);
    expect(summary.connectedMs).toBeGreaterThan(150);
  });

  it('stop() aborts the connection and the summary says stopped', async () => {
    server = await tickingServer(10);
    const {stream} = makeStream({url: server.url});
    const done = stream.start();
    await waitForRecord(stream, (record) => record.type === 'event' && record.eventNumber === 3);
    stream.stop();
    const summary = await done;
    expect(summary.status).toBe('stopped');
    expect(summary.totalEvents).toBeGreaterThanOrEqual(3);
    expect(stream.running).toBe(false);
  });

  it('stop() during a reconnect delay ends at once', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(503).end();
    });
    const {stream} = makeStream({url: server.url, retryDelay: 60_000, maxRetryDelay: 60});
    const done = stream.start();
    await waitForRecord(
      stream,
      (record) => record.type === 'status' && record.state === 'reconnecting',
    );
    const stoppedAt = Date.now();
    stream.stop();
    expect((await done).status).toBe('stopped');
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
  });

  it('fails a connection whose line exceeds maxBufferSize instead of buffering it', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end(`data: ${'x'.repeat(5000)}\n\n`);
    });
    const {summary} = await runStream({url: server.url, maxBufferSize: 1024, reconnect: 'never'});
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/longer than the 1024-character buffer limit \(maxBufferSize\)/);
  });

  it('counts time to headers, time to first event and bytes', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      setTimeout(() => response.end('data: late\n\n'), 80);
    });
    const {summary} = await runStream({url: server.url, reconnect: 'never'});
    expect(summary.headersMs).toBeGreaterThanOrEqual(0);
    expect(summary.firstEventMs).toBeGreaterThanOrEqual(75);
    expect(summary.bytesReceived).toBe('data: late\n\n'.length);
  });
});

describe('robustness', () => {
  it('a listener that throws ends the run as failed instead of hanging it', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('data: a\n\n');
    });
    const {stream} = makeStream({url: server.url, reconnect: 'never'});
    stream.subscribe((record) => {
      if (record.type === 'status' && record.state === 'open') throw new Error('consumer bug');
    });
    const summary = await stream.start();
    expect(summary.status).toBe('failed');
    expect(summary.reason).toBe('internal error: consumer bug');
    expect(stream.running).toBe(false);
  });
});
