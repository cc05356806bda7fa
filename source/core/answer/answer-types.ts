import type {AnswerPreset} from './answer-preset.js';

/**
 * The answer of one run of a stream, as a person would read it, with where
 * the run is, what it cost and how it ended. Nested objects are replaced, never
 * mutated, so they can be compared by reference and shared by snapshots.
 */

export type AnswerStatus =
  'waiting' | 'streaming' | 'done' | 'error' | 'paused' | 'stopped' | 'incomplete';

/** The events that can end (or settle) an answer, in the names users know. */
export type TerminalEvent =
  | 'message_end'
  | 'workflow_finished'
  | 'workflow_paused'
  | 'error'
  | '[DONE]'
  | 'response.completed'
  | 'response.incomplete'
  | 'response.failed'
  | 'message_stop';

export type AnswerNode = {
  readonly nodeId: string;
  readonly title: string;
  /** Dify node type, e.g. "llm", "answer", "http-request". */
  readonly type: string;
};

export type FailedNode = AnswerNode & {
  /** "failed", or "exception" when the node's error strategy handled it. */
  readonly status: string;
  readonly error: string;
};

/** A Dify iteration or loop that is running. */
export type AnswerCycle = {
  readonly kind: 'iteration' | 'loop';
  readonly title: string;
  /** Dify's `index` from the latest iteration_next / loop_next, as sent. */
  readonly index: number | undefined;
  /** `metadata.iterator_length` of iteration_started, when sent. */
  readonly length: number | undefined;
};

export type HumanInputWait = {
  readonly nodeTitle: string;
  /** Null in Dify for Email-only delivery. */
  readonly formToken: string | undefined;
};

/** Where a Dify workflow/chatflow/agent run is. All zero/undefined for plain chat. */
export type AnswerProgress = {
  /** running, succeeded, failed, partial-succeeded, stopped or paused. */
  readonly workflowStatus: string | undefined;
  /** The most recently started node. */
  readonly currentNode: AnswerNode | undefined;
  readonly nodesStarted: number;
  readonly nodesFinished: number;
  readonly nodeRetries: number;
  readonly cycle: AnswerCycle | undefined;
  /** From workflow_finished / workflow_paused (seconds, server-measured). */
  readonly elapsedSeconds: number | undefined;
  readonly totalSteps: number | undefined;
  /** The latest node that finished with status failed or exception. */
  readonly failedNode: FailedNode | undefined;
  /** Agent apps: distinct agent_thought steps and the latest tool used. */
  readonly agentThoughts: number;
  readonly agentTool: string | undefined;
  readonly humanInput: HumanInputWait | undefined;
};

export type AnswerUsage = {
  readonly promptTokens: number | undefined;
  readonly completionTokens: number | undefined;
  readonly totalTokens: number | undefined;
  /** Decimal string as sent (Dify `total_price`). */
  readonly totalPrice: string | undefined;
  readonly currency: string | undefined;
  /** Server-measured seconds (Dify `latency`, `time_to_first_token`, `time_to_generate`). */
  readonly latencySeconds: number | undefined;
  readonly timeToFirstTokenSeconds: number | undefined;
  readonly timeToGenerateSeconds: number | undefined;
  /** Dify `metadata.retriever_resources.length`. */
  readonly retrieverResources: number | undefined;
};

export type AnswerIds = {
  readonly conversationId: string | undefined;
  readonly taskId: string | undefined;
  /** Dify message id, Anthropic message id. */
  readonly messageId: string | undefined;
  readonly workflowRunId: string | undefined;
  /** OpenAI chat completion id (chatcmpl-…) or Responses id (resp_…). */
  readonly responseId: string | undefined;
  /** OpenAI / Anthropic model name. */
  readonly model: string | undefined;
};

export type AnswerError = {
  /** Dify `code`, OpenAI `error.code`/`error.type`, Anthropic `error.type`. */
  readonly code: string | undefined;
  /** HTTP-like status carried by the error (Dify `status`). */
  readonly status: number | undefined;
  readonly message: string;
};

export type AnswerMetrics = {
  /** Epoch ms of the run's first `connecting` record. */
  readonly startedAt: number | undefined;
  /** Epoch ms of the first chunk that added visible answer text. */
  readonly firstAnswerAt: number | undefined;
  /** startedAt → first answer chunk. */
  readonly ttftMs: number | undefined;
  /** Events that carried non-empty answer text (including inline <think> text). */
  readonly chunkCount: number;
  /** Code points of `text` / `reasoning`. */
  readonly answerChars: number;
  readonly reasoningChars: number;
  /** Output tokens: usage completion tokens, or the estimate from answer + reasoning. */
  readonly outputTokens: number | undefined;
  /** outputTokens over the time from the first to the last output chunk. */
  readonly tokensPerSecond: number | undefined;
  /** True when outputTokens is estimated from characters (no usage yet). */
  readonly tokensEstimated: boolean;
  /** startedAt → the latest terminal event (or the end of the run when none came). */
  readonly totalLatencyMs: number | undefined;
};

export type AnswerRun = {
  /** 1 for the first run of the stream, then 2, 3, … */
  readonly runNumber: number;
  /** The question, when known (setAnswerQuery, or Dify's `sys.query` input). */
  readonly query: string | undefined;
  /** True when this run started a new conversation (`n`): views draw a separator above it. */
  readonly newConversation: boolean;
  readonly text: string;
  /**
   * Bumped when `text` changed other than by growing at its end (message_replace,
   * text_replace): a consumer that prints the answer as it arrives must start over.
   */
  readonly textRevision: number;
  readonly reasoning: string;
  readonly status: AnswerStatus;
  /** Why the status is what it is: "paused: waiting for human input", "ended without a terminal event", an error text; "" otherwise. */
  readonly statusReason: string;
  /** OpenAI finish_reason, Anthropic stop_reason, Responses incomplete reason. */
  readonly stopReason: string | undefined;
  readonly progress: AnswerProgress;
  readonly usage: AnswerUsage | undefined;
  readonly ids: AnswerIds;
  /** The first error of the run; the partial answer is kept. */
  readonly error: AnswerError | undefined;
  /** Terminal events in arrival order (Dify chatflows send two). */
  readonly terminalEvents: readonly TerminalEvent[];
  readonly metrics: AnswerMetrics;
  /** Event data that was not valid JSON (ignored). */
  readonly invalidJsonCount: number;
  /** True once the run's summary record came. */
  readonly ended: boolean;
};

/** An immutable view of a stream's answers, a new object only when something visible changed. */
export type AnswerSnapshot = {
  readonly preset: AnswerPreset;
  readonly version: number;
  readonly current: AnswerRun;
  /** Earlier runs of the stream, oldest first. */
  readonly history: readonly AnswerRun[];
};
