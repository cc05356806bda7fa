import type {IncomingMessage, ServerResponse} from 'node:http';
import {SseStream} from './sse-stream.js';
import {createDifyState, type DifyState} from './scenarios/dify-state.js';

/** What every scenario handler gets: the server-wide settings and shared state. */
export type DemoContext = {
  /** Multiplies every delay (1 = real time). */
  readonly timeScale: number;
  /** Aborted when the server shuts down. */
  readonly shutdown: AbortSignal;
  /** SSE responses still open, so close() can end them. */
  readonly streams: Set<SseStream>;
  readonly dify: DifyState;
};

export type RouteHandler = (
  context: DemoContext,
  request: {req: IncomingMessage; res: ServerResponse; url: URL; params: readonly string[]},
) => Promise<void> | void;

export function createDemoContext(timeScale: number, shutdown: AbortSignal): DemoContext {
  return {timeScale, shutdown, streams: new Set(), dify: createDifyState()};
}

/** Starts an SSE response tracked by the context; it untracks itself when it closes. */
export function openSse(
  context: DemoContext,
  res: ServerResponse,
  headers?: Readonly<Record<string, string>>,
): SseStream {
  const stream = new SseStream(res, {
    timeScale: context.timeScale,
    shutdown: context.shutdown,
    headers,
  });
  context.streams.add(stream);
  stream.signal.addEventListener('abort', () => context.streams.delete(stream), {once: true});
  return stream;
}
