import {
  answerErrorText,
  answerSnapshot,
  answerTextDelta,
  applyAnswerRecord,
  createAnswerState,
  type AnswerPreset,
  type AnswerRun,
  type AnswerState,
} from '../core/answer/index.js';
import {stoppedNote} from '../core/answer/stopped-note.js';
import type {Redactor} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';
import type {StreamController} from '../core/stream-controller.js';
import type {LineWriter} from './line-writer.js';
import {runUntilDone, SIGNAL_FLUSH_MS} from './run-until-done.js';
import type {RunTimelineOutput} from './run-headless.js';
import {runTimelineFold} from './run-timeline.js';

export type AnswerTextOptions = {
  /** Only streams with an answer preset other than none. */
  readonly streams: readonly StreamController[];
  readonly presets: ReadonlyMap<string, AnswerPreset>;
  readonly writer: LineWriter;
  readonly stderr: (line: string) => void;
  readonly redact: Redactor;
  readonly signals?: NodeJS.EventEmitter;
  /** -s: no `conversation_id=` lines at the end (errors still print). */
  readonly silent?: boolean;
  /** `--run` / `--answer --verbose`: each Dify stream's node timeline on stderr as it happens. */
  readonly runTimeline?: RunTimelineOutput;
};

type Output = {
  readonly name: string;
  readonly answer: AnswerState;
  lastRun: AnswerRun | undefined;
  /** Answer text to print, grown by deltas; `printed` chars of it are out. */
  text: string;
  printed: number;
  /** The `==> name <==` label is out (several streams only). */
  labelled: boolean;
  finished: boolean;
};

/**
 * `--answer`: prints only the answer text, as it arrives, like the Dify
 * plugin's chatflow mode. Several streams print one after another (the first
 * live, the others as soon as the ones before them are done), each after a
 * `==> name <==` line as tail labels files, separated by a blank line.
 * Errors, pauses and incomplete streams go to stderr; at the end, so does
 * `ssedeck: NAME: conversation_id=ID` for each Dify answer that has one
 * (unless silent). The exit code is 1 when an answer ended in an error, a
 * failed workflow or without a terminal event.
 */
export async function runAnswerText(options: AnswerTextOptions): Promise<number> {
  const {streams, writer, redact} = options;
  const outputs = streams.map((stream): Output => ({
    name: stream.name,
    answer: createAnswerState(options.presets.get(stream.name) ?? 'none'),
    lastRun: undefined,
    text: '',
    printed: 0,
    labelled: false,
    finished: false,
  }));
  const labels = outputs.length > 1;
  let active = 0;
  let failed = false;
  const note = (output: Output, message: string) => {
    // The answer printed so far comes first, also when stdout and stderr share a terminal.
    writer.flush();
    options.stderr(`ssedeck: ${sanitize(redact(`${output.name}: ${message}`))}\n`);
  };

  /** The answer text written so far ends with a newline (or nothing is written). */
  let atLineStart = true;
  const flush = () => {
    while (active < outputs.length) {
      const output = outputs[active]!;
      if (labels && !output.labelled) {
        const name = sanitize(redact(output.name));
        writer.write(`${active > 0 ? '\n' : ''}==> ${name} <==\n`);
        output.labelled = true;
      }
      if (output.printed < output.text.length) {
        const text = sanitize(redact(output.text.slice(output.printed)), {keepNewlines: true});
        writer.write(text);
        output.printed = output.text.length;
        atLineStart = text.endsWith('\n');
      }
      if (!output.finished) return;
      if (output.printed > 0) {
        writer.write(!labels && active < outputs.length - 1 ? '\n\n' : '\n');
        atLineStart = true;
      }
      active++;
    }
  };

  const timelines = streams.flatMap((stream) => {
    const timeline = options.runTimeline;
    if (!timeline || options.presets.get(stream.name) !== 'dify') return [];
    // The answer printed so far comes first, also when stdout and stderr share a terminal.
    const write = (text: string) => {
      writer.flush();
      // On a shared terminal a timeline line starts on a line of its own, not after half an answer line.
      timeline.write(timeline.sharesTerminal && !atLineStart ? `\n${text}` : text);
      atLineStart = true;
    };
    const fold = runTimelineFold({
      name: stream.name,
      redact,
      ascii: timeline.ascii,
      write,
      pingWaitMs: timeline.pingWaitMs,
    });
    return [stream.subscribe(fold)];
  });
  const unsubscribes = streams.map((stream, index) =>
    stream.subscribe((record) => {
      const output = outputs[index]!;
      if (!applyAnswerRecord(output.answer, record) && record.type !== 'summary') return;
      const run = answerSnapshot(output.answer).current;
      const delta = answerTextDelta(output.lastRun, run);
      if (delta.kind === 'append') output.text += delta.text;
      if (delta.kind === 'replace') {
        output.text += `${output.text === '' ? '' : '\n'}${delta.text}`;
        note(output, 'the server replaced the answer; the new text follows');
      }
      output.lastRun = run;
      if (record.type === 'summary') {
        output.finished = true;
        // The answer's last line ends before the note about how it ended.
        flush();
        failed = reportEnd(run, (message) => note(output, message)) || failed;
      }
      flush();
    }),
  );
  const {stopAll, done} = runUntilDone(streams, options.signals, writer.release);
  writer.onClose(stopAll);
  try {
    const {signalCode} = await done;
    // After a signal the reader may be stuck: the summaries get a moment, not forever.
    await writer.end(signalCode === undefined ? undefined : SIGNAL_FLUSH_MS);
    if (!options.silent) {
      for (const output of outputs) {
        const id = output.lastRun?.ids.conversationId;
        if (output.answer.preset === 'dify' && id) note(output, `conversation_id=${id}`);
      }
    }
    return signalCode ?? (failed ? 1 : 0);
  } finally {
    for (const unsubscribe of [...unsubscribes, ...timelines]) unsubscribe();
  }
}

/** Tells stderr how a run ended when it is not a plain success; true when that is a failure. */
function reportEnd(run: AnswerRun, note: (message: string) => void): boolean {
  switch (run.status) {
    case 'error':
      note(run.error ? answerErrorText(run.error) : run.statusReason || 'failed');
      return true;
    case 'incomplete':
      note(run.statusReason || 'ended without a terminal event');
      return true;
    case 'paused':
      note(run.statusReason || run.status);
      return false;
    case 'stopped':
      note(stoppedNote(run));
      return false;
    default:
      return false;
  }
}
