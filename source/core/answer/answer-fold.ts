import type {EventRecord, StreamRecord, SummaryRecord} from '../records.js';
import type {AnswerPreset} from './answer-preset.js';
import {markEnded} from './run-ending.js';
import {createRunFold, setStartedAt, type RunFold} from './run-fold.js';
import {refreshMetrics} from './run-metrics.js';
import {failRun, isSettled, settleStatus} from './run-status.js';
import {applyAnthropicEvent} from './anthropic-fold.js';
import type {AnswerRun, AnswerSnapshot} from './answer-types.js';
import {applyDifyEvent} from './dify-fold.js';
import {pausedReason} from './dify-workflow.js';
import {applyOpenAiEvent} from './openai-fold.js';

/**
 * The answer fold of one stream: a small mutating reducer over the engine's
 * records (like counters.ts), run once per record on the hot path. Each run
 * of the stream (a `connecting` record with attempt 1, unless it re-attaches
 * to the Dify run) starts a new answer; finished answers move to `history`. Read it through answerSnapshot().
 */

const noTerminalEventReason = 'ended without a terminal event';

export type AnswerState = {
  readonly preset: AnswerPreset;
  /** Bumped each time applyAnswerRecord reports a visible change. */
  version: number;
  fold: RunFold;
  history: AnswerRun[];
  readonly maxHistory: number;
  /** The query of the next run (setAnswerQuery before a follow-up). */
  nextQuery: string | undefined;
  /** The next run starts a new conversation (setAnswerQuery with newConversation). */
  nextNewConversation: boolean;
  cachedSnapshot: AnswerSnapshot | undefined;
};

export type AnswerStateOptions = {
  /** Earlier runs kept in `history` (oldest dropped first). Default 50. */
  readonly maxHistory?: number;
  /** The query of the first run, when known. */
  readonly query?: string;
};

export function createAnswerState(
  preset: AnswerPreset,
  options: AnswerStateOptions = {},
): AnswerState {
  return {
    preset,
    version: 0,
    fold: createRunFold(1, options.query),
    history: [],
    maxHistory: Math.max(0, options.maxHistory ?? 50),
    nextQuery: undefined,
    nextNewConversation: false,
    cachedSnapshot: undefined,
  };
}

/** Keys whose change is visible; nested values are replaced, never mutated. */
const visibleKeys = [
  'runNumber',
  'query',
  'newConversation',
  'text',
  'textRevision',
  'reasoning',
  'status',
  'statusReason',
  'stopReason',
  'progress',
  'usage',
  'ids',
  'error',
  'terminalEvents',
  'metrics',
  'invalidJsonCount',
  'ended',
] as const satisfies ReadonlyArray<keyof AnswerRun>;

type VisibleRun = Pick<AnswerRun, (typeof visibleKeys)[number]>;

function sameVisible(before: VisibleRun, after: AnswerRun): boolean {
  return visibleKeys.every((key) => Object.is(before[key], after[key]));
}

/**
 * Folds one record into the answer. Returns true when something visible
 * changed, so a store can skip notifying for pings, node_started of an
 * unchanged view and similar. Never throws on bad data.
 */
export function applyAnswerRecord(state: AnswerState, record: StreamRecord): boolean {
  // Keep-alives (Dify's bare `event: ping`) only count, in the stream counters.
  if (state.preset === 'none' || record.type === 'keepalive' || record.type === 'diagnostics') {
    return false;
  }
  const before: VisibleRun = {...state.fold.run};
  const foldBefore = state.fold;
  switch (record.type) {
    case 'status':
      if (record.state !== 'connecting') break;
      if (record.reattach === true) onReattach(state.fold, record.timestamp);
      else onConnecting(state, record.timestamp, record.attempt);
      break;
    case 'event':
      applyEvent(state.preset, state.fold, record);
      break;
    case 'error':
      if (record.status === 'failed' && !isSettled(state.fold.run)) {
        failRun(state.fold, {code: undefined, status: record.httpStatus, message: record.error});
      }
      break;
    case 'summary':
      onSummary(state.fold, record);
      break;
  }
  refreshMetrics(state.fold);
  const changed = state.fold !== foldBefore || !sameVisible(before, state.fold.run);
  if (changed) state.version++;
  return changed;
}

function applyEvent(preset: AnswerPreset, fold: RunFold, record: EventRecord): void {
  if (preset === 'dify') applyDifyEvent(fold, record);
  else if (preset === 'openai') applyOpenAiEvent(fold, record);
  else if (preset === 'anthropic') applyAnthropicEvent(fold, record);
}

