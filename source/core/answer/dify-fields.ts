import {emptyUsage} from './run-fold.js';
import {arrayAt, numberAt, objectAt, stringAt, textAt, type JsonObject} from './json-value.js';
import type {AnswerIds, AnswerUsage} from './answer-types.js';

/** Events whose `id` is the message id (for other events it names a thought, a file, …). */
const messageIdEvents = new Set(['message', 'agent_message', 'message_end']);

/** The ids a Dify event carries (top-level envelope fields). */
export function readDifyIds(payload: JsonObject, event: string | undefined): Partial<AnswerIds> {
  const id = event !== undefined && messageIdEvents.has(event) ? textAt(payload, 'id') : undefined;
  return {
    conversationId: textAt(payload, 'conversation_id'),
    taskId: textAt(payload, 'task_id'),
    messageId: textAt(payload, 'message_id') ?? id,
    workflowRunId: textAt(payload, 'workflow_run_id'),
  };
}

/** `message_end.metadata`: its `usage` and `retriever_resources` (what it lacks keeps its earlier value). */
export function readDifyUsage(
  metadata: JsonObject | undefined,
  previous: AnswerUsage | undefined,
): AnswerUsage {
  const base = previous ?? emptyUsage;
  const usage = objectAt(metadata, 'usage');
  return {
    promptTokens: numberAt(usage, 'prompt_tokens') ?? base.promptTokens,
    completionTokens: numberAt(usage, 'completion_tokens') ?? base.completionTokens,
    totalTokens: numberAt(usage, 'total_tokens') ?? base.totalTokens,
    totalPrice:
      stringAt(usage, 'total_price') ??
      priceText(numberAt(usage, 'total_price')) ??
      base.totalPrice,
    currency: textAt(usage, 'currency') ?? base.currency,
    latencySeconds: numberAt(usage, 'latency') ?? base.latencySeconds,
    timeToFirstTokenSeconds: numberAt(usage, 'time_to_first_token') ?? base.timeToFirstTokenSeconds,
    timeToGenerateSeconds: numberAt(usage, 'time_to_generate') ?? base.timeToGenerateSeconds,
    retrieverResources: arrayAt(metadata, 'retriever_resources')?.length ?? base.retrieverResources,
  };
}

function priceText(price: number | undefined): string | undefined {
  return price === undefined ? undefined : String(price);
}

/** The value of `outputs` when it has exactly one entry and that entry is a string. */
export function singleStringOutput(outputs: JsonObject | undefined): string | undefined {
  if (outputs === undefined) return undefined;
  const values = Object.values(outputs);
  const [only] = values;
  return values.length === 1 && typeof only === 'string' ? only : undefined;
}
