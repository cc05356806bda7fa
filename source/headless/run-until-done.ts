import type {SummaryRecord} from '../core/records.js';
import type {StreamController} from '../core/stream-controller.js';

export const SIGNAL_EXIT_CODES = {SIGINT: 130, SIGTERM: 143} as const;
/** After a signal, how long the summaries may take to reach a slow reader. */
export const SIGNAL_FLUSH_MS = 800;

export type RunOutcome = {
  readonly summaries: readonly SummaryRecord[];
  /** 130 or 143 when a signal stopped the streams. */
  readonly signalCode: number | undefined;
};

/**
 * Starts every stream and waits for all summaries. SIGINT/SIGTERM (from
 * `signals`) stop them all; the summaries still come, and the outcome says
 * which signal it was. `stopAll` is also returned for other reasons to stop
 * (a reader that went away); `beforeStop` runs first (the writer lets go of
 * its backpressure, so streams waiting on a full pipe see the stop).
 */
export function runUntilDone(
  streams: readonly StreamController[],
  signals: NodeJS.EventEmitter | undefined,
  beforeStop?: () => void,
): {stopAll: () => void; done: Promise<RunOutcome>} {
  const stopAll = () => {
    beforeStop?.();
    for (const stream of streams) stream.stop();
  };
  let signalCode: number | undefined;
  const onSigint = () => {
    signalCode ??= SIGNAL_EXIT_CODES.SIGINT;
    stopAll();
  };
  const onSigterm = () => {
    signalCode ??= SIGNAL_EXIT_CODES.SIGTERM;
    stopAll();
  };
  signals?.on('SIGINT', onSigint);
  signals?.on('SIGTERM', onSigterm);
  const done = Promise.all(streams.map((stream) => stream.start())).then((summaries) => ({
    summaries,
    signalCode,
  }));
  void done.finally(() => {
    signals?.off('SIGINT', onSigint);
    signals?.off('SIGTERM', onSigterm);
  });
  return {stopAll, done};
}
