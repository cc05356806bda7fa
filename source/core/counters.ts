import type {StreamRecord} from './records.js';

/**
 * Per-stream counters, kept by one small reducer over the engine's records so
 * the engine's summary, the dashboard and any replay agree by construction.
 * `applyRecord` mutates in place: it runs once per event on the hot path.
 */
export type StreamCounters = {
  events: number;
  bytes: number;
  reconnects: number;
  errors: number;
  keepAlives: number;
  eventsByType: Record<string, number>;
  /** Response-headers time of the latest connection, in ms. */
  headersMs: number | undefined;
  /** From the start of the first run to its first event, in ms. */
  firstEventMs: number | undefined;
  /** Closed connected intervals, in ms; add `openSince` for the live one. */
  connectedMs: number;
  openSince: number | undefined;
  lastEventId: string;
  lastEventAt: number | undefined;
  startedAt: number | undefined;
};

export function createCounters(): StreamCounters {
  return {
    events: 0,
    bytes: 0,
    reconnects: 0,
    errors: 0,
    keepAlives: 0,
    // No prototype: event types come from servers ("constructor", "__proto__").
    eventsByType: Object.create(null) as Record<string, number>,
    headersMs: undefined,
    firstEventMs: undefined,
    connectedMs: 0,
    openSince: undefined,
    lastEventId: '',
    lastEventAt: undefined,
    startedAt: undefined,
  };
}

function closeOpenInterval(counters: StreamCounters, at: number): void {
  if (counters.openSince !== undefined) {
    counters.connectedMs += Math.max(0, at - counters.openSince);
    counters.openSince = undefined;
  }
}

export function applyRecord(counters: StreamCounters, record: StreamRecord): void {
  if (record.bytesReceived > counters.bytes) counters.bytes = record.bytesReceived;
  switch (record.type) {
    case 'event': {
      // Per event: a few field writes and one keyed increment, nothing allocated.
      counters.events++;
      const byType = counters.eventsByType;
      const type = record.eventType;
      const seen = byType[type];
      byType[type] = seen === undefined ? 1 : seen + 1;
      counters.lastEventId = record.eventId;
      counters.lastEventAt = record.timestamp;
      if (counters.firstEventMs === undefined && counters.startedAt !== undefined) {
        counters.firstEventMs = record.timestamp - counters.startedAt;
      }
      return;
    }
    case 'status': {
      if (record.state === 'connecting') {
        closeOpenInterval(counters, record.timestamp);
        counters.startedAt ??= record.timestamp;
      } else if (record.state === 'open') {
        counters.headersMs = record.headersMs;
        counters.openSince = record.timestamp;
      } else if (record.state === 'waiting') {
        // A held run (human input): the connection ended, but nothing reconnects.
        closeOpenInterval(counters, record.timestamp);
      } else {
        closeOpenInterval(counters, record.timestamp);
        counters.reconnects++;
      }
      return;
    }
    case 'error': {
      closeOpenInterval(counters, record.timestamp);
      counters.errors++;
      return;
    }
    case 'keepalive': {
      counters.keepAlives++;
      return;
    }
    case 'summary': {
      closeOpenInterval(counters, record.timestamp);
      return;
    }
    case 'diagnostics':
      return;
  }
}

/** Connected time including the connection that is open right now. */
export function connectedDuration(counters: StreamCounters, now: number): number {
  return counters.connectedMs + (counters.openSince === undefined ? 0 : now - counters.openSince);
}
