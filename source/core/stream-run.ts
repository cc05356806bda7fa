import {createCounters, type StreamCounters} from './counters.js';
import {DiagnosticsCollector, type CollectorOptions} from './diagnostics/collector.js';
import type {SummaryRecord} from './records.js';
import type {RunEnd} from './summary-record.js';

/** State of one run of a stream: from start() to its summary. */
export type Run = {
  readonly startedAt: number;
  readonly counters: StreamCounters;
  readonly diagnostics: DiagnosticsCollector;
  attempt: number;
  failures: number;
  eventsThisConnection: number;
  openedThisConnection: boolean;
  connection: AbortController | undefined;
  /** The next connection re-attaches to the Dify run (GET /workflow/{id}/events). */
  reattachNext: boolean;
  finish: RunEnd | undefined;
  wake: (() => void) | undefined;
  readonly done: Promise<SummaryRecord>;
  readonly resolveDone: (summary: SummaryRecord) => void;
};

export function createRun(startedAt: number, diagnostics: CollectorOptions): Run {
  let resolveDone!: (summary: SummaryRecord) => void;
  const done = new Promise<SummaryRecord>((resolve) => (resolveDone = resolve));
  return {
    startedAt,
    counters: createCounters(),
    diagnostics: new DiagnosticsCollector(diagnostics),
    attempt: 0,
    failures: 0,
    eventsThisConnection: 0,
    openedThisConnection: false,
    connection: undefined,
    reattachNext: false,
    finish: undefined,
    wake: undefined,
    done,
    resolveDone,
  };
}

/** Calls `onLimit` after `ms` (none when undefined); clear it with clearTimeout. */
export function limitTimer(
  ms: number | undefined,
  onLimit: () => void,
): NodeJS.Timeout | undefined {
  return ms === undefined ? undefined : setTimeout(onLimit, ms);
}

/** Waits `delayMs`, unless the run is finished or `run.wake()` cuts the wait short. */
export function sleepUnlessWoken(run: Run, delayMs: number): Promise<void> {
  if (delayMs <= 0 || run.finish) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, delayMs);
    function done() {
      clearTimeout(timer);
      run.wake = undefined;
      resolve();
    }
    run.wake = done;
  });
}

/** Waits with no time limit until `run.wake()` (a re-attach, a reconnect) or the run finishes. */
export function waitUntilWoken(run: Run): Promise<void> {
  if (run.finish) return Promise.resolve();
  return new Promise((resolve) => {
    run.wake = () => {
      run.wake = undefined;
      resolve();
    };
  });
}
