import type {ServerResponse} from 'node:http';
import {formatSseEvent, utf8SplitPoint, type SseFields} from './sse-format.js';
import {delay} from './timing.js';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
} as const;

export type SseStreamOptions = {
  /** Multiplies every delay given to sleep() and every(). */
  readonly timeScale: number;
  /** Ends the stream when aborted (server shutdown). */
  readonly shutdown: AbortSignal;
  /** Response headers instead of SSE_HEADERS (the diagnostics scenarios send others). */
  readonly headers?: Readonly<Record<string, string>>;
};

/**
 * One open SSE response. Writes are queued so events never interleave (even a
 * deliberately split write), respect backpressure, and become no-ops once the
 * stream is closed. Timers belong to the stream and die with it.
 */
export class SseStream {
  readonly #res: ServerResponse;
  readonly #controller = new AbortController();
  readonly #timeScale: number;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(res: ServerResponse, options: SseStreamOptions) {
    this.#res = res;
    this.#timeScale = options.timeScale;
    res.on('error', () => this.#controller.abort());
    res.on('close', () => this.#controller.abort());
    const onShutdown = (): void => this.end();
    options.shutdown.addEventListener('abort', onShutdown, {once: true});
    this.signal.addEventListener(
      'abort',
      () => options.shutdown.removeEventListener('abort', onShutdown),
      {once: true},
    );
    res.writeHead(200, options.headers ?? SSE_HEADERS);
    res.flushHeaders();
    if (options.shutdown.aborted) this.end();
  }

  /** Aborted once the stream is closed: by us, by the client, or by shutdown. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get closed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Resolves when the response has fully closed. */
  whenClosed(): Promise<void> {
    if (this.#res.closed) return Promise.resolve();
    return new Promise((resolve) => this.#res.once('close', () => resolve()));
  }

  /** Sends one event; resolves false when the stream is (or became) closed. */
  send(fields: SseFields): Promise<boolean> {
    return this.write(formatSseEvent(fields));
  }

  /**
   * Sends one event in two writes cut inside a multi-byte UTF-8 character, a
   * moment apart, so clients see a code point split across reads.
   */
  sendSplitUtf8(fields: SseFields): Promise<boolean> {
    const bytes = Buffer.from(formatSseEvent(fields), 'utf8');
    const cut = utf8SplitPoint(bytes);
    if (cut < 0) return this.write(bytes);
    return this.#enqueue(async () => {
      if (!(await this.#writeNow(bytes.subarray(0, cut), true))) return false;
      if (!(await delay(2, this.signal))) return false;
      return this.#writeNow(bytes.subarray(cut), false);
    });
  }

  /** Writes raw bytes; waits for 'drain' when the socket buffer is full. */
  write(chunk: string | Uint8Array): Promise<boolean> {
    return this.#enqueue(() => this.#writeNow(chunk, false));
  }

  /** Writes raw bytes and waits until they are handed to the socket. */
  writeFlushed(chunk: string | Uint8Array): Promise<boolean> {
    return this.#enqueue(() => this.#writeNow(chunk, true));
  }

  /** Waits `ms` × timeScale; false when the stream closed (or `signal` aborted) first. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    const stop = signal === undefined ? this.signal : AbortSignal.any([this.signal, signal]);
    return delay(ms * this.#timeScale, stop);
  }

  /** Calls `action` every `ms` × timeScale until the stream closes. */
  every(ms: number, action: () => void): void {
    if (this.closed) return;
    const timer = setInterval(action, Math.max(1, ms * this.#timeScale));
    this.signal.addEventListener('abort', () => clearInterval(timer), {once: true});
  }

  /** Ends the response cleanly (final chunk sent). Idempotent. */
  end(): void {
    if (this.closed) return;
    this.#controller.abort();
    this.#res.end();
  }

  /** Drops the connection without a clean end, like a crashed server or a proxy cut. */
  destroy(): void {
    this.#controller.abort();
    this.#res.destroy();
  }

  #enqueue(job: () => Promise<boolean>): Promise<boolean> {
    const result = this.#queue.then(job, job);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #writeNow(chunk: string | Uint8Array, flushed: boolean): Promise<boolean> {
    if (this.closed) return false;
    let markWritten = (): void => {};
    const written = new Promise<void>((resolve) => (markWritten = resolve));
    const fits = this.#res.write(chunk, () => markWritten());
    if (!fits) await this.#drain();
    if (flushed) await this.#untilClosed(written);
    return !this.closed;
  }

  /** Waits for `promise`, or less if the stream closes first. */
  #untilClosed(promise: Promise<void>): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.signal.removeEventListener('abort', done);
        resolve();
      };
      this.signal.addEventListener('abort', done, {once: true});
      promise.then(done, done);
    });
  }

  #drain(): Promise<void> {
    return this.#untilClosed(new Promise((resolve) => this.#res.once('drain', () => resolve())));
  }
}
