import {compactText, type LineMarks} from '../core/display-text.js';
import {
  applyDifyRunRecord,
  clampPingWait,
  createDifyRunState,
  currentRun,
  liveNodes,
  liveRunNumber,
  runChecks,
  waitingNode,
  type DifyRun,
  type DifyRunState,
  type RunNode,
} from '../core/dify-run/index.js';
import type {Redactor} from '../core/redact.js';
import type {StreamRecord} from '../core/records.js';

/**
 * `--run` (and `--answer --verbose`): a compact live timeline of a Dify
 * run on stderr, one line per node start, finish and retry, iteration and
 * loop steps indented under their container, the run's end and its checks
 * at the end. Every server string is redacted, sanitized and cut; the marks
 * fall back to ASCII when the locale is not UTF-8 (as the dashboard's do).
 * A stream that only pings for longer than the ping-wait threshold while a
 * node runs gets one line when the threshold is crossed (check `ping-wait`).
 *
 *   ssedeck: NAME: > LLM (llm)
 *   ssedeck: NAME: waiting on node LLM for 30s (pings only)
 *   ssedeck: NAME: + LLM (llm) 1.52 s, 63 tokens, 0.0001 USD
 */

type Marks = {
  readonly start: string;
  readonly ok: string;
  readonly failed: string;
  readonly exception: string;
  readonly retry: string;
  readonly step: string;
  readonly paused: string;
  readonly stopped: string;
  readonly parallel: string;
  readonly line: LineMarks;
};

const unicodeMarks: Marks = {
  start: '▶',
  ok: '✓',
  failed: '✗',
  exception: '!',
  retry: '↻',
  step: '·',
  paused: '⏸',
  stopped: '■',
  parallel: '∥',
  line: {newline: '⏎', ellipsis: '…'},
};

const asciiMarks: Marks = {
  start: '>',
  ok: '+',
  failed: 'x',
  exception: '!',
  retry: '~',
  step: '-',
  paused: '=',
  stopped: '#',
  parallel: '||',
  line: {newline: '\\n', ellipsis: '...'},
};

/** Longest piece of server text on a timeline line. */
const MAX_TEXT = 160;

type Printed = {status: RunNode['status']; retries: number; step: number | undefined};

export type RunTimelineOptions = {
  readonly name: string;
  readonly write: (text: string) => void;
  readonly redact: Redactor;
  readonly ascii: boolean;
  /** The ping-wait threshold in ms (`--ping-wait`; clamped to 1 s – 1 h, default 30 s). */
  readonly pingWaitMs?: number;
  /** The clock (epoch ms) the records' timestamps use. */
  readonly now?: () => number;
};

export type RunTimeline = {
  /** Call after the run fold took the record (state is that fold). */
  readonly update: (state: DifyRunState, record: StreamRecord) => void;
  /** Cancels a pending ping-wait timer (the run's summary does too). */
  readonly dispose: () => void;
};

