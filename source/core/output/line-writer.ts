import type {Writable} from 'node:stream';
import {encodeBatch} from './encode-batch.js';

/**
 * Writes lines to a stream without losing any and without unbounded memory:
 * `waitForDrain()` hands the engine a promise while the stream's buffer is
 * full, so a slow reader slows the SSE reader (TCP backpressure) instead.
 *
 * Lines are batched: they collect in one pending string that goes to the
 * stream once per event-loop turn, or at once when it reaches
 * `BATCH_CHARS` (one `write`, often one syscall, for hundreds of lines).
 */
export type LineWriter = {
  write(line: string): void;
  /** Hands the pending batch to the stream now (before writing elsewhere, say to stderr). */
  flush(): void;
  waitForDrain(): Promise<void> | undefined;
  /**
   * Shutting down: every pending wait resolves and no later one is handed out,
   * so streams blocked behind a full pipe can see that they were stopped.
   */
  release(): void;
  /**
   * Hands the pending batch to the stream, then resolves once everything
   * written so far is flushed, or after `timeoutMs`.
   */
  end(timeoutMs?: number): Promise<void>;
  /** True once the reader went away (EPIPE): nothing more can be written. */
  readonly closed: boolean;
  onClose(listener: () => void): void;
};

/** A batch this long (UTF-16 code units, about 64 KiB of text) is written at once. */
export const BATCH_CHARS = 64 * 1024;

export type LineWriterOptions = {
  /**
   * Called once for a write error other than EPIPE (a full disk: ENOSPC);
   * the writer then counts as closed. Without it such an error is thrown.
   */
  readonly onError?: (error: NodeJS.ErrnoException) => void;
};

export function createLineWriter(output: Writable, options: LineWriterOptions = {}): LineWriter {
  let drain: {promise: Promise<void>; resolve: () => void} | undefined;
  let closed = false;
  let released = false;
  let pending = '';
  let scheduled = false;
  /** Chunks handed to the stream whose write callback has not come yet. */
  let unwritten = 0;
  /** `end()` calls waiting for `unwritten` to reach 0. */
  const idleWaiters: Array<() => void> = [];
  const closeListeners: Array<() => void> = [];
  const wake = () => {
    const waiting = drain;
    drain = undefined;
    waiting?.resolve();
  };
  const wakeIdle = () => {
    for (const waiter of idleWaiters.splice(0)) waiter();
  };
  const markClosed = () => {
    if (closed) return;
    closed = true;
    // The reader is gone: what was not written yet never will be.
    pending = '';
    wake();
    wakeIdle();
    for (const listener of closeListeners) listener();
  };
  const written = () => {
    unwritten--;
    if (unwritten === 0) wakeIdle();
  };
  const flush = () => {
    if (closed || pending === '') return;
    const text = pending;
    pending = '';
    unwritten++;
    // The callback, not 'drain', tells when the stream is done: 'drain' only
    // follows a write that found the buffer full.
    if (!output.write(encodeBatch(text), written) && !drain && !released) {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((done) => (resolve = done));
      drain = {promise, resolve};
    }
  };
  const flushScheduled = () => {
    scheduled = false;
    flush();
  };
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') markClosed();
    else if (options.onError) {
      const wasClosed = closed;
      markClosed();
      if (!wasClosed) options.onError(error);
    } else throw error;
  });
  output.on('close', markClosed);
  output.on('drain', wake);
  return {
    write(line) {
      if (closed) return;
      pending += line;
      if (pending.length >= BATCH_CHARS) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flushScheduled);
      }
    },
    flush,
    waitForDrain: () => drain?.promise,
    release() {
      released = true;
      wake();
    },
    end(timeoutMs) {
      flush();
      if (closed || unwritten === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = timeoutMs === undefined ? undefined : setTimeout(finish, timeoutMs).unref();
        function finish() {
          clearTimeout(timer);
          const index = idleWaiters.indexOf(finish);
          if (index !== -1) idleWaiters.splice(index, 1);
          resolve();
        }
        idleWaiters.push(finish);
      });
    },
    get closed() {
      return closed;
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
  };
}
