import type {StreamRecord} from '../../source/core/records.js';
import type {StreamStore} from '../../source/core/store/types.js';
import {records, T0} from './fixtures.js';

/**
 * Dify chatflow records as the engine emits them, after the documented event
 * schemas (reference/dify-streaming.md): the event name is inside the JSON.
 */

export const CONVERSATION = '5b1e6a8c-1f0e-4c39-9d0a-4d2a3f3b8c01';

type Ids = {readonly task?: string; readonly conversation?: string};

function envelope(event: string, ids: Ids, extra: Record<string, unknown>): string {
  return JSON.stringify({
    event,
    task_id: ids.task ?? 'task-1',
    conversation_id: ids.conversation ?? CONVERSATION,
    message_id: 'msg-1',
    created_at: 1_795_000_000,
    ...extra,
  });
}

export const dify = {
  message: (stream: string, n: number, answer: string, ids: Ids = {}) =>
    records.event(stream, n, envelope('message', ids, {id: 'msg-1', answer})),
  reasoning: (stream: string, n: number, reasoning: string) =>
    records.event(
      stream,
      n,
      envelope('reasoning_chunk', {}, {data: {reasoning, node_id: 'llm', message_id: 'msg-1'}}),
    ),
  end: (stream: string, n: number) =>
    records.event(
      stream,
      n,
      envelope(
        'message_end',
        {},
        {
          id: 'msg-1',
          metadata: {
            usage: {
              prompt_tokens: 40,
              completion_tokens: 60,
              total_tokens: 100,
              total_price: '0.0012',
              currency: 'USD',
              latency: 1.5,
            },
          },
        },
      ),
    ),
  error: (stream: string, n: number, message: string) =>
    records.event(
      stream,
      n,
      envelope('error', {}, {status: 400, code: 'completion_request_error', message}),
    ),
  humanInput: (stream: string, n: number) =>
    records.event(
      stream,
      n,
      envelope(
        'human_input_required',
        {},
        {
          data: {node_id: 'approve', node_title: 'Approve', form_token: 'tok'},
        },
      ),
    ),
};

/** Feeds records into the store. */
export function feed(store: StreamStore, items: readonly StreamRecord[]): void {
  for (const item of items) store.ingest(item);
}

/**
 * One complete Dify run: connecting, open, the answer in chunks, message_end,
 * the summary. Event numbers start at `first` (times follow them).
 */
export function difyRun(
  stream: string,
  chunks: readonly string[],
  options: {first?: number; end?: boolean; at?: number} = {},
): StreamRecord[] {
  const first = options.first ?? 1;
  const at = options.at ?? T0;
  const items: StreamRecord[] = [records.connecting(stream, 1, at), records.open(stream, at + 20)];
  chunks.forEach((chunk, index) => items.push(dify.message(stream, first + index, chunk)));
  const last = first + chunks.length;
  if (options.end !== false) items.push(dify.end(stream, last));
  items.push({
    ...records.summary(stream, 'completed', 'stream ended'),
    timestamp: T0 + 100 * last + 50,
  });
  return items;
}
