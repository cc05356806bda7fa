import {compactLine} from '../display-text.js';
import type {Redactor} from '../redact.js';
import type {ErrorRecord, StreamRecord} from '../records.js';
import {sanitize} from '../sanitize.js';
import {reconnectingText} from './countdown.js';
import type {ConnectionInfo, DisplayEntry} from './types.js';

type Notice = {
  text: string;
  level: DisplayEntry['level'];
  countdown?: DisplayEntry['countdown'];
};

function noticeText(record: StreamRecord, failure: ErrorRecord | undefined): Notice | undefined {
  switch (record.type) {
    case 'status':
      if (record.state === 'open') {
        const verb = record.reattach
          ? `re-attached (attempt ${record.attempt})`
          : record.attempt > 1
            ? `reconnected (attempt ${record.attempt})`
            : 'connected';
        return {
          text: `${verb}: HTTP ${record.httpStatus} ${record.contentType} in ${seconds(record.headersMs)}`,
          level: 'info',
        };
      }
      if (record.state === 'waiting') return {text: `waiting: ${record.reason}`, level: 'info'};
      if (record.state === 'connecting') {
        return record.reattach
          ? {text: 're-attaching to the Dify run (GET /workflow/{id}/events)', level: 'info'}
          : undefined;
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
        case 'waiting':
          return {
            kind: 'waiting',
            since: record.timestamp,
            reason: sanitize(redact(record.reason)),
          };
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
