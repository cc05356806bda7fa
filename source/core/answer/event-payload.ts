import type {EventRecord} from '../records.js';
import {addTerminalEvent} from './run-ending.js';
import type {RunFold} from './run-fold.js';
import {failRun} from './run-status.js';
import type {AnswerError} from './answer-types.js';
import {numberAt, parseJsonObject, stringAt, textAt, type JsonObject} from './json-value.js';

/** What every preset fold does first with an event: read its JSON and its name. */

/** `data: [DONE]`: OpenAI's end of stream (a proxy may add one to other streams). */
export function isDoneSentinel(record: EventRecord): boolean {
  return record.data.trim() === '[DONE]';
}

let memoRecord: EventRecord | undefined;
let memoPayload: JsonObject | undefined;

/**
 * The JSON object an event carries (undefined for data that is not one),
 * parsed once per record: the answer fold and the Dify run fold read the
 * same record one after the other, so a one-entry memo keyed by the record
 * object lets the second reuse the first's parse. It holds on to the latest
 * record only. The parsed object is shared: never mutate it.
 */
export function eventPayloadOf(record: EventRecord): JsonObject | undefined {
  if (record === memoRecord) return memoPayload;
  memoPayload = parseJsonObject(record.data);
  memoRecord = record;
  return memoPayload;
}

/** The JSON object an event carries; data that is not one is counted and ignored. */
export function readEventPayload(fold: RunFold, record: EventRecord): JsonObject | undefined {
  const payload = eventPayloadOf(record);
  if (payload === undefined) fold.run.invalidJsonCount++;
  return payload;
}

/** The event's name: the JSON field `key`, else the SSE `event:` line unless it is the default. */
export function eventNameOf(
  payload: JsonObject,
  key: string,
  record: EventRecord,
): string | undefined {
  return stringAt(payload, key) ?? (record.eventType === 'message' ? undefined : record.eventType);
}

/** An error object as providers send it: `code` (or `type`), `status`, `message`. */
export function readErrorObject(error: JsonObject | undefined): AnswerError {
  return {
    code: textAt(error, 'code') ?? textAt(error, 'type'),
    status: numberAt(error, 'status'),
    message: stringAt(error, 'message') ?? 'error',
  };
}

/** An error event ends the run as failed; the partial answer is kept. */
export function failOnErrorEvent(fold: RunFold, error: AnswerError, at: number): void {
  addTerminalEvent(fold, 'error', at);
  failRun(fold, error);
}
