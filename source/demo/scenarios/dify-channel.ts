import type {SseStream} from '../sse-stream.js';

type Payload = Record<string, unknown>;

/** Where a demo run is: still producing events, waiting for a form, or over. */
export type RunPhase = 'running' | 'paused' | 'finished';

/**
 * The events of one demo Dify run, like Dify's Redis topic for a chatflow run
 * (dify-streaming.md §2.4): the run writes into it whether or not a client is
 * connected, and a connection streams what no connection has taken yet. So a
 * re-attach (GET /workflow/{id}/events) after a drop or a pause continues
 * exactly where the previous connection stopped.
 */
export class DifyRunChannel {
  readonly #events: Payload[] = [];
  #delivered = 0;
  #phase: RunPhase = 'running';
  readonly #wakers = new Set<() => void>();

  get phase(): RunPhase {
    return this.#phase;
  }

  /** Events no connection has taken yet. */
  get pending(): number {
    return this.#events.length - this.#delivered;
  }

  push(payload: Payload): void {
    this.#events.push(payload);
    this.#wake();
  }

  setPhase(phase: RunPhase): void {
    this.#phase = phase;
    this.#wake();
  }

  /** The last event named `name`, if any (a finished run's workflow_finished, say). */
  last(name: string): Payload | undefined {
    for (let index = this.#events.length - 1; index >= 0; index--) {
      if (this.#events[index]?.['event'] === name) return this.#events[index];
    }
    return undefined;
  }

  /**
   * Streams the untaken events to `sse` until the run pauses or finishes with
   * everything sent, or the connection closes. With `dropAfter`, the
   * connection is cut (no clean end) after that many events.
   */
  async pipe(sse: SseStream, dropAfter?: number): Promise<void> {
    let sent = 0;
    for (;;) {
      while (this.#delivered < this.#events.length) {
        const payload = this.#events[this.#delivered]!;
        if (!(await emitPayload(sse, payload))) return;
        this.#delivered++;
        sent++;
        if (dropAfter !== undefined && sent >= dropAfter) {
          // Let the client read what was sent, then cut: a reset can discard unread data.
          await sse.sleep(100);
          sse.destroy();
          return;
        }
      }
      if (this.#phase !== 'running' || sse.closed) return;
      await this.#next(sse.signal);
    }
  }

  #next(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.#wakers.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.#wakers.add(done);
      signal.addEventListener('abort', done, {once: true});
    });
  }

  #wake(): void {
    for (const wake of [...this.#wakers]) wake();
  }
}

/** `data: {json}`: compact, raw UTF-8 (like orjson), multi-byte text cut across two writes. */
export function emitPayload(sse: SseStream, payload: Payload): Promise<boolean> {
  const data = JSON.stringify(payload);
  return /[^\x20-\x7e]/.test(data) ? sse.sendSplitUtf8({data}) : sse.send({data});
}
