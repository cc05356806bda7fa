import {compactLine, compactText, parseJson, sliceCodePoints} from '../display-text.js';
import {summarizeEvent} from './event-summary.js';
import type {Redactor} from '../redact.js';
import type {ErrorRecord, EventRecord, StreamRecord} from '../records.js';
import {sanitize} from '../sanitize.js';
import {reconnectingText} from './countdown.js';
import {logLevel} from './log-level.js';
import type {ConnectionInfo, DisplayEntry} from './types.js';

/** Raw data kept per event for the pretty view and export. */
export const DEFAULT_DATA_CAP = 64 * 1024;
export const MAX_EVENT_TYPE_CHARS = 64;
/** Longest secret that is still redacted when it straddles the data cap. */
const REDACT_MARGIN = 256;

/** A copy that does not keep a huge parent string alive (V8 slices share memory). */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * Dify (and OpenAI's Responses API) send every event as an SSE "message" and
 * name it inside the JSON: {"event":"node_started",...} or
 * {"type":"response.output_text.delta",...}. Showing that name makes a
 * chatflow readable at a glance; the SSE type stays in `eventType`.
 */
const innerName = /^\{\s*"(?:event|type)"\s*:\s*"([\w.-]{1,48})"/;

function displayType(eventType: string, data: string): string {
  if (eventType !== 'message') return eventType;
  return innerName.exec(data.slice(0, 80))?.[1] ?? eventType;
}

/**
 * The row text of an event: its useful part first (summarizeEvent), then the
 * data as one line. The data is parsed at most once, here, at ingest.
 */
export function eventLine(
  eventType: string,
  data: string,
  parsed: {value: unknown} | undefined = parseJson(data),
): string {
  if (!parsed) return compactText(data);
  const minified = JSON.stringify(parsed.value) ?? data;
  const summary = summarizeEvent(eventType, parsed.value);
  const json = compactText(minified);
  return summary === undefined ? json : `${compactText(summary, 256)}  ${json}`;
}

export function eventEntry(
  record: EventRecord,
  seq: number,
  dataCap: number,
  redact: Redactor,
): DisplayEntry {
  const {data} = record;
  const eventType = sliceCodePoints(record.eventType, MAX_EVENT_TYPE_CHARS);
  const cut = data.length > dataCap;
  const kept = cut
    ? ownCopy(sliceCodePoints(redact(data.slice(0, dataCap + REDACT_MARGIN)), dataCap))
    : redact(data);
  const parsed = parseJson(kept);
  return {
    seq,
    kind: 'event',
    level: logLevel(eventType, kept, parsed),
    timestamp: record.timestamp,
    bytesReceived: record.bytesReceived,
    eventType,
    typeLabel: sanitize(sliceCodePoints(displayType(eventType, data), MAX_EVENT_TYPE_CHARS)),
    line: eventLine(eventType, kept, parsed),
    data: kept,
    dataLength: data.length,
    eventId: redact(record.eventId),
    eventNumber: record.eventNumber,
  };
}

type Notice = {
  text: string;
  level: DisplayEntry['level'];
  countdown?: DisplayEntry['countdown'];
};

function noticeText(record: StreamRecord, failure: ErrorRecord | undefined): Notice | undefined {
  switch (record.type) {
    case 'status':
      if (record.state === 'open') {
        const verb = record.attempt > 1 ? `reconnected (attempt ${record.attempt})` : 'connected';
        return {
          text: `${verb}: HTTP ${record.httpStatus} ${record.contentType} in ${seconds(record.headersMs)}`,
          level: 'info',
        };
      }
      if (record.state === 'reconnecting') {
        const at = record.timestamp + record.delayMs;
        return {
          text: reconnectingText(at, record.timestamp, record.reason),
          level: 'warn',
          countdown: {at, reason: record.reason},
        };
      }
      return undefined;
    case 'error':
      // A failure is shown once, on the line of the summary that follows it.
      return undefined;
    case 'summary': {
      if (record.status !== 'failed') return {text: record.summary, level: 'info'};
      const message = failure ? failureLabel(failure.error, failure.httpStatus) : record.reason;
      const events = `${record.totalEvents} ${record.totalEvents === 1 ? 'event' : 'events'}`;
      const reconnects = `${record.reconnects} ${record.reconnects === 1 ? 'reconnect' : 'reconnects'}`;
      return {text: `failed: ${message} · ${events}, ${reconnects}`, level: 'error'};
    }
    case 'keepalive':
    case 'event':
      return undefined;
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10}s` : `${Math.round(ms)}ms`;
}

/**
 * A notice line for a connection record worth showing in the pane, if any.
 * `failure` is the run's failed error record, shown on its summary's line.
 */
export function noticeEntry(
  record: StreamRecord,
  seq: number,
  redact: Redactor,
  failure?: ErrorRecord,
): DisplayEntry | undefined {
  const notice = noticeText(record, failure);
  if (!notice) return undefined;
  const entry: DisplayEntry = {
    seq,
    kind: 'notice',
    level: notice.level,
    timestamp: record.timestamp,
    bytesReceived: record.bytesReceived,
    eventType: '',
    typeLabel: '',
    line: compactLine(redact(notice.text)),
    data: '',
    dataLength: 0,
    eventId: '',
    eventNumber: 0,
    records: failure && record.type === 'summary' ? [failure, record] : [record],
  };
  if (!notice.countdown) return entry;
  const reason = compactLine(redact(notice.countdown.reason), 512);
  return {...entry, countdown: {at: notice.countdown.at, reason}};
}

const SHORT_FAILURE_CHARS = 40;
const notEventStream = /content type ([^\s,;:()]+)/;

/**
 * The part of a failure a person needs first, for the badge: "HTTP 401",
 * "not SSE: text/html" (a 200 that is no event stream), or the start of the
 * message ("server closed the connection").
 */
export function failureShort(error: string, httpStatus: number | undefined): string {
  if (
    httpStatus === 200 ||
    (httpStatus === undefined && /expected text\/event-stream/.test(error))
  ) {
    const type = notEventStream.exec(error)?.[1];
    return type === undefined ? 'not SSE' : `not SSE: ${compactLine(type, 64)}`;
  }
  if (httpStatus !== undefined) return `HTTP ${httpStatus}`;
  return compactLine(error, SHORT_FAILURE_CHARS);
}

/** "HTTP 401 Unauthorized (content type application/json): {body}" from the engine. */
const httpError = /^HTTP \d{3}(?: ([^(:]*[^(:\s]))?\s*(?:\([^)]*\))?(?::\s*([\s\S]*))?$/;

function jsonMessage(text: string): string | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (body !== null && typeof body === 'object' && 'message' in body) {
      const {message} = body;
      if (typeof message === 'string' && message !== '') return message;
    }
  } catch {
    // Not a JSON body.
  }
  return undefined;
}

/**
 * "HTTP 401: Access token is invalid" from the engine's error text: the JSON
 * body's message when there is one, else the status line's reason, else the body.
 */
export function failureLabel(error: string, httpStatus: number | undefined): string {
  if (httpStatus === undefined) return error;
  const match = httpError.exec(error);
  if (!match) return `HTTP ${httpStatus}: ${error}`;
  const [, reason, rest = ''] = match;
  const detail = jsonMessage(rest.trim()) ?? reason ?? (rest.trim() || undefined);
  return detail === undefined ? `HTTP ${httpStatus}` : `HTTP ${httpStatus}: ${detail}`;
}

/** The badge state after `record`. */
export function nextConnection(
  current: ConnectionInfo,
  record: StreamRecord,
  redact: Redactor,
): ConnectionInfo {
  switch (record.type) {
    case 'status':
      switch (record.state) {
        case 'connecting':
          return {kind: 'connecting', attempt: record.attempt};
        case 'open':
          return {kind: 'open', httpStatus: record.httpStatus, since: record.timestamp};
        case 'reconnecting':
          return {
            kind: 'retry',
            retryAt: record.timestamp + record.delayMs,
            delayMs: record.delayMs,
            attempt: record.attempt,
            failures: record.failures,
            maxFailures: record.maxFailures,
            reason: sanitize(redact(record.reason)),
          };
      }
      break;
    case 'error':
      if (record.status === 'retrying') return current;
      return {
        kind: 'failed',
        message: compactLine(redact(failureLabel(record.error, record.httpStatus)), 512),
        short: failureShort(redact(record.error), record.httpStatus),
        httpStatus: record.httpStatus,
      };
    case 'summary':
      if (record.status === 'failed') {
        return current.kind === 'failed'
          ? current
          : {
              kind: 'failed',
              message: compactLine(redact(record.reason), 512),
              short: failureShort(redact(record.reason), undefined),
              httpStatus: undefined,
            };
      }
      return {
        kind: 'closed',
        status: record.status,
        reason: compactLine(redact(record.reason), 512),
      };
    case 'event':
    case 'keepalive':
      return current;
  }
  return current;
}
