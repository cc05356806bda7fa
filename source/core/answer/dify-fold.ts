import type {EventRecord} from '../records.js';
import {patchProgress, type RunFold} from './run-fold.js';
import {markStreaming, settleStatus} from './run-status.js';
import {addTerminalEvent} from './run-ending.js';
import {appendAnswer, appendReasoning, replaceAnswer} from './run-text.js';
import {readDifyIds, readDifyUsage} from './dify-fields.js';
import {applyDifyWorkflowEvent} from './dify-workflow.js';
import {
  eventNameOf,
  failOnErrorEvent,
  isDoneSentinel,
  readErrorObject,
  readEventPayload,
} from './event-payload.js';
import {fillMissing} from './patch.js';
import {objectAt, stringAt, textAt, type JsonObject} from './json-value.js';

/**
 * The Dify Service API fold (chat, agent, New Agent, completion, chatflow,
 * workflow). The event name is inside the JSON (`"event":"message"`); the SSE
 * event type is "message" for every data event. See
 * reference/dify-streaming.md §3 and §5.
 */

export function applyDifyEvent(fold: RunFold, record: EventRecord): void {
  // Real Dify never sends [DONE] (P2); tolerate one added by a proxy.
  if (isDoneSentinel(record)) return;
  const payload = readEventPayload(fold, record);
  if (payload === undefined) return;
  const name = eventNameOf(payload, 'event', record);
  fold.run.ids = fillMissing(fold.run.ids, readDifyIds(payload, name));
  const at = record.timestamp;
  const data = objectAt(payload, 'data');

  switch (name) {
    case 'message':
    case 'agent_message': {
      const answer = stringAt(payload, 'answer') ?? '';
      if (name === 'agent_message') fold.scratch.sawAgentMessage = true;
      // New Agent closes with one `message` that repeats the whole answer.
      if (name === 'message' && fold.scratch.sawAgentMessage) replaceAnswer(fold, answer, at);
      else if (answer.length > 0) appendAnswer(fold, answer, at);
      else markStreaming(fold);
      return;
    }
    case 'message_file': {
      // P12: text chunks sent as message_file keep `answer` and have no `url`.
      const answer = stringAt(payload, 'answer');
      if (answer !== undefined && payload['url'] === undefined) appendAnswer(fold, answer, at);
      else markStreaming(fold);
      return;
    }
    case 'message_replace':
      replaceAnswer(fold, stringAt(payload, 'answer') ?? '', at);
      return;
    case 'text_chunk':
      appendAnswer(fold, stringAt(data, 'text') ?? '', at);
      markStreaming(fold);
      return;
    case 'text_replace':
      replaceAnswer(fold, stringAt(data, 'text') ?? '', at);
      return;
    case 'reasoning_chunk':
      appendReasoning(fold, stringAt(data, 'reasoning') ?? '', at, stringAt(data, 'node_id'));
      return;
    case 'agent_thought':
      onAgentThought(fold, payload);
      return;
    case 'message_end':
      onMessageEnd(fold, payload, at);
      return;
    case 'error':
      failOnErrorEvent(fold, readErrorObject(payload), at);
      return;
    case undefined:
      // The web client's rule: an object without `event` but with a code is an error.
      if (stringAt(payload, 'code') !== undefined && stringAt(payload, 'message') !== undefined) {
        failOnErrorEvent(fold, readErrorObject(payload), at);
      }
      return;
    default:
      // Workflow, node, iteration/loop and human-input events; the rest
      // (ping, tts_message(_end), agent_log, parallel_branch_*) carry no answer.
      applyDifyWorkflowEvent(fold, name, data, at);
      return;
  }
}

function onAgentThought(fold: RunFold, payload: JsonObject): void {
  markStreaming(fold);
  const id = stringAt(payload, 'id');
  const thoughtIds = fold.scratch.agentThoughtIds;
  if (id !== undefined) thoughtIds.add(id);
  patchProgress(fold, {
    agentThoughts: thoughtIds.size,
    agentTool: textAt(payload, 'tool') ?? fold.run.progress.agentTool,
  });
}

function onMessageEnd(fold: RunFold, payload: JsonObject, at: number): void {
  fold.run.usage = readDifyUsage(objectAt(payload, 'metadata'), fold.run.usage);
  addTerminalEvent(fold, 'message_end', at);
  settleStatus(fold, 'done');
}
