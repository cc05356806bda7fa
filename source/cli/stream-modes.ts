import type {RunCheckOptions} from '../core/dify-run/index.js';
import {utf8FromEnv} from '../core/locale.js';
import type {Redactor} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';
import {SseStream} from '../core/sse-stream.js';
import {resolveStreamSpec} from '../core/stream-spec.js';
import {findingPrinter} from '../headless/finding-lines.js';
import {createLineWriter} from '../headless/line-writer.js';
import {openRecorder, type Recorder} from '../headless/recorder.js';
import {formatResponseHead} from '../headless/response-head.js';
import {runAnswerText} from '../headless/run-answer-text.js';
import {runHeadless, type RunTimelineOutput} from '../headless/run-headless.js';
import type {ReloadSource} from '../ui/reload/dashboard-reload.js';
import {reportDashboardResult} from './dashboard-result.js';
import type {CliIo} from './main.js';
import {parsePingWait} from './parse-values.js';
import {dashboardOptionsOf} from './reload-source.js';
import type {StreamSetup} from './stream-setups.js';

/**
 * The three ways a set of streams runs once they are loaded: NDJSON records
 * (--json, or no terminal), answer text (--answer) and the dashboard; and
 * what the headless ones print on stderr besides (-i/-v, --run).
 */

/** What the headless modes share: where to write, the redactor, and -i/-v. */
export type HeadlessOutput = {
  readonly io: CliIo;
  readonly redact: Redactor;
  readonly includeHeaders: boolean;
  /** -v: diagnostics findings on stderr as they are made. */
  readonly findings: boolean;
  /** --record FILE. */
  readonly recorder?: Recorder | undefined;
  /** --run (or --answer -v): the Dify run timeline on stderr. */
  readonly runTimeline: RunTimelineOutput | undefined;
  /** How the summary's Dify run checks judge (--ping-wait). */
  readonly runCheckOptions: RunCheckOptions;
};

/** Where `--run` prints: stderr, with ASCII marks when the locale is not UTF-8. */
export function runTimelineOutput(
  on: boolean,
  io: CliIo,
  pingWaitMs?: number,
): RunTimelineOutput | undefined {
  if (!on) return undefined;
  // A reader of stderr that goes away (`2>&1 >out | head`) ends the timeline, not the streams.
  let closed = false;
  io.stderr.on('error', () => {
    closed = true;
  });
  return {
    write: (text) => {
      if (!closed && !io.stderr.destroyed) io.stderr.write(text);
    },
    ascii: !utf8FromEnv(io.env),
    sharesTerminal: Boolean(io.stdout.isTTY && io.stderr.isTTY),
    ...(pingWaitMs === undefined ? {} : {pingWaitMs}),
  };
}

/** A one-line warning on stderr for each stream that does not check TLS certificates. */
export function warnInsecure(setups: readonly StreamSetup[], io: CliIo, redact: Redactor): void {
  for (const {spec} of setups) {
    if (!spec.insecure) continue;
    const line = `${spec.name}: TLS certificate checks are off (--insecure / insecure: true)`;
    io.stderr.write(`ssedeck: warning: ${sanitize(redact(line))}\n`);
  }
}

function headlessStreams(
  setups: readonly StreamSetup[],
  waitForConsumer: () => Promise<void> | undefined,
  output: HeadlessOutput,
) {
  const recorder = output.recorder;
  const waitForBoth = recorder
    ? () => waitForConsumer() ?? recorder.waitForDrain()
    : waitForConsumer;
  const streams = setups.map((setup) => {
    const stream = new SseStream(resolveStreamSpec(setup.spec), {waitForConsumer: waitForBoth});
    if (output.includeHeaders) {
      stream.subscribe((record) => {
        if (record.type === 'status' && record.state === 'open') {
          output.io.stderr.write(formatResponseHead(record, output.redact));
        }
      });
    }
    if (output.findings) {
      stream.subscribe(findingPrinter((text) => output.io.stderr.write(text), output.redact));
    }
    return stream;
  });
  recorder?.attach(streams);
  return streams;
}

export async function runJsonMode(
  setups: readonly StreamSetup[],
  output: HeadlessOutput,
): Promise<number> {
  const {io, redact} = output;
  const writer = createLineWriter(io.stdout);
  return runHeadless({
    streams: headlessStreams(setups, writer.waitForDrain, output),
    answerPresets: new Map(setups.map((setup) => [setup.spec.name, setup.answer])),
    writer,
    redact,
    signals: io.signals,
    runCheckOptions: output.runCheckOptions,
    ...(output.runTimeline ? {runTimeline: output.runTimeline} : {}),
  });
}

/** `--ping-wait S` as the run checks take it (a bad value is a usage error in every mode). */
export function runCheckOptionsOf(pingWait: string | undefined): RunCheckOptions {
  const pingWaitMs = parsePingWait(pingWait);
  return pingWaitMs === undefined ? {} : {pingWaitMs};
}

export async function runAnswerMode(
  setups: readonly StreamSetup[],
  output: HeadlessOutput,
  silent: boolean,
): Promise<number> {
  const {io, redact} = output;
  const writer = createLineWriter(io.stdout);
  return runAnswerText({
    streams: headlessStreams(setups, writer.waitForDrain, output),
    presets: new Map(setups.map((setup) => [setup.spec.name, setup.answer])),
    writer,
    stderr: (line) => io.stderr.write(line),
    redact,
    signals: io.signals,
    silent,
    ...(output.runTimeline ? {runTimeline: output.runTimeline} : {}),
  });
}

export async function runDashboardMode(
  setups: readonly StreamSetup[],
  io: CliIo,
  redact: Redactor,
  recorder: Recorder | undefined,
  options: {
    fps: number | undefined;
    bufferSize: number | undefined;
    details: boolean;
    reload: ReloadSource | undefined;
    runCheckOptions: RunCheckOptions;
  },
): Promise<number> {
  const {runDashboard} = await import('../ui/run-dashboard.js');
  const streams = setups.map(
    (setup) =>
      new SseStream(
        resolveStreamSpec(setup.spec),
        // A Dify run paused for human input waits in the pane for its form.
        recorder
          ? {waitForConsumer: recorder.waitForDrain, holdPausedRuns: true}
          : {holdPausedRuns: true},
      ),
  );
  recorder?.attach(streams);
  const result = await runDashboard({
    streams,
    streamOptions: Object.fromEntries(
      setups.map((setup) => [setup.spec.name, dashboardOptionsOf(setup)]),
    ),
    ...(options.reload ? {reload: options.reload} : {}),
    fps: options.fps,
    bufferSize: options.bufferSize,
    details: options.details,
    runCheckOptions: options.runCheckOptions,
    stdout: io.stdout,
    stdin: io.stdin,
    // o / O: a write error ends that recording; the dashboard runs on.
    openRecorder: (path, recorded, onError) =>
      openRecorder(path, recorded, redact, onError, {exclusive: true}),
  });
  return reportDashboardResult(result, io, redact);
}
