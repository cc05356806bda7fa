import type {StreamRecord} from '../records.js';

/** A line that is JSON but not a record this format knows: the message says why. */
export class WireShapeError extends Error {}

type Wire = Record<string, unknown>;

function text(wire: Wire, key: string): string {
  const value = wire[key];
  if (typeof value !== 'string') throw new WireShapeError(`"${key}" is not a string`);
  return value;
}

function number(wire: Wire, key: string): number {
  const value = wire[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new WireShapeError(`"${key}" is not a number`);
  }
  return value;
}

/** A number, or undefined for null/absent. */
function optionalNumber(wire: Wire, key: string): number | undefined {
  return wire[key] === null || wire[key] === undefined ? undefined : number(wire, key);
}

function stringMap(wire: Wire, key: string): Record<string, string> {
  const value = wire[key];
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  if (value === undefined || value === null) return result;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new WireShapeError(`"${key}" is not an object`);
  }
  for (const [name, item] of Object.entries(value)) result[name] = String(item);
  return result;
}

function countMap(wire: Wire, key: string): Record<string, number> {
  const result: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [name, item] of Object.entries(stringMap(wire, key))) result[name] = Number(item);
  return result;
}

/**
 * The engine record of one recording line (a `--json` record with `t` and
 * `rx`), its timestamp the line's offset `t` (the player adds its start).
 * Throws WireShapeError for a line of unknown type or with a wrong field.
 */
export function recordOfWire(wire: Wire): StreamRecord {
  const type = wire['type'];
  // Events are nearly every line: built as one literal, no spread.
  if (type === 'event') {
    return {
      stream: text(wire, 'stream'),
      timestamp: number(wire, 't'),
      bytesReceived: bytesOf(wire),
      type,
      eventNumber: number(wire, 'event_number'),
      eventType: text(wire, 'event_type'),
      data: text(wire, 'data'),
      eventId: text(wire, 'event_id'),
    };
  }
  const base = {
    stream: text(wire, 'stream'),
    timestamp: number(wire, 't'),
    bytesReceived: bytesOf(wire),
  };
  switch (type) {
    case 'status':
      return statusOfWire(wire, base);
    case 'error': {
      const status = wire['status'] === 'failed' ? 'failed' : 'retrying';
      const httpStatus = optionalNumber(wire, 'http_status');
      return {
        ...base,
        type,
        status,
        error: text(wire, 'error'),
        ...(httpStatus === undefined ? {} : {httpStatus}),
      };
    }
    case 'summary':
      return summaryOfWire(wire, base);
    case 'keepalive':
      return {...base, type, kind: text(wire, 'kind')};
    default:
      throw new WireShapeError(`unknown record type ${JSON.stringify(type)}`);
  }
}

/** `rx`, the body bytes so far (0 when absent). */
function bytesOf(wire: Wire): number {
  const rx = wire['rx'];
  return typeof rx === 'number' && Number.isFinite(rx) ? rx : 0;
}

type Base = {stream: string; timestamp: number; bytesReceived: number};

function statusOfWire(wire: Wire, base: Base): StreamRecord {
  const attempt = number(wire, 'attempt');
  switch (wire['state']) {
    case 'connecting':
      return wire['reattach'] === true
        ? {...base, type: 'status', state: 'connecting', attempt, reattach: true}
        : {...base, type: 'status', state: 'connecting', attempt};
    case 'waiting':
      return {...base, type: 'status', state: 'waiting', attempt, reason: text(wire, 'reason')};
    case 'open':
      return {
        ...base,
        type: 'status',
        state: 'open',
        attempt,
        httpStatus: number(wire, 'http_status'),
        contentType: text(wire, 'content_type'),
        headersMs: number(wire, 'headers_ms'),
        headers: stringMap(wire, 'headers'),
        ...(wire['reattach'] === true ? {reattach: true} : {}),
      };
    case 'reconnecting':
      return {
        ...base,
        type: 'status',
        state: 'reconnecting',
        attempt,
        delayMs: number(wire, 'delay_ms'),
        reason: text(wire, 'reason'),
        failures: number(wire, 'failures'),
        maxFailures: optionalNumber(wire, 'max_failures') ?? Number.POSITIVE_INFINITY,
      };
    default:
      throw new WireShapeError(`unknown status state ${JSON.stringify(wire['state'])}`);
  }
}

function summaryOfWire(wire: Wire, base: Base): StreamRecord {
  const status = text(wire, 'status');
  if (status !== 'completed' && status !== 'failed' && status !== 'stopped') {
    throw new WireShapeError(`unknown summary status ${JSON.stringify(status)}`);
  }
  const diagnostics = wire['diagnostics'];
  return {
    ...base,
    bytesReceived: number(wire, 'bytes'),
    type: 'summary',
    status,
    reason: text(wire, 'reason'),
    totalEvents: number(wire, 'total_events'),
    connectionDuration: number(wire, 'connection_duration'),
    connectedMs: number(wire, 'connected_ms'),
    reconnects: number(wire, 'reconnects'),
    errors: number(wire, 'errors'),
    eventsByType: countMap(wire, 'events_by_type'),
    headersMs: optionalNumber(wire, 'headers_ms'),
    firstEventMs: optionalNumber(wire, 'first_event_ms'),
    lastEventId: text(wire, 'last_event_id'),
    summary: text(wire, 'summary'),
    ...(diagnostics !== null && typeof diagnostics === 'object' && !Array.isArray(diagnostics)
      ? {recordedDiagnostics: diagnostics as Record<string, unknown>}
      : {}),
  };
}
