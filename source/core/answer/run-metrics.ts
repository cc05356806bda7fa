import {patch} from './patch.js';
import type {RunFold} from './run-fold.js';

/**
 * Derived timing and speed: TTFT from the run start, tokens per second over
 * the span from the first to the last output chunk, from usage when the
 * server sent it and estimated from characters otherwise.
 */

/** Recomputes the derived metrics; replaces `metrics` only when a value changed. */
export function refreshMetrics(fold: RunFold): void {
  const {run, scratch} = fold;
  const {startedAt, firstAnswerAt} = run.metrics;
  const since = (at: number | undefined): number | undefined =>
    startedAt === undefined || at === undefined ? undefined : Math.max(0, at - startedAt);
  const reportedTokens = run.usage?.completionTokens;
  const estimatedTokens = Math.ceil(
    scratch.answerTokenUnits + scratch.separateReasoningUnits + scratch.inlineReasoningUnits,
  );
  const tokensEstimated = !(reportedTokens !== undefined && reportedTokens > 0);
  const outputTokens = tokensEstimated ? estimatedTokens : reportedTokens;
  const spanMs =
    scratch.firstOutputAt === undefined || scratch.lastOutputAt === undefined
      ? 0
      : scratch.lastOutputAt - scratch.firstOutputAt;
  const seconds = spanMs > 0 ? spanMs / 1000 : run.usage?.timeToGenerateSeconds;
  run.metrics = patch(run.metrics, {
    ttftMs: since(firstAnswerAt),
    reasoningChars: scratch.separateReasoningChars + scratch.inlineReasoningChars,
    outputTokens: outputTokens !== undefined && outputTokens > 0 ? outputTokens : undefined,
    tokensPerSecond:
      outputTokens !== undefined && outputTokens > 0 && seconds !== undefined && seconds > 0
        ? outputTokens / seconds
        : undefined,
    tokensEstimated: outputTokens !== undefined && outputTokens > 0 && tokensEstimated,
    totalLatencyMs: since(scratch.lastTerminalAt ?? scratch.endedAt),
  });
}