function onConnecting(state: AnswerState, at: number, attempt: number): void {
  const {fold} = state;
  const started = fold.run.metrics.startedAt !== undefined || fold.run.ended;
  if (attempt === 1 && started) {
    // A new run of the stream (a follow-up query): archive the finished answer.
    if (!fold.run.ended) markEnded(fold, at);
    state.history = [...state.history, Object.freeze({...fold.run})].slice(
      Math.max(0, state.history.length + 1 - state.maxHistory),
    );
    state.fold = createRunFold(fold.run.runNumber + 1, state.nextQuery, state.nextNewConversation);
    state.nextQuery = undefined;
    state.nextNewConversation = false;
  }
  if (state.fold.run.metrics.startedAt === undefined) setStartedAt(state.fold, at);
}

/**
 * A re-attach to the Dify run (GET /workflow/{id}/events) continues the same
 * answer turn, also when it starts a new run of the stream (`u` after a drop):
 * an answer the end of the stream settled opens again; the server's events
 * settle it anew.
 */
function onReattach(fold: RunFold, at: number): void {
  const {run} = fold;
  if (run.metrics.startedAt === undefined) setStartedAt(fold, at);
  if (!run.ended) return;
  run.ended = false;
  fold.scratch.endedAt = undefined;
  if (run.status === 'error' || run.status === 'incomplete' || run.status === 'stopped') {
    const paused = run.terminalEvents.at(-1) === 'workflow_paused';
    run.status = paused ? 'paused' : 'streaming';
    run.statusReason = paused ? pausedReason : '';
    run.error = undefined;
  }
}

function onSummary(fold: RunFold, summary: SummaryRecord): void {
  markEnded(fold, summary.timestamp);
  if (isSettled(fold.run)) return;
  if (summary.status === 'failed') {
    failRun(fold, {code: undefined, status: undefined, message: summary.reason});
  } else if (summary.status === 'stopped') {
    settleStatus(fold, 'stopped', summary.reason);
  } else if (fold.run.stopReason !== undefined) {
    // The model said why it stopped (finish_reason / stop_reason); only the closing event is missing.
    settleStatus(fold, 'done');
  } else {
    settleStatus(fold, 'incomplete', noTerminalEventReason);
  }
}

/**
 * Sets the question of the next run (or of the current one, while it has
 * not started), e.g. before sending a Dify follow-up. Returns true when the
 * visible state changed.
 */
export function setAnswerQuery(
  state: AnswerState,
  query: string | undefined,
  newConversation = false,
): boolean {
  const {run} = state.fold;
  if (run.metrics.startedAt === undefined && !run.ended) {
    if (run.query === query && run.newConversation === newConversation) return false;
    run.query = query;
    run.newConversation = newConversation;
    state.version++;
    return true;
  }
  state.nextQuery = query;
  state.nextNewConversation = newConversation;
  return false;
}

/** Forgets earlier runs (the pane's `c`); the current run stays. True when something changed. */
export function clearAnswerHistory(state: AnswerState): boolean {
  if (state.history.length === 0) return false;
  state.history = [];
  state.version++;
  return true;
}

/** An immutable view; the same object until the next visible change. */
export function answerSnapshot(state: AnswerState): AnswerSnapshot {
  const cached = state.cachedSnapshot;
  if (cached !== undefined && cached.version === state.version) return cached;
  const snapshot: AnswerSnapshot = Object.freeze({
    preset: state.preset,
    version: state.version,
    current: Object.freeze({...state.fold.run}),
    history: state.history,
  });
  state.cachedSnapshot = snapshot;
  return snapshot;
}

/** The runs of the conversation the latest run belongs to, newest first (back to its `n`). */
function* conversationRuns(state: AnswerState): Generator<AnswerRun> {
  let run: AnswerRun | undefined = state.fold.run;
  for (let index = state.history.length - 1; run !== undefined; index--) {
    yield run;
    if (run.newConversation) return;
    run = index >= 0 ? state.history[index] : undefined;
  }
}

/** The conversation a Dify follow-up continues: the latest run of this conversation that has one. */
export function latestConversationId(state: AnswerState): string | undefined {
  for (const run of conversationRuns(state)) {
    if (run.ids.conversationId !== undefined) return run.ids.conversationId;
  }
  return undefined;
}

/** The response an OpenAI Responses follow-up continues (`previous_response_id`). */
export function latestResponseId(state: AnswerState): string | undefined {
  for (const run of conversationRuns(state)) {
    if (run.ids.responseId !== undefined) return run.ids.responseId;
  }
  return undefined;
}
