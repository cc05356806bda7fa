import type {ReadyRequest} from './ready-request.js';
import type {AnswerPreset, AnswerSnapshot} from '../answer/index.js';
import type {StreamCounters} from '../counters.js';
import type {StreamDiagnostics} from '../diagnostics/types.js';
import type {RunCheckOptions} from '../dify-run/checks.js';
import type {DifyRunSnapshot, ReattachOutcome} from '../dify-run/types.js';
import type {Redactor} from '../redact.js';
import type {StreamRecord} from '../records.js';
import type {StreamController} from '../stream-controller.js';
import type {RateSample} from './rate.js';

/**
 * One line of a pane: an event, or a notice about the connection (opened,
 * reconnecting, failed, closed). Display strings are sanitized and bounded;
 * for events they are worked out the first time a view reads them (see
 * EventEntry), so only rows that are drawn, filtered or exported cost
 * anything. `data` keeps the raw event data (secrets redacted) up to a cap
 * for the pretty view, filters and export.
 */
export type DisplayEntry = {
  /** Per stream, increasing by one per entry; survives clear(). */
  readonly seq: number;
  readonly kind: 'event' | 'notice';
  /** Events: their log level (logLevel); notices: info, warn or error. */
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly timestamp: number;
  readonly bytesReceived: number;
  /** Raw event type, bounded ("" for notices). */
  readonly eventType: string;
  /** The event type sanitized for the screen. */
  readonly typeLabel: string;
  /** Sanitized one-line form of the data (events) or the notice text. */
  readonly line: string;
  /** Raw event data, redacted, cut at the store's data cap ("" for notices). */
  readonly data: string;
  /** Length of the original data in UTF-16 units (data.length when not cut). */
  readonly dataLength: number;
  /** The stream's last event ID after this event, raw. */
  readonly eventId: string;
  readonly eventNumber: number;
  /** For notices: the records they stand for, for export (a failure and its summary share one line). */
  readonly records?: readonly StreamRecord[];
  /** For a summary notice of an answer stream: the answer fields its --json record carries. */
  readonly summaryExtra?: Readonly<Record<string, unknown>>;
  /** For a "reconnecting" notice: when the retry is due and why, so the line counts down. */
  readonly countdown?: {readonly at: number; readonly reason: string};
};

/** What the state badge shows. */
export type ConnectionInfo =
  /** Not started; `ready`: waiting for Enter or r, with the request it would send. */
  | {readonly kind: 'idle'; readonly ready?: ReadyRequest}
  | {readonly kind: 'connecting'; readonly attempt: number}
  | {readonly kind: 'open'; readonly httpStatus: number; readonly since: number}
  | {
      readonly kind: 'retry';
      readonly retryAt: number;
      readonly delayMs: number;
      readonly attempt: number;
      readonly failures: number;
      readonly maxFailures: number;
      readonly reason: string;
    }
  /** The run is held for someone, not for a timer: a Dify run paused for human input. */
  | {readonly kind: 'waiting'; readonly since: number; readonly reason: string}
  | {readonly kind: 'closed'; readonly status: 'completed' | 'stopped'; readonly reason: string}
  | {
      readonly kind: 'failed';
      /** The whole message, one line (the pane's notice). */
      readonly message: string;
      /** The part a person needs first (the badge): "HTTP 401", "not SSE: text/html". */
      readonly short: string;
      readonly httpStatus: number | undefined;
    };

export type CountersView = Readonly<Omit<StreamCounters, 'eventsByType'>> & {
  readonly eventTypes: number;
};

/** Immutable view of one stream; a new object only when the stream changed. */
export type StreamSnapshot = {
  readonly name: string;
  readonly version: number;
  readonly connection: ConnectionInfo;
  /** True from the first status record of a run until its summary. */
  readonly running: boolean;
  /** Which run the counters count: 1 for the first, 2 after a restart (s, r, a follow-up). */
  readonly run: number;
  readonly counters: CountersView;
  readonly rate: RateSample;
  /** Oldest first. Frozen at the moment of pausing while paused. */
  readonly entries: readonly DisplayEntry[];
  /** Entries buffered now (also while paused). */
  readonly buffered: number;
  readonly bufferSize: number;
  /** Entries that fell out of the ring buffer so far. */
  readonly dropped: number;
  readonly paused: boolean;
  /** Events that arrived since the pane was paused. */
  readonly pausedArrivals: number;
  /** TLS certificate checks are off (the pane shows an INSECURE badge). */
  readonly insecure: boolean;
  /** The latest response's status line and headers (redacted and sanitized), once one opened. */
  readonly response: ResponseInfo | undefined;
  /**
   * The run's latest diagnostics (timings, chunks, keep-alives, ids, reconnect
   * history, findings). Raw strings: whoever draws them sanitizes.
   */
  readonly diagnostics: StreamDiagnostics | undefined;
  /**
   * The Dify run inspector's view (node timeline, header, agent steps, human
   * input, stop tracking; see core/dify-run/types.ts), published with the
   * rest and held while the pane is paused; the same object until the run
   * changed. Undefined for streams whose answer preset is not dify.
   */
  readonly difyRun: DifyRunSnapshot | undefined;
};

