import type {StreamRecord} from './records.js';
import {diagnosticsWire} from './diagnostics/wire.js';
import {redactHeaders, type Redactor} from './redact.js';

/**
 * The NDJSON wire contract: one snake_case object per record, keys in a
 * stable order. Keep-alive and diagnostics records are not part of it
 * (undefined); the summary carries the run's diagnostics.
 */
export type WireRecord = Record<string, unknown>;

export function toWireRecord(record: StreamRecord): WireRecord | undefined {
  const timestamp = new Date(record.timestamp).toISOString();
  const head = {type: record.type, stream: record.stream};
  switch (record.type) {
    case 'status': {
      switch (record.state) {
        case 'connecting':
          return {...head, state: record.state, attempt: record.attempt, timestamp};
        case 'open':
          return {
            ...head,
            state: record.state,
            http_status: record.httpStatus,
            content_type: record.contentType,
            attempt: record.attempt,
            headers_ms: record.headersMs,
            headers: wireHeaders(record.headers),
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
        ...(record.diagnostics ? {diagnostics: diagnosticsWire(record.diagnostics)} : {}),
        timestamp,
      };
    case 'keepalive':
    case 'diagnostics':
      return undefined;
  }
}

/**
 * One NDJSON line (with its newline), secrets redacted in every string;
 * undefined for non-wire records. `extra` fields are added before the
 * timestamp (the answer fields of a summary, say).
 */
export function toNdjsonLine(
  record: StreamRecord,
  redact?: Redactor,
  extra?: Readonly<Record<string, unknown>>,
): string | undefined {
  let wire = toWireRecord(record);
  if (!wire) return undefined;
  if (extra) {
    const {timestamp, ...rest} = wire;
    wire = {...rest, ...extra, timestamp};
  }
  return escapeJsonText(JSON.stringify(redact ? redactStrings(wire, redact) : wire)) + '\n';
}

/** Response headers with lower-cased names and the values of sensitive ones masked. */
function wireHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const lower: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
  return redactHeaders(lower);
}

/*
 * Characters JSON.stringify leaves raw that a terminal may act on or that
 * make text read differently than it is: DEL, C1 controls (U+009B is a
 * one-character CSI, U+009D an OSC), bidi controls, the line and paragraph
 * separators and zero-width characters. Built from code points so the
 * source stays free of them.
 */
const jsonUnsafeClass = [
  '\\u007f-\\u009f',
  '\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufeff',
].join('');
const jsonUnsafe = new RegExp(`[${jsonUnsafeClass}]`);
const jsonUnsafeGlobal = new RegExp(`[${jsonUnsafeClass}]`, 'g');

const jsonEscape = (character: string): string =>
  `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Escapes those characters in JSON text as `\uXXXX`. In the output of
 * JSON.stringify they can only occur inside string literals, so the result is
 * valid JSON that parses back to the same strings. Tested before replacing:
 * this runs once per record.
 */
export function escapeJsonText(json: string): string {
  return jsonUnsafe.test(json) ? json.replace(jsonUnsafeGlobal, jsonEscape) : json;
}

function redactStrings(value: unknown, redact: Redactor): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, redact));
  if (value !== null && typeof value === 'object') {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value))
      result[redact(key)] = redactStrings(item, redact);
    return result;
  }
  return value;
}
