import type {Redactor} from '../core/redact.js';
import type {StreamRecord, SummaryRecord} from '../core/records.js';
import type {StreamController} from '../core/stream-controller.js';
import type {LineWriter} from './line-writer.js';
import {toNdjsonLine} from '../core/ndjson.js';

export type HeadlessOptions = {
  readonly streams: readonly StreamController[];
  readonly writer: LineWriter;
  readonly redact: Redactor;
  /** Where SIGINT/SIGTERM come from (process in the CLI). */
  readonly signals?: NodeJS.EventEmitter;
};

export const EXIT_OK = 0;
export const EXIT_STREAM_FAILED = 1;
export const SIGNAL_EXIT_CODES = {SIGINT: 130, SIGTERM: 143} as const;

/** Exit code of finished streams: 1 when any failed. */
export function exitCodeFor(summaries: readonly SummaryRecord[]): number {
  return summaries.some((summary) => summary.status === 'failed') ? EXIT_STREAM_FAILED : EXIT_OK;
}

/**
 * Runs every stream and writes each record as one NDJSON line. SIGINT/SIGTERM
 * stop all streams, whose summaries are still written; the exit code is then
 * 130/143. A reader that goes away (EPIPE) stops the streams quietly.
 */
export async function runHeadless(options: HeadlessOptions): Promise<number> {
  const {streams, writer, redact, signals} = options;
  const write = (record: StreamRecord) => {
    const line = toNdjsonLine(record, redact);
    if (line) writer.write(line);
  };
  const unsubscribes = streams.map((stream) => stream.subscribe(write));
  const stopAll = () => {
    for (const stream of streams) stream.stop();
  };
  writer.onClose(stopAll);

  let signalCode: number | undefined;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => () => {
    signalCode ??= SIGNAL_EXIT_CODES[signal];
    stopAll();
  };
  const onSigint = onSignal('SIGINT');
  const onSigterm = onSignal('SIGTERM');
  signals?.on('SIGINT', onSigint);
  signals?.on('SIGTERM', onSigterm);
  try {
    const summaries = await Promise.all(streams.map((stream) => stream.start()));
    await writer.end();
    return signalCode ?? exitCodeFor(summaries);
  } finally {
    signals?.off('SIGINT', onSigint);
    signals?.off('SIGTERM', onSigterm);
    for (const unsubscribe of unsubscribes) unsubscribe();
  }
}
