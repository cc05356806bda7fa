import {diffWords} from 'diff';
import {answerPresets, type AnswerPreset} from '../core/answer/index.js';
import {
  applyDifyRunRecord,
  createDifyRunState,
  currentRun,
  type DifyRunState,
  type RunNode,
} from '../core/dify-run/index.js';
import {RecordingError} from '../core/recording/load.js';
import {ReplayStream} from '../core/recording/replay-stream.js';
import type {SummaryRecord} from '../core/records.js';
import {sanitize} from '../core/sanitize.js';
import {createStreamStore} from '../core/store/stream-store.js';
import {parseStreamSpec, resolveStreamSpec} from '../core/stream-spec.js';
import type {CliIo} from './main.js';
import {openFile} from './replay-sources.js';
import {UsageError} from './usage-error.js';

/** What diff compares of one recorded stream. */
type StreamRun = {
  readonly answer: string | undefined;
  readonly summary: SummaryRecord;
  readonly ttftMs: number | undefined;
  readonly totalMs: number | undefined;
  readonly tokens: number | undefined;
  /** The Dify run fold's rows of the stream's (last) run: nodes, iterations, loops. */
  readonly nodes: readonly RunNode[];
};

const presetOf = (preset: string): AnswerPreset =>
  (answerPresets as readonly string[]).includes(preset) ? (preset as AnswerPreset) : 'none';

/**
 * Plays every stream of `file` as fast as possible into a store, the path
 * replay takes, and reads what diff compares from its answer snapshots and
 * the summaries.
 */
async function runsOf(file: string, io: CliIo): Promise<Map<string, StreamRun>> {
  const warn = (line: string) => io.stderr.write(`ssedeck: diff: ${sanitize(line)}\n`);
  let files;
  try {
    files = openFile(file, io.cwd, {}, warn);
  } catch (error) {
    if (error instanceof RecordingError) throw new UsageError(`diff: ${error.message}`);
    if (error instanceof UsageError)
      throw new UsageError(error.message.replace(/^replay:/, 'diff:'));
    throw error;
  }
  const store = createStreamStore({
    streams: files.map(({header}) => ({name: header.name, answer: presetOf(header.preset)})),
    notifyIntervalMs: 0,
  });
  // The one Dify node model (core/dify-run), also for recordings without the dify preset.
  const runFolds = new Map<string, DifyRunState>();
  const streams = files.map(({header, source}) => {
    const spec = resolveStreamSpec(
      parseStreamSpec({name: header.name, url: 'http://recording.invalid/'}),
    );
    const stream = new ReplayStream(spec, source(undefined), {
      speed: Number.POSITIVE_INFINITY,
      loop: false,
    });
    const runFold = createDifyRunState({maxHistory: 0, detailBudget: 0});
    runFolds.set(header.name, runFold);
    stream.subscribe((record) => {
      applyDifyRunRecord(runFold, record);
    });
    return stream;
  });
  const detach = store.attach(streams);
  try {
    const summaries = await Promise.all(streams.map((stream) => stream.start()));
    const failure = streams.find((stream) => stream.failure !== undefined)?.failure;
    if (failure !== undefined) throw new UsageError(`diff: ${failure}`);
    store.flush();
    const runs = new Map<string, StreamRun>();
    streams.forEach((stream, index) => {
      const summary = summaries[index] as SummaryRecord;
      const answer = store.getAnswerSnapshot(stream.name)?.current;
      runs.set(stream.name, {
        answer: answer?.text,
        summary,
        ttftMs: answer?.metrics.ttftMs ?? summary.firstEventMs,
        totalMs: answer?.metrics.totalLatencyMs ?? summary.connectionDuration * 1000,
        tokens: answer?.metrics.outputTokens,
        nodes: nodesOf(runFolds.get(stream.name)),
      });
    });
    return runs;
  } finally {
    detach();
    store.dispose();
  }
}

function nodesOf(runFold: DifyRunState | undefined): readonly RunNode[] {
  return runFold === undefined ? [] : currentRun(runFold).nodes;
}

type Paint = {readonly removed: (text: string) => string; readonly added: (text: string) => string};

const plain: Paint = {removed: (text) => `[-${text}-]`, added: (text) => `{+${text}+}`};
const colour: Paint = {
  removed: (text) => `\u001b[31m[-${text}-]\u001b[39m`,
  added: (text) => `\u001b[32m{+${text}+}\u001b[39m`,
};