export function createRunTimeline(options: RunTimelineOptions): RunTimeline {
  const marks = options.ascii ? asciiMarks : unicodeMarks;
  const text = (value: string): string => compactText(options.redact(value), MAX_TEXT, marks.line);
  const say = (depth: number, line: string): void => {
    const head = compactText(options.redact(options.name), MAX_TEXT, marks.line);
    options.write(`ssedeck: ${head}: ${'  '.repeat(depth)}${line}\n`);
  };
  let printed = new Map<string, Printed>();
  let firstOpen = 0;
  let runNumber = 0;
  let nodesLength = 0;

  const label = (node: RunNode): string => {
    const branch =
      node.parallel === undefined ? '' : ` ${marks.parallel} ${text(node.parallel.branch)}`;
    return `${text(node.title)} (${text(node.nodeType)})${branch}`;
  };

  const cost = (node: RunNode): string => {
    const parts: string[] = [];
    if (node.elapsedSeconds !== undefined) parts.push(`${round(node.elapsedSeconds)} s`);
    if (node.tokens !== undefined) parts.push(`${node.tokens} tokens`);
    if (node.price !== undefined) {
      parts.push(`${text(node.price)}${node.currency ? ` ${text(node.currency)}` : ''}`);
    }
    return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
  };

  const finishLine = (node: RunNode): string | undefined => {
    const error = node.error === undefined ? '' : `: ${text(node.error)}`;
    switch (node.status) {
      case 'succeeded':
        return `${marks.ok} ${label(node)}${cost(node)}`;
      case 'failed':
        return `${marks.failed} ${label(node)} failed${cost(node)}${error}`;
      case 'exception':
        return `${marks.exception} ${label(node)} exception${cost(node)}${error}`;
      case 'stopped':
        return `${marks.stopped} ${label(node)} stopped`;
      case 'paused':
        return `${marks.paused} ${label(node)} paused`;
      default:
        return undefined;
    }
  };

  const visit = (node: RunNode): void => {
    const before = printed.get(node.executionId);
    if (before === undefined) {
      say(node.depth, `${marks.start} ${label(node)}`);
    }
    const now: Printed = before ?? {status: 'running', retries: 0, step: undefined};
    if (node.retries > now.retries) {
      const error = node.error === undefined ? '' : `: ${text(node.error)}`;
      say(
        node.depth,
        `${marks.retry} ${label(node)} retry ${node.retryIndex ?? node.retries}${error}`,
      );
    }
    if (node.kind !== 'node' && node.step !== undefined && node.step !== now.step) {
      say(node.depth + 1, `${marks.step} ${node.kind} step ${node.step}`);
    }
    if (node.status !== now.status) {
      const line = finishLine(node);
      if (line !== undefined) say(node.depth, line);
    }
    printed.set(node.executionId, {status: node.status, retries: node.retries, step: node.step});
  };

  const end = (run: DifyRun, at: number): void => {
    const {header} = run;
    const parts = [`run ${header.status}`];
    if (header.appType !== undefined) parts.push(header.appType);
    if (header.elapsedSeconds !== undefined) parts.push(`${round(header.elapsedSeconds)} s`);
    if (header.totalTokens !== undefined) parts.push(`${header.totalTokens} tokens`);
    if (header.totalPrice !== undefined) {
      parts.push(`${text(header.totalPrice)}${header.currency ? ` ${text(header.currency)}` : ''}`);
    }
    if (header.totalSteps !== undefined) parts.push(`${header.totalSteps} steps`);
    say(0, parts.join(', '));
    for (const check of runChecks(run, at)) {
      say(0, `${check.severity} ${check.code}: ${text(check.message)}`);
    }
  };

  const pingWait = createPingWaitWatch(options, (node, thresholdMs) => {
    say(
      0,
      `waiting on node ${text(node.title || node.nodeId)} for ${Math.round(thresholdMs / 1000)}s (pings only)`,
    );
  });

  return {
    dispose: pingWait.dispose,
    update(state, record) {
      if (record.type === 'keepalive') pingWait.ping(state);
      if (record.type === 'summary') pingWait.dispose();
      if (liveRunNumber(state) !== runNumber) {
        runNumber = liveRunNumber(state);
        printed = new Map();
        firstOpen = 0;
        nodesLength = 0;
      }
      const nodes = liveNodes(state);
      if (nodes.length < nodesLength) firstOpen = 0;
      nodesLength = nodes.length;
      for (let index = firstOpen; index < nodes.length; index++) visit(nodes[index]!);
      while (firstOpen < nodes.length) {
        const status = nodes[firstOpen]!.status;
        if (status === 'running' || status === 'paused') break;
        firstOpen++;
      }
      if (record.type === 'summary') end(currentRun(state), record.timestamp);
    },
  };
}

/**
 * The live `ping-wait` check: looked at only when a ping comes (a data event
 * ends the quiet spell, a ping starts or continues it) and once more by a
 * timer when the threshold is due, so the line comes when it is crossed, not
 * at the next ping. One line per quiet spell; the timer never holds the
 * process open.
 */
function createPingWaitWatch(
  options: RunTimelineOptions,
  report: (node: RunNode, thresholdMs: number) => void,
): {ping: (state: DifyRunState) => void; dispose: () => void} {
  const thresholdMs = clampPingWait(options.pingWaitMs);
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** lastEventAt of the quiet spell already reported. */
  let reported: number | undefined;
  const dispose = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const look = (state: DifyRunState): void => {
    const run = currentRun(state);
    const since = run.lastEventAt;
    if (since === undefined || since === reported) return;
    const at = now();
    if (runChecks(run, at, {pingWaitMs: thresholdMs}).some((check) => check.code === 'ping-wait')) {
      const node = waitingNode(run);
      reported = since;
      if (node !== undefined) report(node, thresholdMs);
      return;
    }
    if (timer !== undefined || run.ended || run.pingsSinceEvent === 0) return;
    if (waitingNode(run) === undefined) return;
    // Due when the spell reaches the threshold (clamped: within 1 ms and the threshold).
    const due = since + thresholdMs - at;
    if (!(due > 0)) return;
    const delay = Math.min(thresholdMs, Math.max(1, Math.ceil(due)));
    timer = setTimeout(() => {
      timer = undefined;
      look(state);
    }, delay);
    timer.unref?.();
  };
  return {ping: look, dispose};
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

/** A run fold and its timeline for one Dify stream. */
export function runTimelineFold(options: RunTimelineOptions): (record: StreamRecord) => void {
  const state = createDifyRunState();
  const timeline = createRunTimeline(options);
  return (record) => {
    if (applyDifyRunRecord(state, record) || record.type === 'summary') {
      timeline.update(state, record);
    }
  };
}
