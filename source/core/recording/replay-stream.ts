import {clampDelay} from '../backoff.js';
import type {RecordListener, StreamRecord, SummaryRecord} from '../records.js';
import type {StreamController} from '../stream-controller.js';
import {MAX_DURATION_MS, type ResolvedStreamSpec} from '../stream-spec.js';
import {RecordingError} from './load.js';
import {arraySource, type RecordSource} from './record-source.js';
import {ReplayTally} from './replay-tally.js';

export type ReplayOptions = {
  /** 2 = twice as fast; Infinity = as fast as the consumers take records. */
  readonly speed: number;
  /** Start over after the last record, until stopped. */
  readonly loop: boolean;
  /** A promise while a consumer is behind (a full stdout pipe): replay waits. */
  readonly waitForConsumer?: () => Promise<void> | undefined;
  readonly now?: () => number;
};

/** With --speed max, the player lets the event loop turn after this many records. */
const YIELD_EVERY = 1024;
/** Gaps shorter than this (ms) are not worth a timer. */
const MIN_TIMER_MS = 1;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A stream fed from a recording instead of the network: it emits the
 * recorded records of one stream with their original pacing (scaled by
 * `speed`), timestamps shifted to now, so every consumer works unchanged.
 * `reconnect()` does nothing (a recording cannot be asked again).
 */
export class ReplayStream implements StreamController {
  readonly name: string;
  readonly resolved: ResolvedStreamSpec;
  readonly #source: RecordSource;
  readonly #options: ReplayOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<RecordListener>();
  #running = false;
  #stopped = false;
  #run: Promise<SummaryRecord> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;
  #failure: string | undefined;

  constructor(
    resolved: ResolvedStreamSpec,
    records: readonly StreamRecord[] | RecordSource,
    options: ReplayOptions,
  ) {
    this.name = resolved.name;
    this.resolved = resolved;
    this.#source = typeof records === 'function' ? records : arraySource(records);
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get running(): boolean {
    return this.#running;
  }

  /** The one-line message of a bad line that ended the replay (file:line: why), if one did. */
  get failure(): string | undefined {
    return this.#failure;
  }

  subscribe(listener: RecordListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): Promise<SummaryRecord> {
    if (this.#running && this.#run) return this.#run;
    this.#running = true;
    this.#stopped = false;
    this.#run = this.#play().finally(() => (this.#running = false));
    return this.#run;
  }

  stop(): void {
    if (!this.#running) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#wake?.();
  }

  reconnect(): void {
    // Nothing to reconnect to: the recording plays on.
  }

  #emit(record: StreamRecord): void {
    for (const listener of this.#listeners) listener(record);
  }

  #sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#wake = resolve;
      this.#timer = setTimeout(resolve, clampDelay(ms, MAX_DURATION_MS, 0));
    });
  }

  async #play(): Promise<SummaryRecord> {
    const {speed, loop} = this.#options;
    const paced = Number.isFinite(speed) && speed > 0;
    const runStart = this.#now();
    let summary: SummaryRecord | undefined;
    let tally = new ReplayTally(this.name, runStart);
    this.#failure = undefined;
    let played: number;
    do {
      tally = new ReplayTally(this.name, runStart);
      summary = undefined;
      try {
        played = await this.#pass(paced ? speed : 1, paced, tally, (last) => (summary = last));
      } catch (error) {
        if (!(error instanceof RecordingError)) throw error;
        return this.#fail(error.message, tally);
      }
    } while (loop && !this.#stopped && played > 0);
    if (summary && !this.#stopped) return summary;
    const reason = this.#stopped ? 'replay stopped' : 'the recording ends before the summary';
    const stopped = tally.summary(this.#now(), reason);
    this.#emit(stopped);
    return stopped;
  }

  /** One pass over the recording; returns how many records it emitted. */
  async #pass(
    scale: number,
    paced: boolean,
    tally: ReplayTally,
    onSummary: (summary: SummaryRecord) => void,
  ): Promise<number> {
    const {waitForConsumer} = this.#options;
    const begin = this.#now();
    let count = 0;
    for await (const batch of this.#source((offset) => begin + offset / scale)) {
      for (let index = 0; index < batch.length; index++) {
        if (this.#stopped) return count;
        const record = batch[index] as StreamRecord;
        if (paced) {
          const delay = record.timestamp - this.#now();
          if (delay >= MIN_TIMER_MS) await this.#sleep(delay);
          else if (count % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
          if (this.#stopped) return count;
        } else if (count % YIELD_EVERY === YIELD_EVERY - 1) {
          await nextTurn();
        }
        const wait = waitForConsumer?.();
        if (wait) await wait;
        if (this.#stopped) return count;
        tally.add(record);
        if (record.type === 'summary') onSummary(record);
        this.#emit(record);
        count++;
      }
    }
    return count;
  }

  /** A bad line: the stream ends failed, its error record naming the file and line. */
  #fail(message: string, tally: ReplayTally): SummaryRecord {
    this.#failure = message;
    const now = this.#now();
    const error: StreamRecord = {
      stream: this.name,
      timestamp: now,
      bytesReceived: 0,
      type: 'error',
      status: 'failed',
      error: message,
    };
    tally.add(error);
    this.#emit(error);
    const failed = tally.summary(now, message, 'failed');
    this.#emit(failed);
    return failed;
  }
}
