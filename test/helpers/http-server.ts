import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';

export type TestServer = {
  readonly url: string;
  /** Every request seen, in order. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
};

export type RecordedRequest = {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  /** Raw header bytes as latin1 → utf8, for non-ASCII values. */
  readonly lastEventIdUtf8: string | undefined;
  readonly body: string;
};

export type Handler = (
  request: IncomingMessage,
  response: ServerResponse,
  recorded: RecordedRequest,
  index: number,
) => void | Promise<void>;

/** A real node:http server on 127.0.0.1 that records requests and closes every socket on close(). */
export async function startTestServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const lastEventId = request.headers['last-event-id'];
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: request.headers,
      lastEventIdUtf8:
        typeof lastEventId === 'string'
          ? Buffer.from(lastEventId, 'latin1').toString('utf8')
          : undefined,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(recorded);
    try {
      await handler(request, response, recorded, requests.length - 1);
    } catch (error) {
      response.destroy(error as Error);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function sseHead(response: ServerResponse, contentType = 'text/event-stream'): void {
  response.writeHead(200, {'Content-Type': contentType, 'Cache-Control': 'no-cache'});
  response.flushHeaders();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A server that floods 2 KB events to every client, writing only when the
 * socket drains; `blockedMs()` is how long it has been blocked because the
 * client stopped reading (0 while it reads).
 */
export async function startFloodingServer(
  fill = 'x',
): Promise<{server: TestServer; blockedMs: () => number}> {
  let blockedSince = 0;
  const server = await startTestServer((request, response) => {
    sseHead(response);
    const chunk = `data: ${fill.repeat(2000)}\n\n`.repeat(16);
    const pump = () => {
      while (!response.destroyed) {
        if (!response.write(chunk)) {
          blockedSince = Date.now();
          response.once('drain', () => {
            blockedSince = 0;
            pump();
          });
          return;
        }
      }
    };
    pump();
    request.socket.on('close', () => (blockedSince = 0));
  });
  return {server, blockedMs: () => (blockedSince === 0 ? 0 : Date.now() - blockedSince)};
}
