/**
 * The one record type that flows from the engine to every consumer: the
 * NDJSON writer, the dashboard store, recorders. Fields are camelCase here;
 * the NDJSON writer maps them to the snake_case wire contract.
 *
 * Every record carries `timestamp` (epoch ms) and `bytesReceived`, the stream's
 * cumulative count of response body bytes so far.
 */

import type {DelaySource, StreamDiagnostics} from './diagnostics/types.js';

type RecordBase = {
  readonly stream: string;
  readonly timestamp: number;
  readonly bytesReceived: number;
};

export type ConnectingRecord = RecordBase & {
  readonly type: 'status';
  readonly state: 'connecting';
  /** 1 for the first request of a run, then 2, 3, ... */
  readonly attempt: number;
  /** The Last-Event-ID header this request sends ("" or absent: none). */
  readonly lastEventId?: string;
  /**
   * True when this request re-attaches to a Dify run (GET
   * /workflow/{workflow_run_id}/events) instead of sending the stream's
   * request: the run it continues is the same one, not a new one.
   */
  readonly reattach?: boolean;
};

export type OpenRecord = RecordBase & {
  readonly type: 'status';
  readonly state: 'open';
  readonly attempt: number;
  readonly httpStatus: number;
  readonly contentType: string;
  /** Milliseconds from sending the request to the response headers. */
  readonly headersMs: number;
  /** Response headers, names lower-cased, as received (outputs redact them). */
  readonly headers: Readonly<Record<string, string>>;
  /** True when this response is a re-attach to a Dify run (see ConnectingRecord). */
  readonly reattach?: boolean;
};

export type ReconnectingRecord = RecordBase & {
  readonly type: 'status';
  readonly state: 'reconnecting';
  readonly delayMs: number;
  readonly reason: string;
  /** The attempt number the reconnect will have. */
  readonly attempt: number;
  /** Consecutive failures so far and how many are allowed (Infinity = unlimited). */
  readonly failures: number;
  readonly maxFailures: number;
  /** Where the delay came from, and whether a server's ask was held to the floor or cap. */
  readonly delaySource?: DelaySource;
  readonly clamped?: boolean;
};

/**
 * The stream ended and the run waits without a timer for someone, not for a
 * retry: a Dify run paused for human input (workflow_paused) is held until
 * its form is filled and the engine re-attaches. Not a reconnect and not a
 * failure; only the dashboard holds runs (headless runs end at the pause).
 */
export type WaitingRecord = RecordBase & {
  readonly type: 'status';
  readonly state: 'waiting';
  readonly reason: string;
  /** The attempt number the re-attach will have. */
  readonly attempt: number;
};

export type StatusRecord = ConnectingRecord | OpenRecord | ReconnectingRecord | WaitingRecord;
export type ConnectionState = StatusRecord['state'];

export type EventRecord = RecordBase & {
  readonly type: 'event';
  /** 1-based, counted over the whole run (across reconnects). */
  readonly eventNumber: number;
  readonly eventType: string;
  readonly data: string;
  /** The stream's last event ID after this event ("" when none). */
  readonly eventId: string;
  /**
   * `data` already as safe JSON string text (quoted, escaped), when a replay
   * read it so from a recording: the NDJSON writer then copies it instead of
   * escaping `data` again. Absent from live records.
   */
  readonly dataJson?: string;
};

export type ErrorRecord = RecordBase & {
  readonly type: 'error';
  /** `retrying`: a reconnect follows; `failed`: the stream ends. */
  readonly status: 'retrying' | 'failed';
  readonly error: string;
  readonly httpStatus?: number;
};

export type SummaryStatus = 'completed' | 'failed' | 'stopped';

export type SummaryRecord = RecordBase & {
  readonly type: 'summary';
  readonly status: SummaryStatus;
  /** Why the run ended, e.g. "stream ended", "max events reached", "HTTP 401 ...". */
  readonly reason: string;
  readonly totalEvents: number;
  /** Seconds from the start of the run to its end. */
  readonly connectionDuration: number;
  /** Milliseconds spent with an open response. */
  readonly connectedMs: number;
  readonly reconnects: number;
  readonly errors: number;
  readonly eventsByType: Readonly<Record<string, number>>;
  readonly headersMs: number | undefined;
  readonly firstEventMs: number | undefined;
  readonly lastEventId: string;
  readonly summary: string;
  /** What the run's diagnostics measured and concluded (absent in records made elsewhere). */
  readonly diagnostics?: StreamDiagnostics;
  /**
   * A replayed summary's `diagnostics` exactly as its recording has them (wire
   * form): written back unchanged when there is no `diagnostics`.
   */
  readonly recordedDiagnostics?: Readonly<Record<string, unknown>>;
};

/**
 * A block that carries no data: an SSE comment (":" line) or a data-less
 * `event:` block such as Dify's `event: ping`. WHATWG dispatches nothing for
 * these; we report them so keep-alives can be counted and shown as activity.
 * Not part of the NDJSON contract (the writer leaves them out).
 */
export type KeepAliveRecord = RecordBase & {
  readonly type: 'keepalive';
  /** The `event:` name of a data-less block, or "comment". */
  readonly kind: string;
};

/**
 * The stream's diagnostics so far (core/diagnostics): emitted when a finding
 * appears or goes, after each connection, and at most about once a second
 * while data flows. Not part of the NDJSON contract (the summary carries the
 * last one); `-v` prints new findings on stderr.
 */
export type DiagnosticsRecord = RecordBase & {
  readonly type: 'diagnostics';
  readonly diagnostics: StreamDiagnostics;
};

export type StreamRecord =
  StatusRecord | EventRecord | ErrorRecord | SummaryRecord | KeepAliveRecord | DiagnosticsRecord;

export type RecordListener = (record: StreamRecord) => void;
