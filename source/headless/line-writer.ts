import type {Writable} from 'node:stream';

/**
 * Writes lines to a stream without losing any and without unbounded memory:
 * `waitForDrain()` hands the engine a promise while the stream's buffer is
 * full, so a slow reader slows the SSE reader (TCP backpressure) instead.
 */
export type LineWriter = {
  write(line: string): void;
  waitForDrain(): Promise<void> | undefined;
  /**
   * Shutting down: every pending wait resolves and no later one is handed out,
   * so streams blocked behind a full pipe can see that they were stopped.
   */
  release(): void;
  /** Resolves once everything written so far is flushed, or after `timeoutMs`. */
  end(timeoutMs?: number): Promise<void>;
  /** True once the reader went away (EPIPE): nothing more can be written. */
  readonly closed: boolean;
  onClose(listener: () => void): void;
};

export function createLineWriter(output: Writable): LineWriter {
  let drain: {promise: Promise<void>; resolve: () => void} | undefined;
  let closed = false;
  let released = false;
  const closeListeners: Array<() => void> = [];
  const wake = () => {
    const pending = drain;
    drain = undefined;
    pending?.resolve();
  };
  const markClosed = () => {
    if (closed) return;
    closed = true;
    wake();
    for (const listener of closeListeners) listener();
  };
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') markClosed();
    else throw error;
  });
  output.on('close', markClosed);
  output.on('drain', wake);
  return {
    write(line) {
      if (closed) return;
      if (!output.write(line) && !drain && !released) {
        let resolve: () => void = () => undefined;
        const promise = new Promise<void>((done) => (resolve = done));
        drain = {promise, resolve};
      }
    },
    waitForDrain: () => drain?.promise,
    release() {
      released = true;
      wake();
    },
    end: (timeoutMs) =>
      closed || output.writableLength === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer =
              timeoutMs === undefined ? undefined : setTimeout(finish, timeoutMs).unref();
            function finish() {
              clearTimeout(timer);
              output.off('drain', finish);
              output.off('error', finish);
              output.off('close', finish);
              resolve();
            }
            output.on('drain', finish);
            output.on('error', finish);
            output.on('close', finish);
          }),
    get closed() {
      return closed;
    },
    onClose(listener) {
      if (closed) listener();
      else closeListeners.push(listener);
    },
  };
}
