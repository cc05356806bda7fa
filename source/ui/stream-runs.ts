import type {SummaryRecord} from '../core/records.js';
import type {StreamController} from '../core/stream-controller.js';
import type {StreamSpec} from '../core/stream-spec.js';

/**
 * The runs the dashboard started, so that quitting can stop them all and
 * collect each stream's latest summary (also of a run restarted with `s`).
 */
export type StreamRuns = {
  /** Starts a run; with a spec (a Dify follow-up), this run and later ones use it. */
  start(controller: StreamController, spec?: StreamSpec): void;
  /** Resolves when the stream's latest run ended, or after `timeoutMs`; true when it ended. */
  ended(controller: StreamController, timeoutMs: number): Promise<boolean>;
  startAll(): void;
  stopAll(): void;
  /** Each stream's latest summary, waiting at most `timeoutMs` for runs still ending. */
  summaries(timeoutMs: number): Promise<SummaryRecord[]>;
};

/** Resolves once every promise settled, or after `timeoutMs`, whichever comes first. */
async function settledWithin(
  promises: readonly Promise<unknown>[],
  timeoutMs: number,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled(promises), deadline]);
  clearTimeout(timer);
}

export function createStreamRuns(controllers: readonly StreamController[]): StreamRuns {
  const latest = new Map<StreamController, Promise<SummaryRecord>>();
  const settled = new Map<StreamController, SummaryRecord>();
  const start = (controller: StreamController, spec?: StreamSpec): void => {
    const run = controller.start(spec);
    if (latest.get(controller) !== run) settled.delete(controller);
    latest.set(controller, run);
    run.then(
      (summary) => {
        if (latest.get(controller) === run) settled.set(controller, summary);
      },
      () => undefined,
    );
  };
  return {
    start,
    async ended(controller, timeoutMs) {
      const run = latest.get(controller);
      if (!run || !controller.running) return !controller.running;
      await settledWithin([run], timeoutMs);
      return !controller.running;
    },
    startAll() {
      for (const controller of controllers) start(controller);
    },
    stopAll() {
      for (const controller of controllers) {
        if (controller.running) controller.stop();
      }
    },
    async summaries(timeoutMs) {
      await settledWithin([...latest.values()], timeoutMs);
      // A microtask turn so runs that just ended are recorded.
      await Promise.resolve();
      return controllers.flatMap((controller) => {
        const summary = settled.get(controller);
        return summary ? [summary] : [];
      });
    },
  };
}
