import {numberAt, objectAt, stringAt, textAt, type JsonObject} from '../answer/json-value.js';
import {detailsSize, enforceDetailBudget, readDetails} from './node-details.js';
import {parallelOfStartingNode} from './parallel.js';
import {addNode, patchNode, type RunWork} from './run-state.js';
import type {RunNesting, RunNode, RunNodeStatus} from './types.js';

/**
 * node_* / iteration_* / loop_* / parallel_branch_* events: the rows of the
 * timeline. A row is one node execution (data.id) in start order; iterations
 * and loops are rows too, and the nodes inside them (data.iteration_id /
 * data.loop_id) are nested under them with the step they ran in.
 */

const finishedStatuses = new Set<string>(['succeeded', 'failed', 'exception', 'stopped']);

function finishedStatus(value: string | undefined): RunNodeStatus {
  return value !== undefined && finishedStatuses.has(value)
    ? (value as RunNodeStatus)
    : 'succeeded';
}

/** The iteration or loop a node ran in: the innermost of data.iteration_id / data.loop_id. */
function nestingOf(
  work: RunWork,
  data: JsonObject,
): {nesting: RunNesting; depth: number} | undefined {
  let best: {kind: 'iteration' | 'loop'; index: number} | undefined;
  for (const kind of ['iteration', 'loop'] as const) {
    const id = textAt(data, `${kind}_id`);
    const index = id === undefined ? undefined : work.containers.get(id);
    if (index !== undefined && (best === undefined || index > best.index)) best = {kind, index};
  }
  if (best === undefined) return undefined;
  const container = work.nodes[best.index]!;
  return {
    nesting: {kind: best.kind, containerNodeId: container.nodeId, step: container.step},
    depth: container.depth + 1,
  };
}

function metadataOf(data: JsonObject): Partial<RunNode> {
  const metadata = objectAt(data, 'execution_metadata');
  const tokens = numberAt(metadata, 'total_tokens') ?? numberAt(data, 'total_tokens');
  const price = stringAt(metadata, 'total_price') ?? numberText(numberAt(metadata, 'total_price'));
  const currency = textAt(metadata, 'currency');
  return {
    ...(tokens === undefined ? {} : {tokens}),
    ...(price === undefined ? {} : {price}),
    ...(currency === undefined ? {} : {currency}),
  };
}

