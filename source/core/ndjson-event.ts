import {isoTimestamp} from './iso-timestamp.js';
import {jsonStringText} from './json-text.js';
import type {EventRecord} from './records.js';
import type {Redactor} from './redact.js';

/*
 * The NDJSON line of an event record, built as text: the same bytes as the
 * generic path (JSON.stringify of its wire object, escapeJsonText) without
 * building that object, a Date or a redacted copy per event. Only the strings
 * that come from outside are quoted, escaped and redacted; the keys, the
 * number and the timestamp are ours.
 */

const MAX_CACHED_STREAMS = 64;
/** Per redactor: `{"type":"event","stream":"<name>","event_number":` per stream name. */
let cacheRedactor: Redactor | undefined;
let prefixes = new Map<string, string>();
/** Per redactor: the JSON of the last event type (they repeat). */
let lastType: string | undefined;
let lastTypeJson = '';

const json = (text: string, redact: Redactor | undefined): string =>
  jsonStringText(redact ? redact(text) : text);

function selectRedactor(redact: Redactor | undefined): void {
  if (redact === cacheRedactor && prefixes.size < MAX_CACHED_STREAMS) return;
  cacheRedactor = redact;
  prefixes = new Map();
  lastType = undefined;
}

function eventPrefix(stream: string, redact: Redactor | undefined): string {
  let prefix = prefixes.get(stream);
  if (prefix === undefined) {
    prefix = `{"type":"event","stream":${json(stream, redact)},"event_number":`;
    prefixes.set(stream, prefix);
  }
  return prefix;
}

function eventTypeJson(type: string, redact: Redactor | undefined): string {
  if (type !== lastType) {
    lastTypeJson = json(type, redact);
    lastType = type;
  }
  return lastTypeJson;
}

/** The line (with its newline) of `record`; `redact` undefined when there are no secrets. */
export function eventLine(record: EventRecord, redact: Redactor | undefined): string {
  selectRedactor(redact);
  const number = record.eventNumber;
  // JSON.stringify writes NaN and Infinity as null; String would not.
  const numberText = Number.isFinite(number) ? String(number) : 'null';
  return (
    `${eventPrefix(record.stream, redact)}${numberText}` +
    `,"event_type":${eventTypeJson(record.eventType, redact)}` +
    `,"data":${record.dataJson !== undefined && redact === undefined ? record.dataJson : json(record.data, redact)}` +
    `,"event_id":${json(record.eventId, redact)}` +
    `,"timestamp":"${isoTimestamp(record.timestamp)}"}\n`
  );
}
