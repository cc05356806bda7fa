import {eventNameOf, eventPayloadOf, isDoneSentinel} from '../answer/event-payload.js';
import {numberAt, objectAt, stringAt, textAt, type JsonObject} from '../answer/json-value.js';
import type {EventRecord, StreamRecord, SummaryRecord} from '../records.js';
import {
  onAgentMessage,
  onAgentThought,
  onAnswerText,
  onMessageEndUsage,
  onReplace,
  readHumanInputForm,
  resolveHumanInput,
} from './chat-events.js';
import {RUN_DETAIL_BUDGET} from './node-details.js';
import {
  onBranchFinished,
  onBranchStarted,
  onFinished,
  onNextStep,
  onRetry,
  onStarted,
  pauseNodes,
  resumeNodes,
  settleRunningNodes,
} from './node-events.js';
import {createRunWork, type RunWork} from './run-state.js';
import {runView} from './run-view.js';
import type {DifyRun, DifyRunSnapshot, ReattachOutcome, RunNode, RunStatus} from './types.js';

/**
 * The Dify run inspector's fold: a small mutating reducer over the engine's
 * records, beside the answer fold (it reads the JSON the answer fold already
 * parsed: eventPayloadOf). Each run of the stream (a `connecting` record
 * with attempt 1) starts a new run, except a stream that continues the same
 * workflow_run_id (a re-attach after human input or a drop): that resumes
 * the run. Finished runs move to `history`. Read it through difyRunSnapshot().
 */

export type DifyRunState = {
  /** Bumped on every visible change. */
  version: number;
  work: RunWork;
  history: DifyRun[];
  readonly maxHistory: number;
  readonly detailBudget: number;
  /** A `connecting` record of a new stream came; its first event tells new run or resume. */
  pendingStart: number | undefined;
  cachedRun: DifyRun | undefined;
  cachedRunVersion: number;
  cachedSnapshot: DifyRunSnapshot | undefined;
};

export type DifyRunStateOptions = {
  /** Earlier runs kept (default 20); their node details are let go. */
  readonly maxHistory?: number;
  /** Node detail budget per run (default RUN_DETAIL_BUDGET). */
  readonly detailBudget?: number;
};

export function createDifyRunState(options: DifyRunStateOptions = {}): DifyRunState {
  return {
    version: 0,
    work: createRunWork(1),
    history: [],
    maxHistory: Math.max(0, options.maxHistory ?? 20),
    detailBudget: Math.max(0, options.detailBudget ?? RUN_DETAIL_BUDGET),
    pendingStart: undefined,
    cachedRun: undefined,
    cachedRunVersion: -1,
    cachedSnapshot: undefined,
  };
}

const workflowLevel = new Set([
  'workflow_started',
  'workflow_finished',
  'workflow_paused',
  'node_started',
  'node_finished',
  'node_retry',
  'iteration_started',
  'iteration_next',
  'iteration_completed',
  'loop_started',
  'loop_next',
  'loop_completed',
  'parallel_branch_started',
  'parallel_branch_finished',
  'text_chunk',
  'text_replace',
  'human_input_required',
  'human_input_form_filled',
  'human_input_form_timeout',
]);

/**
 * Folds one record. Returns true when something visible changed. Never
 * throws on bad data.
 */
export function applyDifyRunRecord(state: DifyRunState, record: StreamRecord): boolean {
  switch (record.type) {
    case 'status':
      if (record.state === 'connecting')
        return onConnecting(state, record.timestamp, record.attempt);
      return false;
    case 'keepalive':
      if (state.pendingStart !== undefined || state.work.lastEventAt === undefined) return false;
      state.work.pingsSinceEvent++;
      return bump(state);
    case 'event':
      return onEvent(state, record);
    case 'error':
      if (record.status !== 'failed') return false;
      if (!commitPending(state)) return false;
      state.work.streamError = record.error;
      return bump(state);
    case 'summary':
      return onSummary(state, record);
    default:
      return false;
  }
}

function bump(state: DifyRunState): true {
  state.version++;
  return true;
}

function archive(state: DifyRunState, next: RunWork): void {
  const run = runView(state.work, {dropDetails: true});
  state.history = [...state.history, run].slice(
    Math.max(0, state.history.length + 1 - state.maxHistory),
  );
  state.work = next;
}

