import {numberAt, objectAt, stringAt, textAt, type JsonObject} from '../answer/json-value.js';
import {
  onAgentMessage,
  onAgentThought,
  onAnswerText,
  onMessageEndUsage,
  onReplace,
  readHumanInputForm,
  resolveHumanInput,
} from './chat-events.js';
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
import type {RunWork} from './run-state.js';
import type {RunStatus} from './types.js';

/**
 * What one named Dify event does to a run (the fold's switch): ids, app
 * type signals, status, terminal events, rows, agent steps, human input,
 * replacements and the stop outcome. Returns true when something visible
 * changed.
 */

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

export function readIds(work: RunWork, payload: JsonObject): boolean {
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

export function applyNamedEvent(
  budget: number,
  work: RunWork,
  name: string,
  payload: JsonObject,
  at: number,
): boolean {
  const data = objectAt(payload, 'data');
  if (workflowLevel.has(name) && !work.appSignals.workflowEvents) {
    work.appSignals.workflowEvents = true;
  }
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

export function settleStop(work: RunWork, at: number, outcome: 'stopped' | 'ignored'): void {
  if (work.stop === undefined || work.stop.outcome !== 'pending') return;
  work.stop = {...work.stop, outcome, endedAt: at};
}
