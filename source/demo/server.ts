import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createDemoContext, type DemoContext} from './context.js';
import {sendJson} from './http-helpers.js';
import {matchRoute} from './routes.js';
import {delay} from './timing.js';

export {DEMO_DIFY_API_KEY, DEMO_OPENAI_API_KEY} from './demo-keys.js';
export {DEMO_ROUTES, type DemoRoute} from './routes.js';

export type DemoServerOptions = {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Multiplies every delay; default 1. Tests use e.g. 0.02. */
  timeScale?: number;
};

export type DemoServer = {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43123 */
  url: string;
  port: number;
  /** Ends all open SSE connections and closes the server; idempotent. */
  close(): Promise<void>;
};

/** How long close() lets ended streams flush before dropping their sockets. */
const CLOSE_GRACE_MS = 250;

async function handle(
  context: DemoContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const match = matchRoute(req.method ?? 'GET', url.pathname);
  if (match.kind === 'not-found') {
    sendJson(res, 404, {
      error: 'not_found',
      message: `No demo scenario at ${url.pathname}; GET / lists them.`,
    });
    return;
  }
  if (match.kind === 'wrong-method') {
    sendJson(
      res,
      405,
      {error: 'method_not_allowed', allow: match.allow},
      {Allow: match.allow.join(', ')},
    );
    return;
  }
  await match.route.handler(context, {req, res, url, params: match.params});
}

/** Starts the embedded demo SSE server. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const host = options.host ?? '127.0.0.1';
  const timeScale = options.timeScale ?? 1;
  if (!(timeScale >= 0) || !Number.isFinite(timeScale)) {
    throw new RangeError(`timeScale must be a finite number >= 0, got ${timeScale}`);
  }
  const shutdown = new AbortController();
  const context = createDemoContext(timeScale, shutdown.signal);
  const server = createServer((req, res) => {
    handle(context, req, res).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, {error: 'internal_error', message: 'The demo server failed.'});
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const {port} = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const open = [...context.streams];
      shutdown.abort(); // ends every SSE stream and cancels every timer
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = new AbortController();
      await Promise.race([
        Promise.all(open.map((stream) => stream.whenClosed())),
        delay(CLOSE_GRACE_MS, grace.signal),
      ]);
      grace.abort();
      server.closeAllConnections();
      await closed;
    })();
    return closing;
  };

  return {url: `http://${urlHost}:${port}`, port, close};
}
