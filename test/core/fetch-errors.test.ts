import {createServer, type Server, type Socket} from 'node:net';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {explainFetchError} from '../../source/core/fetch-error.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';
import {errorsOf, runStream, statesOf} from '../helpers/streams.js';

let server: TestServer | undefined;
let raw: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise<void>((resolve) => (raw ? raw.close(() => resolve()) : resolve()));
  raw = undefined;
});

/** A TCP server that does `onSocket` with every connection instead of speaking HTTP. */
async function startRawServer(onSocket: (socket: Socket) => void) {
  raw = createServer(onSocket);
  await new Promise<void>((resolve) => raw?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(raw.address() as AddressInfo).port}/`;
}

describe('requests fetch refuses outright', () => {
  for (const port of [1, 6000, 6667]) {
    it(`fails at once on a blocked port (${port}), even under reconnect always`, async () => {
      const {summary, records} = await runStream({
        url: `http://127.0.0.1:${port}/`,
        reconnect: 'always',
      });
      expect(statesOf(records)).toEqual(['connecting']);
      expect(summary.status).toBe('failed');
      expect(summary.reason).toBe(
        `request refused: port ${port} is on fetch's list of blocked ports`,
      );
      expect(errorsOf(records).map((error) => error.status)).toEqual(['failed']);
    });
  }
});

describe('network errors in words, still retried', () => {
  it('a server that closes the socket before answering: "server closed the connection"', async () => {
    const url = await startRawServer((socket) => {
      socket.once('data', () => socket.end());
    });
    const {summary, records} = await runStream({url, retries: 2});
    expect(statesOf(records).filter((state) => state === 'connecting')).toHaveLength(3);
    expect(summary.reason).toBe(
      'network error: server closed the connection (gave up after 3 consecutive failures)',
    );
    expect(summary.reason).not.toMatch(/UND_ERR|other side/);
  });

  it('a reset connection: "connection reset by the server"', async () => {
    const url = await startRawServer((socket) => {
      socket.once('data', () => socket.resetAndDestroy());
    });
    const {summary} = await runStream({url, retries: 1});
    expect(summary.reason).toBe(
      'network error: connection reset by the server (gave up after 2 consecutive failures)',
    );
  });

  it('maps DNS failures to the host name', () => {
    const lookup = Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), {
      code: 'ENOTFOUND',
      hostname: 'nowhere.invalid',
    });
    expect(explainFetchError(new TypeError('fetch failed', {cause: lookup}))).toEqual({
      message: 'network error: host not found: nowhere.invalid',
      retryable: true,
    });
    const again = Object.assign(new Error('getaddrinfo EAI_AGAIN h.test'), {
      code: 'EAI_AGAIN',
      hostname: 'h.test',
    });
    expect(explainFetchError(new TypeError('fetch failed', {cause: again}))).toMatchObject({
      retryable: true,
    });
  });

  it('a refused connection to localhost (IPv4 and IPv6 tried) is retryable in words', async () => {
    server = await startTestServer(() => undefined);
    const port = new URL(server.url).port;
    await server.close();
    server = undefined;
    const {summary} = await runStream({url: `http://localhost:${port}/`, retries: 1});
    expect(summary.reason).toMatch(/^network error: connection refused/);
    expect(summary.reason).toMatch(/gave up after 2 consecutive failures/);
  });

  it('a fetch TypeError whose cause has no code is not retried', () => {
    const refused = new TypeError('fetch failed', {cause: new Error('redirect count exceeded')});
    expect(explainFetchError(refused)).toEqual({
      message: 'request refused: redirect count exceeded',
      retryable: false,
    });
  });
});

describe('explainFetchError edge cases', () => {
  it('a malformed request reported with a code is not retried either', () => {
    const invalid = Object.assign(new Error('invalid content-length header'), {
      code: 'UND_ERR_INVALID_ARG',
    });
    expect(explainFetchError(new TypeError('fetch failed', {cause: invalid}))).toEqual({
      message: 'request refused: invalid content-length header',
      retryable: false,
    });
  });

  it('a body that broke off without detail is a retryable network error', () => {
    expect(explainFetchError(new TypeError('terminated'))).toEqual({
      message: 'network error: the connection ended unexpectedly',
      retryable: true,
    });
  });

  it('errors of an embedder fetch that are not TypeErrors stay retryable network errors', () => {
    expect(explainFetchError(new Error('boom'))).toEqual({
      message: 'network error: boom',
      retryable: true,
    });
  });
});