/** What the zoomed pane's details show about the last response. */
export type ResponseInfo = {
  /** "HTTP 200 text/event-stream in 20ms". */
  readonly statusLine: string;
  /** [name, value] pairs, sensitive values redacted, all sanitized. */
  readonly headers: readonly (readonly [string, string])[];
};

export type OverviewSnapshot = {
  readonly version: number;
  readonly names: readonly string[];
  readonly open: number;
  readonly retrying: number;
  readonly failed: number;
  readonly events: number;
  readonly bytes: number;
  readonly reconnects: number;
  readonly errors: number;
};

export type StreamConfig = {
  readonly name: string;
  readonly bufferSize?: number;
  /**
   * The answer fold of the stream; `none` keeps it events-only. Absent: guessed
   * from the URL when a controller is attached (detectAnswerPreset).
   */
  readonly answer?: AnswerPreset;
  /** TLS certificate checks are off for this stream (`-k`, profile `insecure: true`). */
  readonly insecure?: boolean;
  /**
   * The stream waits to be sent (autostart: false): until its first run the
   * pane is READY and shows the request (ConnectionInfo idle with `ready`).
   */
  readonly ready?: boolean;
};

export type StreamStoreOptions = {
  readonly streams?: readonly StreamConfig[];
  /** Ring buffer entries per stream (default 1000). */
  readonly bufferSize?: number;
  /** Least time between two notifications (default 50 ms). */
  readonly notifyIntervalMs?: number;
  /** Raw data kept per event for the pretty view and export (default 64 KiB). */
  readonly dataCap?: number;
  readonly now?: () => number;
  /** How the Dify run checks judge (--ping-wait); the same in every view and the summary. */
  readonly runCheckOptions?: RunCheckOptions;
};

export type ExportResult = {readonly path: string; readonly count: number};

export type StreamStore = {
  ingest(record: StreamRecord): void;
  /** Subscribes to every controller's records; returns a function that detaches them all. */
  attach(controllers: readonly StreamController[]): () => void;
  subscribe(listener: () => void): () => void;
  getSnapshot(name: string): StreamSnapshot;
  getOverviewSnapshot(): OverviewSnapshot;
  /** How the Dify run checks judge (as given to the store: --ping-wait). */
  readonly runCheckOptions: RunCheckOptions;
  /**
   * Adds a stream (a profile reload): a new one goes last; one of the same
   * name starts over in its place (empty buffer, new answer fold). Attach
   * its controller afterwards, as at start.
   */
  addStream(stream: StreamConfig): void;
  /** Forgets a stream (detach its controller first): its pane goes away at the next notify. */
  removeStream(name: string): void;
  /** Publishes pending changes now and notifies (tests, shutdown). */
  flush(): void;
  clear(name: string): void;
  setPaused(name: string, paused: boolean): void;
  /**
   * The stream's answers (current run and history), published with the other
   * snapshots; the same object until something visible changed. Undefined for
   * streams without an answer preset.
   */
  getAnswerSnapshot(name: string): AnswerSnapshot | undefined;
  /**
   * The question of the stream's next run (a follow-up), so that run shows it;
   * `newConversation` (`n`) marks that run as the start of a new conversation.
   */
  setAnswerQuery(name: string, query: string, newConversation?: boolean): void;
  /**
   * The redactor of the stream's secrets (its token, sensitive headers,
   * credential query values), for views that draw raw server text at draw
   * time (the run view); passes text through before a controller is attached.
   */
  redactorOf(name: string): Redactor;
  /** The stream's Dify run (as on its snapshot's `difyRun`); undefined for non-Dify streams. */
  getRunSnapshot(name: string): DifyRunSnapshot | undefined;
  /**
   * The user asked Dify to stop the stream's run (the pane's `x`) at `at`
   * (epoch ms): the run counts the events and node starts that still arrive
   * (check `stop`). No-op for non-Dify streams and ended runs.
   */
  markStopRequested(name: string, at: number): void;
  /**
   * Records what a re-attach of the stream's Dify run through
   * GET /workflow/{workflow_run_id}/events did (undefined clears it): checks
   * `reattach-unsupported` / `reattach-failed`, and `reattach-possible` goes
   * away once attached.
   */
  setReattachOutcome(name: string, outcome: ReattachOutcome | undefined): void;
  /** The conversation a Dify follow-up continues: the latest run's conversation_id. */
  latestConversationId(name: string): string | undefined;
  /** The response an OpenAI Responses follow-up continues: the latest response id. */
  latestResponseId(name: string): string | undefined;
  /** Writes the buffered entries (those `include` keeps) as NDJSON records. */
  exportEvents(
    name: string,
    path: string,
    include?: (entry: DisplayEntry) => boolean,
  ): Promise<ExportResult>;
  /** Stops the notify timer and detaches every controller. */
  dispose(): void;
};