const ms = (value: number | undefined) =>
  value === undefined
    ? '-'
    : value < 1000
      ? `${Math.round(value)} ms`
      : `${(value / 1000).toFixed(2)} s`;
const count = (value: number | undefined) => (value === undefined ? '-' : String(value));

/** Two values side by side under their label, at most 80 columns. */
const row = (label: string, a: string, b: string) =>
  `  ${label.padEnd(10)} ${a.length >= 24 ? `${a} ` : a.padEnd(24)} ${b === a ? '(same)' : b}`;

function wordDiff(a: string, b: string, paint: Paint): string {
  return diffWords(a, b)
    .map((part) => {
      const text = sanitize(part.value, {keepNewlines: true});
      return part.added ? paint.added(text) : part.removed ? paint.removed(text) : text;
    })
    .join('');
}

/** "Start succeeded 0.01s"; a node inside an iteration or loop starts with its step ("#1 "). */
function nodeLine(node: RunNode | undefined): string {
  if (!node) return '-';
  const elapsed = node.elapsedSeconds === undefined ? '' : ` ${node.elapsedSeconds.toFixed(2)}s`;
  const step = node.nesting?.step === undefined ? '' : `#${node.nesting.step} `;
  const title = sanitize(`${step}${node.title || node.nodeId}`).slice(0, 16);
  return `${title} ${node.status}${elapsed}`;
}

/** The report of one stream; `differs` when its answers differ. */
function report(
  name: string,
  a: StreamRun,
  b: StreamRun,
  paint: Paint,
): {lines: string[]; differs: boolean} {
  const lines = [`== ${sanitize(name)} ==`];
  const differs = (a.answer ?? '') !== (b.answer ?? '');
  if (a.answer !== undefined || b.answer !== undefined) {
    if (differs) {
      lines.push('  answer     differs:');
      lines.push(
        ...wordDiff(a.answer ?? '', b.answer ?? '', paint)
          .split('\n')
          .map((line) => `    ${line}`),
      );
    } else lines.push('  answer     same');
  }
  lines.push(row('events', String(a.summary.totalEvents), String(b.summary.totalEvents)));
  const types = [
    ...new Set([...Object.keys(a.summary.eventsByType), ...Object.keys(b.summary.eventsByType)]),
  ];
  for (const type of types.sort()) {
    const left = count(a.summary.eventsByType[type]);
    const right = count(b.summary.eventsByType[type]);
    if (left !== right) lines.push(row(`  ${sanitize(type).slice(0, 8)}`, left, right));
  }
  lines.push(row('TTFT', ms(a.ttftMs), ms(b.ttftMs)));
  lines.push(row('total', ms(a.totalMs), ms(b.totalMs)));
  if (a.tokens !== undefined || b.tokens !== undefined)
    lines.push(row('tokens', count(a.tokens), count(b.tokens)));
  const steps = Math.max(a.nodes.length, b.nodes.length);
  if (steps > 0) lines.push('  nodes');
  for (let index = 0; index < steps; index++) {
    lines.push(row(`  ${index + 1}`, nodeLine(a.nodes[index]), nodeLine(b.nodes[index])));
  }
  return {lines, differs};
}

/**
 * `ssedeck diff A B`: per stream of two recordings, the answers (a word
 * diff), event counts, TTFT, total time, tokens and Dify's node sequence.
 * Exit 0 when every answer is equal, 1 when one differs, 2 for bad input.
 */
export async function runDiff(files: readonly string[], io: CliIo): Promise<number> {
  if (files.length !== 2)
    throw new UsageError(
      'diff: expected two recordings, e.g. ssedeck diff before.ndjson after.ndjson',
    );
  const [fileA, fileB] = files as [string, string];
  const a = await runsOf(fileA, io);
  const b = await runsOf(fileB, io);
  const paint = io.stdout.isTTY && io.env['NO_COLOR'] === undefined ? colour : plain;
  const out: string[] = [`--- ${sanitize(fileA)}`, `+++ ${sanitize(fileB)}`];
  let differs = false;
  for (const name of [...new Set([...a.keys(), ...b.keys()])]) {
    const left = a.get(name);
    const right = b.get(name);
    if (!left || !right) {
      out.push(`== ${sanitize(name)} ==`, `  only in ${sanitize(left ? fileA : fileB)}`);
      differs = true;
      continue;
    }
    const part = report(name, left, right, paint);
    out.push(...part.lines);
    differs ||= part.differs;
  }
  out.push(differs ? 'answers differ' : 'answers are equal');
  io.stdout.write(`${out.join('\n')}\n`);
  return differs ? 1 : 0;
}
