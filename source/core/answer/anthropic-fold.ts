import type {EventRecord} from '../records.js';
import {addTerminalEvent} from './run-ending.js';
import {patchUsage, type RunFold} from './run-fold.js';
import {markStreaming, settleStatus} from './run-status.js';
import {appendAnswer, appendReasoning} from './run-text.js';
import {eventNameOf, failOnErrorEvent, readErrorObject, readEventPayload} from './event-payload.js';
import {fillMissing} from './patch.js';
import {numberAt, objectAt, stringAt, textAt} from './json-value.js';

/**
 * Anthropic Messages streams: named SSE events (message_start,
 * content_block_start/delta/stop, message_delta, message_stop, ping, error)
 * whose JSON repeats the name in `type`.
 */

export function applyAnthropicEvent(fold: RunFold, record: EventRecord): void {
  const payload = readEventPayload(fold, record);
  if (payload === undefined) return;
  const at = record.timestamp;
  const type = eventNameOf(payload, 'type', record);
  switch (type) {
    case 'message_start': {
      const message = objectAt(payload, 'message');
      fold.run.ids = fillMissing(fold.run.ids, {
        messageId: textAt(message, 'id'),
        model: textAt(message, 'model'),
      });
      const inputTokens = numberAt(objectAt(message, 'usage'), 'input_tokens');
      if (inputTokens !== undefined) patchUsage(fold, {promptTokens: inputTokens});
      markStreaming(fold);
      return;
    }
    case 'content_block_start': {
      const block = objectAt(payload, 'content_block');
      const blockType = stringAt(block, 'type');
      if (blockType === 'text') appendAnswer(fold, stringAt(block, 'text') ?? '', at);
      if (blockType === 'thinking') appendReasoning(fold, stringAt(block, 'thinking') ?? '', at);
      return;
    }
    case 'content_block_delta': {
      const delta = objectAt(payload, 'delta');
      const deltaType = stringAt(delta, 'type');
      if (deltaType === 'text_delta') appendAnswer(fold, stringAt(delta, 'text') ?? '', at);
      if (deltaType === 'thinking_delta')
        appendReasoning(fold, stringAt(delta, 'thinking') ?? '', at);
      return;
    }
    case 'message_delta': {
      const stopReason = textAt(objectAt(payload, 'delta'), 'stop_reason');
      if (stopReason !== undefined) fold.run.stopReason = stopReason;
      const usage = objectAt(payload, 'usage');
      const outputTokens = numberAt(usage, 'output_tokens');
      const inputTokens = numberAt(usage, 'input_tokens') ?? fold.run.usage?.promptTokens;
      if (outputTokens !== undefined) {
        patchUsage(fold, {
          promptTokens: inputTokens,
          completionTokens: outputTokens,
          totalTokens: inputTokens === undefined ? undefined : inputTokens + outputTokens,
        });
      }
      return;
    }
    case 'message_stop':
      addTerminalEvent(fold, 'message_stop', at);
      settleStatus(fold, 'done');
      return;
    case 'error':
      failOnErrorEvent(fold, readErrorObject(objectAt(payload, 'error')), at);
      return;
    default:
      // ping, content_block_stop and anything newer carry no answer text.
      return;
  }
}
