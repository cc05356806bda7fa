import type {AttemptEntry, StreamDiagnostics} from './types.js';

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);
const rounded = (ms: number | undefined): number | null =>
  ms === undefined ? null : Math.round(ms);
const iso = (at: number | undefined): string | null =>
  at === undefined ? null : new Date(at).toISOString();

function wireAttempt(entry: AttemptEntry): Record<string, unknown> {
  return {
    attempt: entry.attempt,
    at: iso(entry.at),
    last_event_id_sent: entry.lastEventIdSent,
    http_status: orNull(entry.httpStatus),
    headers_ms: rounded(entry.headersMs),
    first_byte_ms: rounded(entry.firstByteMs),
    events: entry.events,
    keep_alives: entry.keepAlives,
    bytes: entry.bytes,
    end: entry.end,
    delay_ms: rounded(entry.delayMs),
    delay_source: orNull(entry.delaySource),
    clamped: entry.clamped,
  };
}

/** The `diagnostics` object of a summary NDJSON record (snake_case, like the rest). */
export function diagnosticsWire(diagnostics: StreamDiagnostics): Record<string, unknown> {
  const {timings, chunks, bursts, keepAlives, ids} = diagnostics;
  return {
    http_version: orNull(diagnostics.httpVersion),
    headers_ms: rounded(timings.headersMs),
    first_byte_ms: rounded(timings.firstByteMs),
    first_event_ms: rounded(timings.firstEventMs),
    chunks: {
      count: chunks.count,
      bytes: chunks.bytes,
      smallest: chunks.smallest,
      largest: chunks.largest,
      largest_gap_ms: Math.round(chunks.largestGapMs),
      most_events_in_chunk: chunks.mostEventsInChunk,
    },
    bursts: {
      count: bursts.count,
      events: bursts.events,
      largest_events: bursts.largestEvents,
      largest_span_ms: Math.round(bursts.largestSpanMs),
      largest_gap_ms: Math.round(bursts.largestGapMs),
    },
    keep_alives: {
      count: keepAlives.count,
      last_interval_ms: rounded(keepAlives.lastIntervalMs),
      max_interval_ms: rounded(keepAlives.maxIntervalMs),
      mean_interval_ms: rounded(keepAlives.meanIntervalMs),
      since_last_event: keepAlives.sinceLastEvent,
    },
    ids: {
      numeric: ids.numeric,
      steps: ids.steps,
      gaps: ids.gaps,
      missing: ids.missing,
      largest_gap: ids.largestGap ?? null,
      backwards: ids.backwards,
      restarts: ids.restarts,
      last_restart: ids.lastRestart ?? null,
    },
    last_event_at: iso(diagnostics.lastEventAt),
    last_byte_at: iso(diagnostics.lastByteAt),
    attempts: diagnostics.attempts,
    idle_timeouts: diagnostics.idleTimeouts,
    reconnect_history: diagnostics.history.map(wireAttempt),
    findings: diagnostics.findings.map(({name, evidence, fix}) => ({name, evidence, fix})),
  };
}
