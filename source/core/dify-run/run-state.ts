import {createAppTypeSignals, type AppTypeSignals} from './app-type.js';
import type {HumanInputForm} from './form-types.js';
import type {
  AgentStep,
  AnswerReplacement,
  DifyRun,
  ReattachOutcome,
  RunNode,
  RunStatus,
  RunTerminalEvent,
  StopTracking,
} from './types.js';

/**
 * One run while it is being folded: mutable, owned by the fold. The
 * immutable DifyRun is taken from it by runView() when something changed.
 */

/** A legacy parallel branch (parallel_branch_started until parallel_branch_finished). */
export type OpenBranch = {readonly group: string; readonly branch: string};

export type RunWork = {
  runNumber: number;
  appSignals: AppTypeSignals;
  workflowRunId: string | undefined;
  taskId: string | undefined;
  conversationId: string | undefined;
  messageId: string | undefined;
  status: RunStatus;
  /** workflow_finished's status (also after a chatflow's message_end). */
  workflowStatus: string | undefined;
  startedAt: number | undefined;
  endedAt: number | undefined;
  elapsedSeconds: number | undefined;
  latencySeconds: number | undefined;
  workflowTokens: number | undefined;
  usageTokens: number | undefined;
  usagePrice: string | undefined;
  usageCurrency: string | undefined;
  totalSteps: number | undefined;
  firstAnswerAt: number | undefined;
  serverTtftSeconds: number | undefined;
  workflowError: string | undefined;
  exceptionsCount: number | undefined;
  /** Rows in start order; a changed row is replaced. */
  nodes: RunNode[];
  /** node execution id -> row index. */
  byExecution: Map<string, number>;
  /** iteration/loop node_id -> index of its latest row. */
  containers: Map<string, number>;
  /** Indexes of rows that are running or paused. */
  running: Set<number>;
  /** node_id -> index of its latest row (predecessor lookups). */
  byNodeId: Map<string, number>;
  /** Legacy parallel branches that are open, by parallel_branch_id. */
  openBranches: Map<string, OpenBranch>;
  /** node_id -> the legacy branch it ran on. */
  branchOfNode: Map<string, OpenBranch>;
  detailSize: number;
  agentSteps: AgentStep[];
  agentIndex: Map<string, number>;
  agentPreamble: string;
  humanInput: HumanInputForm | undefined;
  /** The answer as streamed so far (raw), kept for message_replace / text_replace. */
  answerText: string;
  replacements: AnswerReplacement[];
  stop: StopTracking | undefined;
  reattach: ReattachOutcome | undefined;
  terminalEvents: RunTerminalEvent[];
  errorEvent: DifyRun['errorEvent'];
  lastEventAt: number | undefined;
  pingsSinceEvent: number;
  streamError: string | undefined;
  streamEnd: DifyRun['streamEnd'];
  resumes: number;
  ended: boolean;
};

export function createRunWork(runNumber: number, startedAt?: number): RunWork {
  return {
    runNumber,
    appSignals: createAppTypeSignals(),
    workflowRunId: undefined,
    taskId: undefined,
    conversationId: undefined,
    messageId: undefined,
    status: 'waiting',
    workflowStatus: undefined,
    startedAt,
    endedAt: undefined,
    elapsedSeconds: undefined,
    latencySeconds: undefined,
    workflowTokens: undefined,
    usageTokens: undefined,
    usagePrice: undefined,
    usageCurrency: undefined,
    totalSteps: undefined,
    firstAnswerAt: undefined,
    serverTtftSeconds: undefined,
    workflowError: undefined,
    exceptionsCount: undefined,
    nodes: [],
    byExecution: new Map(),
    containers: new Map(),
    running: new Set(),
    byNodeId: new Map(),
    openBranches: new Map(),
    branchOfNode: new Map(),
    detailSize: 0,
    agentSteps: [],
    agentIndex: new Map(),
    agentPreamble: '',
    humanInput: undefined,
    answerText: '',
    replacements: [],
    stop: undefined,
    reattach: undefined,
    terminalEvents: [],
    errorEvent: undefined,
    lastEventAt: undefined,
    pingsSinceEvent: 0,
    streamError: undefined,
    streamEnd: undefined,
    resumes: 0,
    ended: false,
  };
}

/** Replaces row `index` with `changes` applied; keeps the running set in step. */
export function patchNode(work: RunWork, index: number, changes: Partial<RunNode>): RunNode {
  const node = {...work.nodes[index]!, ...changes};
  work.nodes[index] = node;
  if (node.status === 'running' || node.status === 'paused') work.running.add(index);
  else work.running.delete(index);
  return node;
}

export function addNode(work: RunWork, node: RunNode): number {
  const index = work.nodes.push(node) - 1;
  work.byExecution.set(node.executionId, index);
  work.byNodeId.set(node.nodeId, index);
  if (node.kind !== 'node') work.containers.set(node.nodeId, index);
  if (node.status === 'running' || node.status === 'paused') work.running.add(index);
  return index;
}
