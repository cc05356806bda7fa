import {
  applyAnswerRecord,
  createAnswerState,
  type AnswerPreset,
  type AnswerState,
} from '../core/answer/index.js';
import {answerStreamSummaryFields} from '../core/answer-wire.js';
import {
  applyDifyRunRecord,
  createDifyRunState,
  type DifyRunState,
  type RunCheckOptions,
} from '../core/dify-run/index.js';
import type {Redactor} from '../core/redact.js';
import type {StreamRecord, SummaryRecord} from '../core/records.js';
import type {StreamController} from '../core/stream-controller.js';
import type {LineWriter} from './line-writer.js';
import {toNdjsonLine} from '../core/ndjson.js';
import {runUntilDone, SIGNAL_FLUSH_MS} from './run-until-done.js';
import {createRunTimeline, type RunTimeline} from './run-timeline.js';

/** `--run`: the Dify run timeline on stderr. */
export type RunTimelineOutput = {
  readonly write: (text: string) => void;
  /** ASCII marks (the locale is not UTF-8). */
  readonly ascii: boolean;
  /** stdout and stderr are the same terminal: `--answer` starts timeline lines on a new line. */
  readonly sharesTerminal?: boolean;
  /** `--ping-wait`: the threshold of the live ping-wait line, in ms (default 30 s). */
  readonly pingWaitMs?: number;
};

export type HeadlessOptions = {
  readonly streams: readonly StreamController[];
  /** Streams with an answer preset get the answer fields in their summary record. */
  readonly answerPresets?: ReadonlyMap<string, AnswerPreset>;
  readonly writer: LineWriter;
  readonly redact: Redactor;
  /** Where SIGINT/SIGTERM come from (process in the CLI). */
  readonly signals?: NodeJS.EventEmitter;
  /** `--run`: print each Dify stream's node timeline here as it happens. */
  readonly runTimeline?: RunTimelineOutput;
  /** How the summary's Dify run checks judge (--ping-wait). */
  readonly runCheckOptions?: RunCheckOptions;
};

export const EXIT_OK = 0;
export const EXIT_STREAM_FAILED = 1;

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
  const answers = new Map<string, AnswerState>();
  const runs = new Map<string, {state: DifyRunState; timeline: RunTimeline | undefined}>();
  for (const [name, preset] of options.answerPresets ?? []) {
    if (preset !== 'none') answers.set(name, createAnswerState(preset));
    if (preset !== 'dify') continue;
    const timeline = options.runTimeline
      ? createRunTimeline({name, redact, ...options.runTimeline})
      : undefined;
    runs.set(name, {state: createDifyRunState(), timeline});
  }
  const write = (record: StreamRecord) => {
    const answer = answers.get(record.stream);
    if (answer) applyAnswerRecord(answer, record);
    // After the answer fold: the run fold reuses its parse of the event's JSON.
    const run = runs.get(record.stream);
    if (run && (applyDifyRunRecord(run.state, record) || record.type === 'summary')) {
      run.timeline?.update(run.state, record);
    }
    const extra =
      answer && record.type === 'summary'
        ? answerStreamSummaryFields(answer, run?.state, record.timestamp, options.runCheckOptions)
        : undefined;
    const line = toNdjsonLine(record, redact, extra);
    if (line) writer.write(line);
  };
  const unsubscribes = streams.map((stream) => stream.subscribe(write));
  const {stopAll, done} = runUntilDone(streams, signals, writer.release);
  writer.onClose(stopAll);
  try {
    const {summaries, signalCode} = await done;
    // After a signal the reader may be stuck: the summaries get a moment, not forever.
    await writer.end(signalCode === undefined ? undefined : SIGNAL_FLUSH_MS);
    return signalCode ?? exitCodeFor(summaries);
  } finally {
    for (const unsubscribe of unsubscribes) unsubscribe();
  }
}