function onConnecting(state: DifyRunState, at: number, attempt: number): boolean {
  const {work} = state;
  if (work.startedAt === undefined && !work.ended) {
    work.startedAt = at;
    return bump(state);
  }
  if (attempt === 1) state.pendingStart = at;
  return false;
}

/** A run that a new stream may continue: known workflow_run_id and not finished. */
function resumable(work: RunWork): boolean {
  return work.workflowRunId !== undefined && work.workflowStatus === undefined;
}

/**
 * The new stream produced no event before failing or ending: a new run
 * (a re-run that failed), unless the current run could be re-attached, in
 * which case the failed attempt leaves it as it was (its re-attach outcome
 * is told through setReattachOutcome). Returns false when the record is to
 * be ignored.
 */
function commitPending(state: DifyRunState): boolean {
  if (state.pendingStart === undefined) return true;
  if (resumable(state.work)) return false;
  const at = state.pendingStart;
  state.pendingStart = undefined;
  archive(state, createRunWork(state.work.runNumber + 1, at));
  return true;
}

/** The first event of a new stream: resume the run of the same workflow_run_id, or start a new one. */
function startOrResume(
  state: DifyRunState,
  payload: JsonObject | undefined,
  name: string | undefined,
): void {
  const at = state.pendingStart;
  if (at === undefined) return;
  state.pendingStart = undefined;
  const {work} = state;
  const runId = textAt(payload, 'workflow_run_id');
  const continues =
    resumable(work) &&
    ((runId !== undefined && runId === work.workflowRunId) ||
      name === 'human_input_form_filled' ||
      name === 'human_input_form_timeout');
  if (continues) {
    work.resumes++;
    work.ended = false;
    work.endedAt = undefined;
    work.streamEnd = undefined;
    work.streamError = undefined;
    if (work.status === 'incomplete') work.status = 'running';
    return;
  }
  archive(state, createRunWork(work.runNumber + 1, at));
}

function onEvent(state: DifyRunState, record: EventRecord): boolean {
  if (isDoneSentinel(record)) return false;
  const payload = eventPayloadOf(record);
  const name = payload === undefined ? undefined : eventNameOf(payload, 'event', record);
  if (name === 'ping') return false;
  startOrResume(state, payload, name);
  const {work} = state;
  const at = record.timestamp;
  work.lastEventAt = at;
  let changed = work.pingsSinceEvent > 0;
  work.pingsSinceEvent = 0;
  if (work.stop !== undefined && work.stop.outcome === 'pending') {
    work.stop = {
      ...work.stop,
      eventsAfter: work.stop.eventsAfter + 1,
      nodesAfter: work.stop.nodesAfter + (name === 'node_started' ? 1 : 0),
    };
    changed = true;
  }
  if (payload === undefined) return changed ? bump(state) : false;
  if (readIds(work, payload)) changed = true;
  if (name !== undefined && applyNamedEvent(state, work, name, payload, at)) changed = true;
  return changed ? bump(state) : false;
}

function readIds(work: RunWork, payload: JsonObject): boolean {
  // The hot path (message chunks): once every id is known there is nothing to read.
  if (
    work.appSignals.conversation &&
    work.taskId !== undefined &&
    work.workflowRunId !== undefined &&
    work.messageId !== undefined
  ) {
    return false;
  }
  let changed = false;
  const conversationId = textAt(payload, 'conversation_id');
  if (conversationId !== undefined && !work.appSignals.conversation) {
    work.appSignals.conversation = true;
    changed = true;
  }
  const ids = {
    conversationId,
    taskId: textAt(payload, 'task_id'),
    workflowRunId: textAt(payload, 'workflow_run_id'),
    messageId: textAt(payload, 'message_id'),
  } as const;
  for (const key of ['conversationId', 'taskId', 'workflowRunId', 'messageId'] as const) {
    if (work[key] === undefined && ids[key] !== undefined) {
      work[key] = ids[key];
      changed = true;
    }
  }
  return changed;
}

function markRunning(work: RunWork): void {
  if (work.status === 'waiting' || work.status === 'paused' || work.status === 'incomplete') {
    work.status = 'running';
  }
}

