import {clampDelay} from '../backoff.js';
import type {RecordListener, StreamRecord, SummaryRecord} from '../records.js';
import type {StreamController} from '../stream-controller.js';
import {MAX_DURATION_MS, type ResolvedStreamSpec} from '../stream-spec.js';
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
  readonly #records: readonly StreamRecord[];
  readonly #options: ReplayOptions;
  readonly #now: () => number;
  readonly #listeners = new Set<RecordListener>();
  #running = false;
  #stopped = false;
  #run: Promise<SummaryRecord> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #wake: (() => void) | undefined;

  constructor(
    resolved: ResolvedStreamSpec,
    records: readonly StreamRecord[],
    options: ReplayOptions,
  ) {
    this.name = resolved.name;
    this.resolved = resolved;
    this.#records = records;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  get running(): boolean {
    return this.#running;
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
    const {speed, loop, waitForConsumer} = this.#options;
    const paced = Number.isFinite(speed) && speed > 0;
    const scale = paced ? speed : 1;
    const runStart = this.#now();
    let summary: SummaryRecord | undefined;
    let tally = new ReplayTally(this.name, runStart);
    do {
      const begin = this.#now();
      tally = new ReplayTally(this.name, runStart);
      summary = undefined;
      for (let index = 0; index < this.#records.length && !this.#stopped; index++) {
        const recorded = this.#records[index] as StreamRecord;
        if (paced) {
          const delay = recorded.timestamp / scale - (this.#now() - begin);
          if (delay >= MIN_TIMER_MS) await this.#sleep(delay);
          else if (index % YIELD_EVERY === YIELD_EVERY - 1) await nextTurn();
          if (this.#stopped) break;
        } else if (index % YIELD_EVERY === YIELD_EVERY - 1) {
          await nextTurn();
        }
        const wait = waitForConsumer?.();
        if (wait) await wait;
        if (this.#stopped) break;
        const record = {...recorded, timestamp: begin + recorded.timestamp / scale};
        tally.add(record);
        if (record.type === 'summary') summary = record;
        this.#emit(record);
      }
    } while (loop && !this.#stopped && this.#records.length > 0);
    if (summary && !this.#stopped) return summary;
    const reason = this.#stopped ? 'replay stopped' : 'the recording ends before the summary';
    const stopped = tally.summary(this.#now(), reason);
    this.#emit(stopped);
    return stopped;
  }
}
