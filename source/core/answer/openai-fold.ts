import type {EventRecord} from '../records.js';
import {addTerminalEvent} from './run-ending.js';
import {patchUsage, type RunFold} from './run-fold.js';
import {failRun, markStreaming, settleStatus} from './run-status.js';
import {appendAnswer, appendReasoning} from './run-text.js';
import {
  eventNameOf,
  failOnErrorEvent,
  isDoneSentinel,
  readErrorObject,
  readEventPayload,
} from './event-payload.js';
import {fillMissing} from './patch.js';
import {
  arrayAt,
  isJsonObject,
  numberAt,
  objectAt,
  stringAt,
  textAt,
  type JsonObject,
} from './json-value.js';

/**
 * OpenAI-compatible streams: Chat Completions (`chat.completion.chunk` data,
 * `data: [DONE]` at the end) and the Responses API (typed events such as
 * `response.output_text.delta`, named by the SSE `event:` line and the JSON
 * `type` field).
 */

export function applyOpenAiEvent(fold: RunFold, record: EventRecord): void {
  const at = record.timestamp;
  if (isDoneSentinel(record)) {
    addTerminalEvent(fold, '[DONE]', at);
    settleStatus(fold, 'done');
    return;
  }
  const payload = readEventPayload(fold, record);
  if (payload === undefined) return;
  const type = eventNameOf(payload, 'type', record);
  const errorObject = objectAt(payload, 'error');
  if (type !== undefined && (type.startsWith('response.') || type === 'error')) {
    applyResponsesEvent(fold, type, payload, at);
  } else if (errorObject !== undefined) {
    failOnErrorEvent(fold, readErrorObject(errorObject), at);
  } else {
    applyChatChunk(fold, payload, at);
  }
}

function applyChatChunk(fold: RunFold, chunk: JsonObject, at: number): void {
  fold.run.ids = fillMissing(fold.run.ids, {
    responseId: textAt(chunk, 'id'),
    model: textAt(chunk, 'model'),
  });
  const choices = arrayAt(chunk, 'choices') ?? [];
  const choice = choices.find((item) => isJsonObject(item) && (item['index'] ?? 0) === 0);
  if (isJsonObject(choice)) {
    const delta = objectAt(choice, 'delta');
    // DeepSeek and vLLM send `reasoning_content`; OpenRouter and others `reasoning`.
    appendReasoning(
      fold,
      stringAt(delta, 'reasoning_content') ?? stringAt(delta, 'reasoning') ?? '',
      at,
    );
    appendAnswer(fold, stringAt(delta, 'content') ?? '', at);
    const finishReason = textAt(choice, 'finish_reason');
    if (finishReason !== undefined) fold.run.stopReason = finishReason;
    markStreaming(fold);
  }
  const usage = objectAt(chunk, 'usage');
  if (usage !== undefined) {
    patchUsage(fold, {
      promptTokens: numberAt(usage, 'prompt_tokens'),
      completionTokens: numberAt(usage, 'completion_tokens'),
      totalTokens: numberAt(usage, 'total_tokens'),
    });
  }
}

function applyResponsesEvent(fold: RunFold, type: string, event: JsonObject, at: number): void {
  const response = objectAt(event, 'response');
  if (response !== undefined) {
    fold.run.ids = fillMissing(fold.run.ids, {
      responseId: textAt(response, 'id'),
      model: textAt(response, 'model'),
    });
    const usage = objectAt(response, 'usage');
    if (usage !== undefined) {
      patchUsage(fold, {
        promptTokens: numberAt(usage, 'input_tokens'),
        completionTokens: numberAt(usage, 'output_tokens'),
        totalTokens: numberAt(usage, 'total_tokens'),
      });
    }
  }
  switch (type) {
    case 'response.output_text.delta':
    case 'response.refusal.delta':
      appendAnswer(fold, stringAt(event, 'delta') ?? '', at);
      return;
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_text.delta':
      appendReasoning(fold, stringAt(event, 'delta') ?? '', at);
      return;
    case 'response.completed':
      addTerminalEvent(fold, 'response.completed', at);
      settleStatus(fold, 'done');
      return;
    case 'response.incomplete': {
      const reason = textAt(objectAt(response, 'incomplete_details'), 'reason') ?? 'incomplete';
      fold.run.stopReason = reason;
      addTerminalEvent(fold, 'response.incomplete', at);
      settleStatus(fold, 'incomplete', `incomplete: ${reason}`);
      return;
    }
    case 'response.failed': {
      addTerminalEvent(fold, 'response.failed', at);
      const error = objectAt(response, 'error');
      failRun(
        fold,
        error === undefined
          ? {code: undefined, status: undefined, message: 'response failed'}
          : readErrorObject(error),
      );
      return;
    }
    case 'error':
      failOnErrorEvent(fold, readErrorObject(objectAt(event, 'error') ?? event), at);
      return;
    default:
      markStreaming(fold);
      return;
  }
}
