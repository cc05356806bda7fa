import {answerSnapshot, type AnswerRun, type AnswerState} from './answer/index.js';
import {
  currentRun,
  runSummaryFields,
  type DifyRunState,
  type RunCheckOptions,
} from './dify-run/index.js';

/**
 * The answer fields a `--json` summary record of an answer stream carries,
 * snake_case like the rest of the NDJSON contract.
 */
export function answerSummaryFields(run: AnswerRun): Record<string, unknown> {
  const {usage, ids, metrics} = run;
  return {
    answer: run.text,
    ...(run.reasoning === '' ? {} : {reasoning: run.reasoning}),
    answer_status: run.status,
    ...(run.statusReason === '' ? {} : {answer_status_reason: run.statusReason}),
    usage:
      usage === undefined
        ? null
        : {
            prompt_tokens: usage.promptTokens ?? null,
            completion_tokens: usage.completionTokens ?? null,
            total_tokens: usage.totalTokens ?? null,
            total_price: usage.totalPrice ?? null,
            currency: usage.currency ?? null,
            latency: usage.latencySeconds ?? null,
            retriever_resources: usage.retrieverResources ?? null,
          },
    conversation_id: ids.conversationId ?? null,
    message_id: ids.messageId ?? null,
    task_id: ids.taskId ?? null,
    workflow_run_id: ids.workflowRunId ?? null,
    ttft_ms: metrics.ttftMs ?? null,
    tokens_per_second: metrics.tokensPerSecond ?? null,
    tokens_estimated: metrics.tokensEstimated,
    terminal_event: run.terminalEvents.at(-1) ?? null,
    terminal_events: run.terminalEvents,
    ...(run.error === undefined
      ? {}
      : {
          answer_error: {
            code: run.error.code ?? null,
            status: run.error.status ?? null,
            message: run.error.message,
          },
        }),
  };
}

/**
 * Everything a summary of an answer stream carries beyond the engine's
 * fields: the answer and, for Dify, the run's `nodes` and `checks` at `at`.
 * `--json` and the dashboard's export write the same record with it.
 */
export function answerStreamSummaryFields(
  answer: AnswerState,
  difyRun: DifyRunState | undefined,
  at: number,
  runCheckOptions?: RunCheckOptions,
): Record<string, unknown> {
  return {
    ...answerSummaryFields(answerSnapshot(answer).current),
    ...(difyRun ? runSummaryFields(currentRun(difyRun), at, runCheckOptions) : {}),
  };
}
