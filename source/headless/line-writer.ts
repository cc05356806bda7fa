import type {Writable} from 'node:stream';

/**
 * Writes lines to a stream without losing any and without unbounded memory:
 * `waitForDrain()` hands the engine a promise while the stream's buffer is
 * full, so a slow reader slows the SSE reader (TCP backpressure) instead.
 */
export type LineWriter = {
  write(line: string): void;
  waitForDrain(): Promise<void> | undefined;
  /** Resolves once everything written so far is flushed. */
  end(): Promise<void>;
  /** True once the reader went away (EPIPE): nothing more can be written. */
  readonly closed: boolean;
  onClose(listener: () => void): void;
};

export function createLineWriter(output: Writable): LineWriter {
  let drain: Promise<void> | undefined;
  let closed = false;
  const closeListeners: Array<() => void> = [];
  const markClosed = () => {
    if (closed) return;
    closed = true;
    drain = undefined;
    for (const listener of closeListeners) listener();
  };
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') markClosed();
    else throw error;
  });
  return {
    write(line) {
      if (closed) return;
      if (!output.write(line) && !drain) {
        drain = new Promise((resolve) =>
          output.once('drain', () => {
            drain = undefined;
            resolve();
          }),
        );
      }
    },
    waitForDrain: () => drain,
    end: () =>
      closed || output.writableLength === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            output.once('drain', resolve);
            output.once('error', () => resolve());
          }),
    get closed() {
      return closed;
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
  };
}
