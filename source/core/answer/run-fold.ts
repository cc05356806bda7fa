import {patch} from './patch.js';
import {createThinkTagSplitter, type ThinkTagSplitter} from './think-tags.js';
import type {AnswerMetrics, AnswerProgress, AnswerRun, AnswerUsage} from './answer-types.js';

/**
 * One run's answer while it is being folded: the public run plus the working
 * state behind it (think-tag splitter, character and token tallies, timing).
 * The preset folds change a run only through the run-*.ts functions.
 */

export type MutableRun = {-readonly [K in keyof AnswerRun]: AnswerRun[K]};

export type RunScratch = {
  readonly splitter: ThinkTagSplitter;
  /** Reasoning sent as its own events / fields, and reasoning cut out of <think> tags. */
  separateReasoning: string;
  inlineReasoning: string;
  lastReasoningSource: string | undefined;
  answerTokenUnits: number;
  separateReasoningChars: number;
  separateReasoningUnits: number;
  inlineReasoningChars: number;
  inlineReasoningUnits: number;
  firstOutputAt: number | undefined;
  lastOutputAt: number | undefined;
  lastTerminalAt: number | undefined;
  endedAt: number | undefined;
  /** Dify: an agent_message came, so a later full `message` replaces (New Agent). */
  sawAgentMessage: boolean;
  agentThoughtIds: Set<string>;
};

export type RunFold = {
  readonly run: MutableRun;
  readonly scratch: RunScratch;
};

export const emptyProgress: AnswerProgress = {
  workflowStatus: undefined,
  currentNode: undefined,
  nodesStarted: 0,
  nodesFinished: 0,
  nodeRetries: 0,
  cycle: undefined,
  elapsedSeconds: undefined,
  totalSteps: undefined,
  failedNode: undefined,
  agentThoughts: 0,
  agentTool: undefined,
  humanInput: undefined,
};

export const emptyUsage: AnswerUsage = {
  promptTokens: undefined,
  completionTokens: undefined,
  totalTokens: undefined,
  totalPrice: undefined,
  currency: undefined,
  latencySeconds: undefined,
  timeToFirstTokenSeconds: undefined,
  timeToGenerateSeconds: undefined,
  retrieverResources: undefined,
};

const emptyMetrics: AnswerMetrics = {
  startedAt: undefined,
  firstAnswerAt: undefined,
  ttftMs: undefined,
  chunkCount: 0,
  answerChars: 0,
  reasoningChars: 0,
  outputTokens: undefined,
  tokensPerSecond: undefined,
  tokensEstimated: false,
  totalLatencyMs: undefined,
};

export function createRunFold(
  runNumber: number,
  query: string | undefined,
  newConversation = false,
): RunFold {
  return {
    run: {
      runNumber,
      query,
      newConversation,
      text: '',
      textRevision: 0,
      reasoning: '',
      status: 'waiting',
      statusReason: '',
      stopReason: undefined,
      progress: emptyProgress,
      usage: undefined,
      ids: {
        conversationId: undefined,
        taskId: undefined,
        messageId: undefined,
        workflowRunId: undefined,
        responseId: undefined,
        model: undefined,
      },
      error: undefined,
      terminalEvents: [],
      metrics: emptyMetrics,
      invalidJsonCount: 0,
      ended: false,
    },
    scratch: {
      splitter: createThinkTagSplitter(),
      separateReasoning: '',
      inlineReasoning: '',
      lastReasoningSource: undefined,
      answerTokenUnits: 0,
      separateReasoningChars: 0,
      separateReasoningUnits: 0,
      inlineReasoningChars: 0,
      inlineReasoningUnits: 0,
      firstOutputAt: undefined,
      lastOutputAt: undefined,
      lastTerminalAt: undefined,
      endedAt: undefined,
      sawAgentMessage: false,
      agentThoughtIds: new Set(),
    },
  };
}

export function patchProgress(fold: RunFold, changes: Partial<AnswerProgress>): void {
  fold.run.progress = patch(fold.run.progress, changes);
}

export function patchUsage(fold: RunFold, changes: Partial<AnswerUsage>): void {
  fold.run.usage = patch(fold.run.usage ?? emptyUsage, changes);
}

export function setStartedAt(fold: RunFold, at: number): void {
  fold.run.metrics = patch(fold.run.metrics, {startedAt: at});
}
