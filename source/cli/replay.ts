import {noRedaction} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';
import {createLineWriter, type LineWriter} from '../headless/line-writer.js';
import {runAnswerText} from '../headless/run-answer-text.js';
import {runHeadless} from '../headless/run-headless.js';
import type {CommandLine} from './flags.js';
import {reportDashboardResult} from './dashboard-result.js';
import type {CliIo} from './main.js';
import {loadReplaySources, type ReplaySource} from './replay-sources.js';
import {canAddressCursor} from './run-streams.js';
import {runCheckOptionsOf, runTimelineOutput} from './stream-modes.js';
import {EXIT_USAGE, UsageError} from './usage-error.js';
import type {AnswerPreset} from '../core/answer/index.js';
import type {RunCheckOptions} from '../core/dify-run/index.js';
import type {ReplayStream} from '../core/recording/replay-stream.js';
import type {RunTimelineOutput} from '../headless/run-headless.js';

/** --speed bounds: slower than 1/100 or faster than 1000x is a typo, not a wish. */
const MIN_SPEED = 0.01;
const MAX_SPEED = 1000;

/** `--speed X|max`: a factor (default 1) or Infinity for max. */
export function parseSpeed(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'max') return Number.POSITIVE_INFINITY;
  const speed = /^\d+(\.\d+)?$|^\.\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
    throw new UsageError(
      `--speed: expected a factor from ${MIN_SPEED} to ${MAX_SPEED} or "max", got "${value.slice(0, 40)}"`,
    );
  }
  return speed;
}

/** `--rate N`: events per second of raw SSE captures (0.01 to 100000). */
export function parseRate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const rate = /^\d+(\.\d+)?$|^\.\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(rate >= 0.01 && rate <= 100_000)) {
    throw new UsageError(
      `--rate: expected events per second from 0.01 to 100000, got "${value.slice(0, 40)}"`,
    );
  }
  return rate;
}

/**
 * `ssedeck replay FILE...`: the recorded streams, no network, into the same
 * consumers as live streams: the dashboard on a terminal, else NDJSON
 * (--json) or answer text (--answer).
 */
export async function runReplay(
  files: readonly string[],
  cli: CommandLine,
  io: CliIo,
): Promise<number> {
  const {flags} = cli;
  if (files.length === 0)
    throw new UsageError('replay: expected a recording FILE (see ssedeck replay --help)');
  if (flags.json && flags.answer) throw new UsageError('--json and --answer: choose one');
  if (flags.record !== undefined) throw new UsageError('replay: --record is not supported yet');
  if (flags.watch) throw new UsageError('replay: --watch is an option of the live dashboard');
  const speed = parseSpeed(flags.speed);
  io.setTitle?.('ssedeck replay');
  let writer: LineWriter | undefined;
  let sources = loadReplaySources(files, flags.stream, {
    speed,
    loop: flags.loop,
    waitForConsumer: () => writer?.waitForDrain(),
    cwd: io.cwd,
    warn: (line) => io.stderr.write(`ssedeck: ${sanitize(line)}\n`),
    capture: {rate: parseRate(flags.rate), preset: flags.answerPreset},
  });
  const headless =
    flags.json || flags.answer || !io.stdout.isTTY || !io.stdin.isTTY || !canAddressCursor(io.env);
  if (flags.answer) {
    sources = sources.filter((source) => source.answer !== 'none');
    if (sources.length === 0)
      throw new UsageError('--answer: no recorded stream has an answer preset');
  }
  if (sources.length === 0) throw new UsageError('replay: the recordings hold no streams');
  const streams = sources.map((source) => source.stream);
  const presets = new Map(sources.map((source) => [source.stream.name, source.answer]));
  if (flags.run && !headless) {
    throw new UsageError('--run prints on stderr in headless mode: add --json or --answer');
  }
  const runCheckOptions = runCheckOptionsOf(flags.pingWait);
  const runTimeline = runTimelineOutput(flags.run, io, runCheckOptions.pingWaitMs);
  const code = await replayInto(
    sources,
    streams,
    presets,
    {flags, headless, io, runTimeline, runCheckOptions},
    (w) => (writer = w),
  );
  // A bad line met while playing ended its stream: one line, as a usage error at load would be.
  const failures = new Set(sources.flatMap((source) => source.stream.failure ?? []));
  for (const failure of failures) io.stderr.write(`ssedeck: replay: ${sanitize(failure)}\n`);
  return failures.size > 0 ? EXIT_USAGE : code;
}

async function replayInto(
  sources: readonly ReplaySource[],
  streams: readonly ReplayStream[],
  presets: ReadonlyMap<string, AnswerPreset>,
  mode: {
    flags: CommandLine['flags'];
    headless: boolean;
    io: CliIo;
    runTimeline: RunTimelineOutput | undefined;
    runCheckOptions: RunCheckOptions;
  },
  setWriter: (writer: LineWriter) => void,
): Promise<number> {
  const {flags, headless, io, runTimeline, runCheckOptions} = mode;
  let writer: LineWriter;
  if (flags.answer) {
    setWriter((writer = createLineWriter(io.stdout)));
    return runAnswerText({
      streams,
      presets,
      writer,
      stderr: (line) => io.stderr.write(line),
      redact: noRedaction,
      signals: io.signals,
      ...(runTimeline ? {runTimeline} : {}),
    });
  }
  if (headless) {
    setWriter((writer = createLineWriter(io.stdout)));
    return runHeadless({
      streams,
      answerPresets: presets,
      writer,
      redact: noRedaction,
      signals: io.signals,
      runCheckOptions,
      ...(runTimeline ? {runTimeline} : {}),
    });
  }
  return replayDashboard(sources, io, runCheckOptions);
}

async function replayDashboard(
  sources: readonly ReplaySource[],
  io: CliIo,
  runCheckOptions: RunCheckOptions,
): Promise<number> {
  const {runDashboard} = await import('../ui/run-dashboard.js');
  const result = await runDashboard({
    streams: sources.map((source) => source.stream),
    streamOptions: Object.fromEntries(
      sources.map((source) => [source.stream.name, {answer: source.answer, view: source.view}]),
    ),
    runCheckOptions,
    stdout: io.stdout,
    stdin: io.stdin,
  });
  return reportDashboardResult(result, io, noRedaction);
}
