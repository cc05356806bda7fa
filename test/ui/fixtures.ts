import type {
  EventRecord,
  ReconnectingRecord,
  StreamRecord,
  SummaryRecord,
} from '../../source/core/records.js';

/** A fixed wall clock for every test: 2026-11-21 10:00:00 local time. */
export const T0 = new Date(2026, 10, 21, 10, 0, 0, 0).getTime();

const base = (stream: string, at = T0, bytes = 0) => ({
  stream,
  timestamp: at,
  bytesReceived: bytes,
});

export const records = {
  connecting: (stream: string, attempt = 1, at = T0): StreamRecord => ({
    ...base(stream, at),
    type: 'status',
    state: 'connecting',
    attempt,
  }),
  open: (stream: string, at = T0 + 20, attempt = 1): StreamRecord => ({
    ...base(stream, at),
    type: 'status',
    state: 'open',
    attempt,
    httpStatus: 200,
    contentType: 'text/event-stream',
    headersMs: 20,
    headers: {'content-type': 'text/event-stream'},
  }),
  event: (
    stream: string,
    n: number,
    data: string,
    options: {type?: string; id?: string; at?: number; bytes?: number} = {},
  ): EventRecord => ({
    ...base(stream, options.at ?? T0 + 100 * n, options.bytes ?? n * 50),
    type: 'event',
    eventNumber: n,
    eventType: options.type ?? 'message',
    data,
    eventId: options.id ?? String(n),
  }),
  reconnecting: (
    stream: string,
    options: Partial<
      Pick<ReconnectingRecord, 'delayMs' | 'failures' | 'maxFailures' | 'attempt' | 'reason'>
    > & {
      at?: number;
    } = {},
  ): StreamRecord => ({
    ...base(stream, options.at ?? T0 + 1000),
    type: 'status',
    state: 'reconnecting',
    delayMs: options.delayMs ?? 3000,
    reason: options.reason ?? 'stream ended',
    attempt: options.attempt ?? 2,
    failures: options.failures ?? 1,
    maxFailures: options.maxFailures ?? 5,
  }),
  failed: (stream: string, error: string, httpStatus?: number): StreamRecord => ({
    ...base(stream, T0 + 50),
    type: 'error',
    status: 'failed',
    error,
    httpStatus,
  }),
  summary: (stream: string, status: SummaryRecord['status'], reason: string): SummaryRecord => ({
    ...base(stream, T0 + 5000),
    type: 'summary',
    status,
    reason,
    totalEvents: 0,
    connectionDuration: 5,
    connectedMs: 5000,
    reconnects: 0,
    errors: 0,
    eventsByType: {},
    headersMs: 20,
    firstEventMs: 100,
    lastEventId: '',
    summary: `${status} (${reason}): 0 events in 5 s, 0 reconnects`,
  }),
};