function applyNamedEvent(
  state: DifyRunState,
  work: RunWork,
  name: string,
  payload: JsonObject,
  at: number,
): boolean {
  const data = objectAt(payload, 'data');
  if (workflowLevel.has(name) && !work.appSignals.workflowEvents) {
    work.appSignals.workflowEvents = true;
  }
  const budget = state.detailBudget;
  switch (name) {
    case 'message':
    case 'message_file': {
      const answer = stringAt(payload, 'answer');
      if (name === 'message_file' && (answer === undefined || payload['url'] !== undefined))
        return false;
      const first = !work.appSignals.chatEvents || work.status === 'waiting';
      work.appSignals.chatEvents = true;
      markRunning(work);
      const hadTtft = work.firstAnswerAt !== undefined;
      onAnswerText(work, answer ?? '', at);
      return first || (!hadTtft && work.firstAnswerAt !== undefined);
    }
    case 'agent_message': {
      work.appSignals.agent = true;
      work.appSignals.chatEvents = true;
      markRunning(work);
      const answer = stringAt(payload, 'answer') ?? '';
      onAnswerText(work, answer, at);
      onAgentMessage(work, answer);
      return true;
    }
    case 'agent_thought':
      work.appSignals.agent = true;
      work.appSignals.chatEvents = true;
      markRunning(work);
      onAgentThought(work, payload);
      return true;
    case 'message_replace':
      onReplace(work, name, stringAt(payload, 'answer') ?? '', stringAt(payload, 'reason'), at);
      return true;
    case 'text_replace':
      onReplace(work, name, stringAt(data, 'text') ?? '', undefined, at);
      return true;
    case 'text_chunk': {
      markRunning(work);
      const hadTtft = work.firstAnswerAt !== undefined;
      onAnswerText(work, stringAt(data, 'text') ?? '', at);
      return !hadTtft && work.firstAnswerAt !== undefined;
    }
    case 'message_end':
      work.appSignals.chatEvents = true;
      onMessageEndUsage(work, payload);
      work.terminalEvents.push('message_end');
      onMessageEnd(work, at);
      return true;
    case 'error':
      work.terminalEvents.push('error');
      work.errorEvent = {
        code: textAt(payload, 'code'),
        status: numberAt(payload, 'status'),
        message: stringAt(payload, 'message') ?? 'error',
      };
      if (work.status !== 'failed') work.status = 'failed';
      settleStop(work, at, 'stopped');
      return true;
    case 'workflow_started':
      markRunning(work);
      work.workflowRunId ??= textAt(data, 'id');
      return true;
    case 'node_started':
      markRunning(work);
      onStarted(work, data, 'node', at, budget);
      return true;
    case 'iteration_started':
    case 'loop_started':
      markRunning(work);
      onStarted(work, data, name === 'iteration_started' ? 'iteration' : 'loop', at, budget);
      return true;
    case 'node_finished':
      onFinished(work, data, 'node', at, budget);
      return true;
    case 'iteration_completed':
    case 'loop_completed':
      onFinished(work, data, name === 'iteration_completed' ? 'iteration' : 'loop', at, budget);
      return true;
    case 'node_retry':
      onRetry(work, data, at, budget);
      return true;
    case 'iteration_next':
    case 'loop_next':
      return onNextStep(work, data, name === 'iteration_next' ? 'iteration' : 'loop');
    case 'parallel_branch_started':
      onBranchStarted(work, data);
      return false;
    case 'parallel_branch_finished':
      onBranchFinished(work, data);
      return false;
    case 'workflow_finished':
      onWorkflowFinished(work, data, at);
      return true;
    case 'workflow_paused':
      work.terminalEvents.push('workflow_paused');
      work.status = 'paused';
      work.elapsedSeconds = numberAt(data, 'elapsed_time') ?? work.elapsedSeconds;
      work.totalSteps = numberAt(data, 'total_steps') ?? work.totalSteps;
      pauseNodes(work, stringList(data?.['paused_nodes']));
      return true;
    case 'human_input_required': {
      const form = readHumanInputForm(data ?? {});
      work.humanInput = form;
      work.status = 'paused';
      pauseNodes(work, [form.nodeId]);
      return true;
    }
    case 'human_input_form_filled':
    case 'human_input_form_timeout':
      resolveHumanInput(work, data, name === 'human_input_form_filled' ? 'filled' : 'timeout');
      resumeNodes(work);
      work.status = 'running';
      return true;
    default:
      return false;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function onMessageEnd(work: RunWork, at: number): void {
  // Chatflows finish with workflow_finished (before or after message_end, by version).
  if (work.appSignals.workflowEvents) {
    if (work.stop?.outcome === 'pending' && work.workflowStatus !== undefined)
      settleStop(work, at, 'stopped');
    return;
  }
  if (work.status !== 'failed') work.status = work.stop === undefined ? 'succeeded' : 'stopped';
  work.endedAt ??= at;
  settleStop(work, at, 'stopped');
}

const runStatuses = new Set<string>(['succeeded', 'partial-succeeded', 'failed', 'stopped']);

function onWorkflowFinished(work: RunWork, data: JsonObject | undefined, at: number): void {
  work.terminalEvents.push('workflow_finished');
  const status = stringAt(data, 'status') ?? 'succeeded';
  work.workflowStatus = status;
  work.status = runStatuses.has(status) ? (status as RunStatus) : 'succeeded';
  work.elapsedSeconds = numberAt(data, 'elapsed_time') ?? work.elapsedSeconds;
  work.workflowTokens = numberAt(data, 'total_tokens') ?? work.workflowTokens;
  work.totalSteps = numberAt(data, 'total_steps') ?? work.totalSteps;
  work.workflowError = textAt(data, 'error') ?? work.workflowError;
  work.exceptionsCount = numberAt(data, 'exceptions_count') ?? work.exceptionsCount;
  work.endedAt ??= at;
  settleRunningNodes(work, at, status === 'stopped');
  settleStop(work, at, status === 'stopped' ? 'stopped' : 'ignored');
}

function settleStop(work: RunWork, at: number, outcome: 'stopped' | 'ignored'): void {
  if (work.stop === undefined || work.stop.outcome !== 'pending') return;
  work.stop = {...work.stop, outcome, endedAt: at};
}

function onSummary(state: DifyRunState, summary: SummaryRecord): boolean {
  if (!commitPending(state)) return false;
  const {work} = state;
  const at = summary.timestamp;
  work.ended = true;
  work.endedAt ??= at;
  work.streamEnd = {status: summary.status, reason: summary.reason};
  settleStop(work, at, 'stopped');
  // Nodes the stream left running: their time ends with the stream (the status stays unknown: running).
  for (const index of work.running) {
    const node = work.nodes[index]!;
    if (node.status === 'running' && node.finishedAt === undefined) {
      work.nodes[index] = {...node, finishedAt: at};
    }
  }
  if (work.status === 'waiting' || work.status === 'running') {
    work.status = 'incomplete';
  }
  return bump(state);
}

/**
 * The user asked Dify to stop the run (the pane's `x`). Counts what still
 * arrives until the run ends. A second request keeps the first time.
 * Returns true when something changed.
 */
export function markStopRequested(state: DifyRunState, at: number): boolean {
  const {work} = state;
  if (work.stop !== undefined || work.ended) return false;
  work.stop = {
    requestedAt: at,
    eventsAfter: 0,
    nodesAfter: 0,
    outcome: 'pending',
    endedAt: undefined,
  };
  return bump(state);
}

/** Records (or clears, with undefined) the outcome of a re-attach of the current run. */
export function setReattachOutcome(
  state: DifyRunState,
  outcome: ReattachOutcome | undefined,
): boolean {
  if (state.work.reattach === outcome) return false;
  state.work.reattach = outcome;
  return bump(state);
}

/** Forgets earlier runs (the pane's `c`). */
export function clearRunHistory(state: DifyRunState): boolean {
  if (state.history.length === 0) return false;
  state.history = [];
  return bump(state);
}

/**
 * The current run's rows as the fold holds them (read-only, changes in
 * place): for a consumer that walks them after every record (the headless
 * timeline) without copying the run each time.
 */
export function liveNodes(state: DifyRunState): readonly RunNode[] {
  return state.work.nodes;
}

/** The current run's number, without building a view. */
export function liveRunNumber(state: DifyRunState): number {
  return state.work.runNumber;
}

/** The current run as an immutable view (cached until the next change). */
export function currentRun(state: DifyRunState): DifyRun {
  if (state.cachedRun === undefined || state.cachedRunVersion !== state.version) {
    state.cachedRun = runView(state.work, {dropDetails: false});
    state.cachedRunVersion = state.version;
  }
  return state.cachedRun;
}

/** An immutable view; the same object until the next visible change. */
export function difyRunSnapshot(state: DifyRunState): DifyRunSnapshot {
  const cached = state.cachedSnapshot;
  if (cached !== undefined && cached.version === state.version) return cached;
  const snapshot: DifyRunSnapshot = Object.freeze({
    version: state.version,
    current: currentRun(state),
    history: state.history,
  });
  state.cachedSnapshot = snapshot;
  return snapshot;
}
