import {performance} from 'node:perf_hooks';
import {classifyResponse, type ResponseLike} from './http-response.js';
import type {PreparedRequest} from './request.js';
import {createSseDecoder, type SseDecoderHandlers} from './sse-decoder.js';
import type {FetchLike} from './fetch.js';
import {explainFetchError} from './fetch-error.js';

/**
 * One connection attempt: request, classify the response, read the body
 * through the SSE decoder until it ends, fails, or is aborted. Knows nothing
 * of reconnect policy; it reports an outcome and the stream decides.
 */

/** Why we aborted a connection ourselves. */
export class AbortCause {
  constructor(
    readonly kind: 'stop' | 'limit' | 'manual' | 'connect-timeout' | 'idle-timeout',
    readonly message: string,
  ) {}
}

export type ConnectionOutcome =
  /** The body ended cleanly. */
  | {readonly kind: 'ended'}
  /** 204: stop for good. */
  | {readonly kind: 'stop'; readonly reason: string}
  /** We aborted it (stop, limit, manual reconnect). Timeouts are errors instead. */
  | {readonly kind: 'aborted'; readonly cause: AbortCause}
  | {
      readonly kind: 'error';
      readonly error: string;
      readonly retryable: boolean;
      readonly httpStatus: number | undefined;
      readonly retryAfterMs: number | undefined;
    };

export type ConnectionHooks = SseDecoderHandlers & {
  readonly onOpen: (info: {
    httpStatus: number;
    contentType: string;
    headers: Readonly<Record<string, string>>;
  }) => void;
  readonly onBytes: (count: number) => void;
  /** A body chunk was decoded (its events emitted). */
  readonly afterChunk?: () => void;
  /** The decoder's last event ID when the connection is over. */
  readonly onLastEventId: (id: string) => void;
  /** Awaited between chunks when the consumer wants us to slow down. */
  readonly waitForConsumer?: () => Promise<void> | undefined;
};

export type ConnectionOptions = {
  readonly request: PreparedRequest;
  readonly fetch: FetchLike;
  readonly controller: AbortController;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxBufferSize: number;
  readonly lastEventId: string;
  readonly now: () => number;
};

export async function runConnection(
  options: ConnectionOptions,
  hooks: ConnectionHooks,
): Promise<ConnectionOutcome> {
  const {controller, request} = options;
  const abortWith = (cause: AbortCause) => controller.abort(cause);
  const ownCause = (): AbortCause | undefined =>
    controller.signal.reason instanceof AbortCause ? controller.signal.reason : undefined;

  const connectTimer = setTimeout(
    () =>
      abortWith(
        new AbortCause(
          'connect-timeout',
          `connect timeout: no response within ${formatSeconds(options.timeoutMs)}`,
        ),
      ),
    options.timeoutMs,
  );
  let response;
  try {
    response = await options.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'follow',
      signal: controller.signal,
      tls: request.tls,
    });
  } catch (error) {
    clearTimeout(connectTimer);
    const cause = ownCause();
    if (cause) return failure(cause, error);
    const {message, retryable} = explainFetchError(error, request.url);
    return {
      kind: 'error',
      error: message,
      retryable,
      httpStatus: undefined,
      retryAfterMs: undefined,
    };
  }

  let verdict;
  try {
    verdict = await classifyResponse(response, options.now());
  } catch (error) {
    return failure(ownCause(), error);
  } finally {
    clearTimeout(connectTimer);
  }
  if (verdict.kind === 'stop') return verdict;
  if (verdict.kind === 'error') {
    return {...verdict, httpStatus: response.status};
  }
  const cause = ownCause();
  if (cause) return failure(cause, undefined);

  hooks.onOpen({
    httpStatus: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers: headerRecord(response.headers),
  });
  const body = response.body;
  if (!body) return {kind: 'ended'};

  const decoder = createSseDecoder(hooks, {
    maxBufferSize: options.maxBufferSize,
    lastEventId: options.lastEventId,
  });
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    if (options.idleTimeoutMs <= 0) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(
      () =>
        abortWith(
          new AbortCause(
            'idle-timeout',
            `idle timeout: no data for ${formatSeconds(options.idleTimeoutMs)}`,
          ),
        ),
      options.idleTimeoutMs,
    );
  };

  const reader = body.getReader();
  armIdleTimer();
  let sliceStart = performance.now();
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      armIdleTimer();
      hooks.onBytes(value.byteLength);
      decoder.push(value);
      hooks.afterChunk?.();
      if (controller.signal.aborted) break;
      const wait = hooks.waitForConsumer?.();
      if (wait) await wait;
      // Buffered chunks resolve reads as microtasks, which never let timers,
      // I/O or key input in: after a slice of continuous work, yield a turn.
      const now = performance.now();
      if (now - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        if (controller.signal.aborted) break;
        sliceStart = performance.now();
      }
    }
    const aborted = ownCause();
    if (aborted) return failure(aborted, undefined);
    decoder.end();
    return {kind: 'ended'};
  } catch (error) {
    return failure(ownCause(), error);
  } finally {
    clearTimeout(idleTimer);
    hooks.onLastEventId(decoder.lastEventId);
    reader.cancel().catch(() => undefined);
  }
}

/** Longest run of reading and decoding before the reader lets the event loop turn. */
export const SLICE_MS = 8;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function failure(cause: AbortCause | undefined, error: unknown): ConnectionOutcome {
  if (cause && (cause.kind === 'connect-timeout' || cause.kind === 'idle-timeout')) {
    return networkError(cause.message);
  }
  if (cause) return {kind: 'aborted', cause};
  return networkError(explainFetchError(error).message);
}

function networkError(error: string): ConnectionOutcome {
  return {kind: 'error', error, retryable: true, httpStatus: undefined, retryAfterMs: undefined};
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

function headerRecord(headers: ResponseLike['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}
