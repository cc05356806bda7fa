import {isoTimestamp} from './iso-timestamp.js';
import {escapeJsonText} from './json-text.js';
import {eventLine} from './ndjson-event.js';
import type {StreamRecord} from './records.js';
import {diagnosticsWire} from './diagnostics/wire.js';
import {noRedaction, redactHeaders, type Redactor} from './redact.js';

export {escapeJsonText};

/**
 * The NDJSON wire contract: one snake_case object per record, keys in a
 * stable order. Keep-alive and diagnostics records are not part of it
 * (undefined); the summary carries the run's diagnostics.
 */
export type WireRecord = Record<string, unknown>;

export function toWireRecord(record: StreamRecord): WireRecord | undefined {
  const timestamp = isoTimestamp(record.timestamp);
  const head = {type: record.type, stream: record.stream};
  switch (record.type) {
    case 'status': {
      switch (record.state) {
        case 'connecting':
          return record.reattach
            ? {...head, state: record.state, attempt: record.attempt, reattach: true, timestamp}
            : {...head, state: record.state, attempt: record.attempt, timestamp};
        case 'waiting':
          return {
            ...head,
            state: record.state,
            reason: record.reason,
            attempt: record.attempt,
            timestamp,
          };
        case 'open':
          return {
            ...head,
            state: record.state,
            http_status: record.httpStatus,
            content_type: record.contentType,
            attempt: record.attempt,
            headers_ms: record.headersMs,
            headers: wireHeaders(record.headers),
            ...(record.reattach ? {reattach: true} : {}),
            timestamp,
          };
        case 'reconnecting':
          return {
            ...head,
            state: record.state,
            delay_ms: record.delayMs,
            reason: record.reason,
            attempt: record.attempt,
            failures: record.failures,
            max_failures: Number.isFinite(record.maxFailures) ? record.maxFailures : null,
            timestamp,
          };
      }
      break;
    }
    case 'event':
      return {
        ...head,
        event_number: record.eventNumber,
        event_type: record.eventType,
        data: record.data,
        event_id: record.eventId,
        timestamp,
      };
    case 'error':
      return {
        ...head,
        status: record.status,
        error: record.error,
        ...(record.httpStatus === undefined ? {} : {http_status: record.httpStatus}),
        timestamp,
      };
    case 'summary':
      return {
        ...head,
        status: record.status,
        reason: record.reason,
        total_events: record.totalEvents,
        connection_duration: record.connectionDuration,
        connected_ms: record.connectedMs,
        reconnects: record.reconnects,
        errors: record.errors,
        bytes: record.bytesReceived,
        events_by_type: record.eventsByType,
        headers_ms: record.headersMs ?? null,
        first_event_ms: record.firstEventMs ?? null,
        last_event_id: record.lastEventId,
        summary: record.summary,
        ...(record.diagnostics
          ? {diagnostics: diagnosticsWire(record.diagnostics)}
          : record.recordedDiagnostics
            ? {diagnostics: record.recordedDiagnostics}
            : {}),
        timestamp,
      };
    case 'keepalive':
    case 'diagnostics':
      return undefined;
  }
}

/**
 * One NDJSON line (with its newline), secrets redacted in every string but
 * our own keys and timestamp; undefined for non-wire records. `extra` fields
 * are added before the timestamp (the answer fields of a summary, say).
 * Event records, the flood, take a fast path with the same bytes.
 */
/** The last event line built, for the next output that asks for the same record. */
let lastEvent: StreamRecord | undefined;
let lastEventRedact: Redactor | undefined;
let lastEventLine = '';

export function toNdjsonLine(
  record: StreamRecord,
  redact?: Redactor,
  extra?: Readonly<Record<string, unknown>>,
): string | undefined {
  const active = redact === noRedaction ? undefined : redact;
  if (record.type === 'event' && !extra) {
    // Every output of a run (stdout, a recording) asks for the same event's line in turn.
    if (record === lastEvent && active === lastEventRedact) return lastEventLine;
    lastEventLine = eventLine(record, active);
    lastEvent = record;
    lastEventRedact = active;
    return lastEventLine;
  }
  const wire = toWireRecord(record);
  if (!wire) return undefined;
  const {timestamp, ...fields} = wire;
  const all: Record<string, unknown> = extra ? {...fields, ...extra} : fields;
  if (active) {
    for (const key of Object.keys(all)) all[key] = redactStrings(all[key], active);
  }
  all['timestamp'] = timestamp;
  return escapeJsonText(JSON.stringify(all)) + '\n';
}

/** Response headers with lower-cased names and the values of sensitive ones masked. */
function wireHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return redactHeaders(lower);
}

function redactStrings(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === 'object') {
    // No prototype: keys come from servers (an event type "__proto__").
    const result = Object.create(null) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value))
      result[redact(key)] = redactStrings(item, redact);
    return result;
  }
  return value;
}
