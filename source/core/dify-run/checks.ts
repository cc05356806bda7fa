import {requiredTerminalEvents} from './app-type.js';
import type {RunCheck} from './check-types.js';
import type {DifyRun, RunNode} from './types.js';

/**
 * Checks that catch Dify's known failures (reference §3.4 and §7), as a pure
 * function of a run and the time: a view re-evaluates them as time passes
 * (the ping wait grows while nothing else changes). Messages are raw text
 * built from server strings: sanitize and redact them where they are shown.
 * README "Dify run checks" lists them.
 */

/** Default for the ping-wait check: only pings for this long while a node runs. */
export const DEFAULT_PING_WAIT_MS = 30_000;
export const MIN_PING_WAIT_MS = 1000;
export const MAX_PING_WAIT_MS = 3_600_000;

export type RunCheckOptions = {
  /** Ping-wait threshold in ms (clamped to 1 s – 1 h; default 30 s). */
  readonly pingWaitMs?: number;
};

export function clampPingWait(ms: number | undefined): number {
  if (ms === undefined || Number.isNaN(ms)) return DEFAULT_PING_WAIT_MS;
  return Math.min(MAX_PING_WAIT_MS, Math.max(MIN_PING_WAIT_MS, Math.round(ms)));
}

const seconds = (ms: number): string =>
  ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 100) / 10} s`;
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function nodeLabel(node: RunNode): string {
  return `"${node.title}" (${node.nodeType})`;
}

/** (1) The stream ended without the terminal events its app type sends. */
function missingTerminal(run: DifyRun): RunCheck | undefined {
  if (!run.ended || run.lastEventAt === undefined) return undefined;
  const {terminalEvents, header} = run;
  if (terminalEvents.includes('workflow_paused') || terminalEvents.includes('error'))
    return undefined;
  // A failed chatflow ends with workflow_finished alone (no message_end, reference §3.4).
  const failed = header.status === 'failed' && terminalEvents.includes('workflow_finished');
  const required = requiredTerminalEvents(header.appType).filter(
    (event) => !(failed && event === 'message_end'),
  );
  let what: string;
  if (required.length > 0) {
    const missing = required.filter((event) => !terminalEvents.includes(event));
    if (missing.length === 0) return undefined;
    what = missing.join(' and ');
  } else {
    // App type unknown: any terminal event will do.
    if (terminalEvents.length > 0) return undefined;
    what = 'message_end or workflow_finished';
  }
  const byUser = run.streamEnd?.status === 'stopped';
  const app = header.appType === undefined ? '' : ` (${header.appType})`;
  return {
    code: 'no-terminal-event',
    severity: byUser ? 'info' : 'warn',
    message: `stream ended without ${what}${app}${byUser ? ': stopped by ssedeck' : ''}`,
  };
}

/** The node whose failure failed the run: the latest failed one. */
function failedNode(run: DifyRun): RunNode | undefined {
  for (let index = run.nodes.length - 1; index >= 0; index--) {
    const node = run.nodes[index]!;
    if (node.status === 'failed') return node;
  }
  return undefined;
}

/** (2) A failed run: the failing node and its error, even when no `error` event came. */
function failedRun(run: DifyRun): RunCheck | undefined {
  if (run.header.status !== 'failed') return undefined;
  const node = failedNode(run);
  const error = node?.error ?? run.header.error ?? 'no error text';
  const noEvent = run.errorEvent === undefined ? ' (no error event)' : '';
  return {
    code: 'run-failed',
    severity: 'error',
    message:
      node === undefined
        ? `run failed: ${error}${noEvent}`
        : `run failed at node ${nodeLabel(node)}: ${error}${noEvent}`,
  };
}

/** (3) message_replace / text_replace. */
function replaced(run: DifyRun): RunCheck | undefined {
  const last = run.replacements.at(-1);
  if (last === undefined) return undefined;
  const why = last.reason ? ` (${last.reason})` : '';
  const times = run.replacements.length > 1 ? ` ${run.replacements.length} times` : '';
  return {
    code: 'answer-replaced',
    severity: 'warn',
    message: `answer replaced by ${last.event}${why}${times}; the replaced text (${plural(last.previousText.length, 'char')}) is kept`,
  };
}

/** (4) What happened after stop. */
function stopOutcome(run: DifyRun): RunCheck | undefined {
  const {stop} = run;
  if (stop === undefined) return undefined;
  const counts = `${plural(stop.eventsAfter, 'event')}, ${plural(stop.nodesAfter, 'node')}`;
  const after = stop.endedAt === undefined ? 0 : Math.max(0, stop.endedAt - stop.requestedAt);
  switch (stop.outcome) {
    case 'pending':
      return stop.eventsAfter === 0
        ? {code: 'stop', severity: 'info', message: 'stop requested; waiting for the run to end'}
        : {code: 'stop', severity: 'warn', message: `still running after stop: ${counts}`};
    case 'stopped':
      return stop.nodesAfter === 0
        ? {code: 'stop', severity: 'info', message: `stopped after ${Math.round(after)} ms`}
        : {
            code: 'stop',
            severity: 'warn',
            message: `stopped after ${Math.round(after)} ms, still running after stop: ${counts}`,
          };
    case 'ignored':
      return {
        code: 'stop',
        severity: 'warn',
        message: `stop did not stop the run: it finished ${run.header.status} ${Math.round(after)} ms later; still running after stop: ${counts}`,
      };
  }
}

/** The node the run waits on: the latest started row that still runs (innermost). */
export function waitingNode(run: DifyRun): RunNode | undefined {
  for (let index = run.nodes.length - 1; index >= 0; index--) {
    const node = run.nodes[index]!;
    if (node.status === 'running') return node;
  }
  return undefined;
}

/** (5) Only pings for longer than the threshold while a node runs. */
function pingWait(run: DifyRun, now: number, thresholdMs: number): RunCheck | undefined {
  if (run.ended || run.pingsSinceEvent === 0 || run.lastEventAt === undefined) return undefined;
  if (run.header.status !== 'running') return undefined;
  const quiet = now - run.lastEventAt;
  if (quiet < thresholdMs) return undefined;
  const node = waitingNode(run);
  if (node === undefined) return undefined;
  return {
    code: 'ping-wait',
    severity: 'warn',
    message: `only pings for ${seconds(quiet)} (${plural(run.pingsSinceEvent, 'ping')}) while waiting on node ${nodeLabel(node)}`,
  };
}

/** (6) A dropped chatflow/workflow run with a known workflow_run_id, and the re-attach outcome. */
function reattach(run: DifyRun): RunCheck | undefined {
  const outcome = run.reattach;
  if (outcome?.kind === 'unsupported') {
    return {code: 'reattach-unsupported', severity: 'warn', message: outcome.message};
  }
  if (outcome?.kind === 'failed') {
    return {code: 'reattach-failed', severity: 'warn', message: outcome.message};
  }
  if (outcome !== undefined) return undefined;
  const {header, terminalEvents} = run;
  if (header.workflowRunId === undefined) return undefined;
  if (header.appType !== 'chatflow' && header.appType !== 'workflow') return undefined;
  if (terminalEvents.includes('workflow_finished') || terminalEvents.includes('workflow_paused')) {
    return undefined;
  }
  const dropped = run.ended || run.streamError !== undefined;
  if (!dropped) return undefined;
  return {
    code: 'reattach-possible',
    severity: 'info',
    message: `re-attach possible: GET /workflow/${header.workflowRunId}/events (Dify 1.14+)`,
  };
}

/** Every check that applies to the run now, most severe kinds first as listed in the README. */
export function runChecks(run: DifyRun, now: number, options: RunCheckOptions = {}): RunCheck[] {
  const threshold = clampPingWait(options.pingWaitMs);
  return [
    failedRun(run),
    missingTerminal(run),
    replaced(run),
    stopOutcome(run),
    pingWait(run, now, threshold),
    reattach(run),
  ].filter((check): check is RunCheck => check !== undefined);
}
