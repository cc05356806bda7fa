/**
 * What stream diagnostics measure and conclude. A snapshot is plain data
 * (numbers, short strings, one bounded list) so it can ride on a record, be
 * written as NDJSON and be drawn without reaching back into the engine.
 */

/** One conclusion: a short name, the facts behind it and a one-line fix. */
export type Finding = {
  readonly name: FindingName;
  readonly evidence: string;
  readonly fix: string;
};

export type FindingName =
  | 'buffered upstream'
  | 'only keep-alives'
  | 'server ignores Last-Event-ID'
  | 'ids skipped'
  | 'reconnect loop'
  | 'idle timeout shorter than keep-alive interval';

/** Where a reconnect delay came from (see reconnect-policy.ts). */
export type DelaySource = 'retry' | 'retry-after' | 'backoff' | 'reconnection-time' | 'manual';

/** Timings of the latest connection, in ms from sending its request. */
export type ConnectionTimings = {
  readonly headersMs: number | undefined;
  readonly firstByteMs: number | undefined;
  readonly firstEventMs: number | undefined;
};

/** Body chunks as they arrived, as a fixed-size summary over the run. */
export type ChunkSummary = {
  readonly count: number;
  readonly bytes: number;
  readonly smallest: number;
  readonly largest: number;
  /** Longest silence between two chunks (or headers and the first chunk). */
  readonly largestGapMs: number;
  readonly mostEventsInChunk: number;
};

/** Events that arrived together (within the burst window) after a silence. */
export type BurstSummary = {
  readonly count: number;
  /** Events that arrived inside bursts. */
  readonly events: number;
  readonly largestEvents: number;
  readonly largestSpanMs: number;
  readonly largestGapMs: number;
};

export type KeepAliveSummary = {
  readonly count: number;
  /** Between consecutive keep-alives of one connection. */
  readonly lastIntervalMs: number | undefined;
  readonly maxIntervalMs: number | undefined;
  readonly meanIntervalMs: number | undefined;
  /** Keep-alives since the last event (or since the run started). */
  readonly sinceLastEvent: number;
};

export type IdGap = {readonly from: string; readonly to: string; readonly missing: number};

export type IdSummary = {
  /** Events whose id ends in a number. */
  readonly numeric: number;
  /** Steps of exactly +1 between consecutive numeric ids. */
  readonly steps: number;
  readonly gaps: number;
  readonly missing: number;
  readonly largestGap: IdGap | undefined;
  readonly backwards: number;
  /** Reconnects after which the first id was not after the Last-Event-ID sent. */
  readonly restarts: number;
  readonly lastRestart: {readonly sent: string; readonly got: string} | undefined;
};

/** One connection attempt in the reconnect history. */
export type AttemptEntry = {
  readonly attempt: number;
  readonly at: number;
  /** The Last-Event-ID header sent ("" when none). */
  readonly lastEventIdSent: string;
  readonly httpStatus: number | undefined;
  readonly headersMs: number | undefined;
  readonly firstByteMs: number | undefined;
  readonly events: number;
  readonly keepAlives: number;
  readonly bytes: number;
  /** How it ended: the error, reconnect reason or run end; "" while open. */
  readonly end: string;
  readonly endedAt: number | undefined;
  /** The delay before the next attempt, if one followed. */
  readonly delayMs: number | undefined;
  readonly delaySource: DelaySource | undefined;
  /** The delay asked for (server retry:, Retry-After) was held to the floor or cap. */
  readonly clamped: boolean;
};

export type StreamDiagnostics = {
  /** When the snapshot was taken (epoch ms). */
  readonly at: number;
  /** undici's fetch does not expose it: always undefined, said so in findings. */
  readonly httpVersion: string | undefined;
  readonly timings: ConnectionTimings;
  readonly chunks: ChunkSummary;
  readonly bursts: BurstSummary;
  readonly keepAlives: KeepAliveSummary;
  readonly ids: IdSummary;
  readonly lastEventAt: number | undefined;
  readonly lastByteAt: number | undefined;
  /** Attempts made in the run; `history` keeps the last HISTORY_LIMIT. */
  readonly attempts: number;
  readonly history: readonly AttemptEntry[];
  readonly idleTimeouts: number;
  readonly findings: readonly Finding[];
};

/** Knobs of the detectors (tests make them small). */
export type DiagnosticsThresholds = {
  /** Silence that makes the next arrival the start of a possible burst. */
  readonly burstGapMs: number;
  /** Events must arrive within this long of the burst start. */
  readonly burstWindowMs: number;
  readonly burstMinEvents: number;
  /** "only keep-alives" after this long with keep-alives and no event. */
  readonly keepAliveOnlyMs: number;
  /** "reconnect loop" after this many opened connections in a row without events. */
  readonly loopConnections: number;
};

export const DEFAULT_THRESHOLDS: DiagnosticsThresholds = {
  burstGapMs: 1000,
  burstWindowMs: 100,
  burstMinEvents: 5,
  keepAliveOnlyMs: 15_000,
  loopConnections: 3,
};

/** Attempts kept in the reconnect history. */
export const HISTORY_LIMIT = 50;

/** Least time between two diagnostics records of one stream while data flows. */
export const DIAGNOSTICS_INTERVAL_MS = 1000;
