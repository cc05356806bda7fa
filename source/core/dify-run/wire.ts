import {runChecks, type RunCheckOptions} from './checks.js';
import type {RunCheck} from './check-types.js';
import type {DifyRun, RunNode} from './types.js';

/**
 * The Dify run fields of a `--json` summary record (snake_case, like the
 * rest of the NDJSON contract): `nodes`, one per node execution in start
 * order, and `checks`. Strings are raw here; the NDJSON writer redacts and
 * escapes them like every field.
 */

export function nodeWire(node: RunNode): Record<string, unknown> {
  return {
    id: node.executionId,
    node_id: node.nodeId,
    title: node.title,
    type: node.nodeType,
    status: node.status,
    elapsed: node.elapsedSeconds ?? null,
    tokens: node.tokens ?? null,
    price: node.price ?? null,
    currency: node.currency ?? null,
    error: node.error ?? null,
    iteration_id: node.nesting?.kind === 'iteration' ? node.nesting.containerNodeId : null,
    loop_id: node.nesting?.kind === 'loop' ? node.nesting.containerNodeId : null,
    step: node.nesting?.step ?? null,
    parallel_branch: node.parallel?.branch ?? null,
    retries: node.retries,
  };
}

export function checkWire(check: RunCheck): Record<string, unknown> {
  return {code: check.code, severity: check.severity, message: check.message};
}

/** `nodes` and `checks` of the run, checks evaluated at `now` (the summary's time). */
export function runSummaryFields(
  run: DifyRun,
  now: number,
  options: RunCheckOptions = {},
): Record<string, unknown> {
  return {
    nodes: run.nodes.map(nodeWire),
    checks: runChecks(run, now, options).map(checkWire),
  };
}