function numberText(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function setDetails(work: RunWork, index: number, data: JsonObject, budget: number): void {
  const node = work.nodes[index]!;
  const details = readDetails(data, node.details);
  if (details === node.details) return;
  work.detailSize += detailsSize(details) - detailsSize(node.details);
  patchNode(work, index, {details});
  work.detailSize = enforceDetailBudget(work.nodes, work.detailSize, budget);
}

/** The row an event of an existing execution belongs to: by data.id, else the latest running row of the node. */
function findRow(
  work: RunWork,
  data: JsonObject,
  containerKind?: 'iteration' | 'loop',
): number | undefined {
  const id = textAt(data, 'id');
  const byId = id === undefined ? undefined : work.byExecution.get(id);
  if (byId !== undefined) return byId;
  const nodeId = textAt(data, 'node_id');
  if (nodeId === undefined) return undefined;
  const latest = containerKind ? work.containers.get(nodeId) : work.byNodeId.get(nodeId);
  if (latest === undefined) return undefined;
  const node = work.nodes[latest]!;
  return node.status === 'running' || node.status === 'paused' ? latest : undefined;
}

function newRow(
  work: RunWork,
  data: JsonObject,
  kind: RunNode['kind'],
  at: number,
  nodeId: string,
): RunNode {
  const nested = nestingOf(work, data);
  const node: RunNode = {
    executionId: textAt(data, 'id') ?? `${nodeId}@${at}`,
    nodeId,
    title: stringAt(data, 'title') ?? nodeId,
    nodeType: stringAt(data, 'node_type') ?? kind,
    kind,
    status: 'running',
    index: numberAt(data, 'index'),
    predecessorNodeId: textAt(data, 'predecessor_node_id'),
    startedAt: at,
    finishedAt: undefined,
    elapsedSeconds: undefined,
    tokens: undefined,
    price: undefined,
    currency: undefined,
    retries: 0,
    retryIndex: undefined,
    depth: nested?.depth ?? 0,
    nesting: nested?.nesting,
    parallel: undefined,
    step: undefined,
    steps: undefined,
    error: undefined,
    details: undefined,
  };
  return {...node, parallel: parallelOfStartingNode(work, node)};
}

/** node_started, iteration_started, loop_started. Returns true when a row was added. */
export function onStarted(
  work: RunWork,
  data: JsonObject | undefined,
  kind: RunNode['kind'],
  at: number,
  budget: number,
): boolean {
  if (data === undefined) return false;
  const nodeId = textAt(data, 'node_id') ?? textAt(data, 'id');
  if (nodeId === undefined) return false;
  const type = stringAt(data, 'node_type');
  // A node_started of an iteration / loop whose *_started already made its row (or the other way round).
  const containerKind =
    kind !== 'node' ? kind : type === 'iteration' || type === 'loop' ? type : undefined;
  const existing = containerKind === undefined ? undefined : findRow(work, data, containerKind);
  if (existing !== undefined && work.nodes[existing]!.startedAt <= at) {
    const node = work.nodes[existing]!;
    patchNode(work, existing, {
      kind: node.kind === 'node' ? (containerKind ?? 'node') : node.kind,
      index: node.index ?? numberAt(data, 'index'),
      predecessorNodeId: node.predecessorNodeId ?? textAt(data, 'predecessor_node_id'),
      steps: node.steps ?? numberAt(objectAt(data, 'metadata'), 'iterator_length'),
    });
    if (kind !== 'node') work.containers.set(nodeId, existing);
    setDetails(work, existing, data, budget);
    return false;
  }
  const row = newRow(work, data, containerKind ?? 'node', at, nodeId);
  const index = addNode(work, {
    ...row,
    steps: numberAt(objectAt(data, 'metadata'), 'iterator_length'),
  });
  setDetails(work, index, data, budget);
  return true;
}

/** node_finished, iteration_completed, loop_completed. */
export function onFinished(
  work: RunWork,
  data: JsonObject | undefined,
  kind: RunNode['kind'],
  at: number,
  budget: number,
): void {
  if (data === undefined) return;
  const containerKind = kind === 'node' ? undefined : kind;
  let index = findRow(work, data, containerKind);
  if (index === undefined) {
    // A finish without its start (a resumed stream, a lost event): a row of its own.
    const nodeId = textAt(data, 'node_id') ?? textAt(data, 'id');
    if (nodeId === undefined) return;
    index = addNode(work, newRow(work, data, kind, at, nodeId));
  }
  const node = work.nodes[index]!;
  patchNode(work, index, {
    status: finishedStatus(stringAt(data, 'status')),
    finishedAt: at,
    elapsedSeconds: numberAt(data, 'elapsed_time') ?? node.elapsedSeconds,
    error: textAt(data, 'error') ?? node.error,
    steps: numberAt(data, 'steps') ?? node.steps,
    ...metadataOf(data),
  });
  setDetails(work, index, data, budget);
}

/** node_retry: the same execution tries again; counted on its row. */
export function onRetry(
  work: RunWork,
  data: JsonObject | undefined,
  at: number,
  budget: number,
): void {
  if (data === undefined) return;
  let index = findRow(work, data);
  if (index === undefined) {
    const nodeId = textAt(data, 'node_id');
    if (nodeId === undefined) return;
    index = addNode(work, newRow(work, data, 'node', at, nodeId));
  }
  const node = work.nodes[index]!;
  patchNode(work, index, {
    retries: node.retries + 1,
    retryIndex: numberAt(data, 'retry_index') ?? node.retryIndex,
    error: textAt(data, 'error') ?? node.error,
  });
  setDetails(work, index, data, budget);
}

/** iteration_next / loop_next: the container's step (index as sent). */
export function onNextStep(
  work: RunWork,
  data: JsonObject | undefined,
  kind: 'iteration' | 'loop',
): boolean {
  if (data === undefined) return false;
  const index = findRow(work, data, kind);
  if (index === undefined) return false;
  const step = numberAt(data, 'index');
  if (step === work.nodes[index]!.step) return false;
  patchNode(work, index, {step});
  return true;
}

export function onBranchStarted(work: RunWork, data: JsonObject | undefined): void {
  const group = textAt(data, 'parallel_id');
  const branch = textAt(data, 'parallel_branch_id');
  if (group === undefined || branch === undefined) return;
  work.openBranches.set(branch, {group, branch});
}

export function onBranchFinished(work: RunWork, data: JsonObject | undefined): void {
  const branch = textAt(data, 'parallel_branch_id');
  if (branch !== undefined) work.openBranches.delete(branch);
}

/** Rows still running when the run settles: `stopped` for a stopped run, else their end time. */
export function settleRunningNodes(work: RunWork, at: number, stopped: boolean): void {
  for (const index of [...work.running]) {
    const node = work.nodes[index]!;
    if (stopped) patchNode(work, index, {status: 'stopped', finishedAt: node.finishedAt ?? at});
  }
}

/** Marks the running rows of these node ids as paused (workflow_paused.paused_nodes, human input). */
export function pauseNodes(work: RunWork, nodeIds: readonly string[]): void {
  for (const index of [...work.running]) {
    const node = work.nodes[index]!;
    if (nodeIds.includes(node.nodeId) && node.status === 'running') {
      patchNode(work, index, {status: 'paused'});
    }
  }
}

/** A resumed run (human_input_form_filled / _timeout): paused rows run again until their node_finished. */
export function resumeNodes(work: RunWork): void {
  for (const index of [...work.running]) {
    if (work.nodes[index]!.status === 'paused') patchNode(work, index, {status: 'running'});
  }
}
