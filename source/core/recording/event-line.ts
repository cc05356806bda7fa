import {isJsonSafe} from '../json-text.js';
import type {EventRecord} from '../records.js';

/** A record just read: the reader may still set its stream and timestamp. */
export type FreshEvent = {-readonly [K in keyof EventRecord]: EventRecord[K]};

/*
 * The fast path of replay: an event line exactly as the recorder writes it,
 *   {"t":N,"rx":N,"type":"event","stream":"S","event_number":N,
 *    "event_type":"T","data":"D","event_id":"I","timestamp":"..."}
 * is read by position instead of by JSON.parse. Inside a JSON string every
 * `"` is escaped, so `","` never occurs in one: each field ends at the next
 * `","key":`. Anything else (another order, another type, a hand-edited
 * line) returns undefined and takes the full parse; both give the same record.
 */

const HEAD = '{"t":';
const RX = ',"rx":';
const TYPE = ',"type":"event","stream":"';
const NUMBER = '","event_number":';
const EVENT_TYPE = ',"event_type":"';
const DATA = '","data":"';
const ID = '","event_id":"';
const TAIL = '","timestamp":"';

/** Characters that make the inside of a JSON string more than its value (or invalid). */
const specialClass = '"\\\\\\u0000-\\u001f';
const special = new RegExp(`[${specialClass}]`);

/** The value of a JSON string's inside (undefined when it is not a valid one). */
function unquote(raw: string): string | undefined {
  if (!special.test(raw)) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}

/** A whole number written as digits only (what the recorder writes for t, rx and the event number). */
function digits(raw: string): number | undefined {
  if (raw.length === 0 || raw.length > 15) return undefined;
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code < 48 || code > 57) return undefined;
  }
  return Number(raw);
}

/**
 * The event record of a recorder-shaped event line when it belongs to
 * `wanted`; the stream's name when it is another stream's event line;
 * undefined when the line is not of that exact shape.
 */
export function readEventLine(line: string, wanted: string): FreshEvent | string | undefined {
  if (!line.startsWith(HEAD) || !line.endsWith('"}')) return undefined;
  const rxAt = line.indexOf(RX, HEAD.length);
  if (rxAt === -1) return undefined;
  const typeAt = line.indexOf(TYPE, rxAt);
  if (typeAt === -1) return undefined;
  const streamFrom = typeAt + TYPE.length;
  const numberAt = line.indexOf(NUMBER, streamFrom);
  if (numberAt === -1) return undefined;
  const stream = unquote(line.slice(streamFrom, numberAt));
  if (stream === undefined) return undefined;
  if (stream !== wanted) return stream;
  const eventTypeAt = line.indexOf(EVENT_TYPE, numberAt);
  const dataAt = line.indexOf(DATA, eventTypeAt);
  const idAt = line.indexOf(ID, dataAt);
  const tailAt = line.indexOf(TAIL, idAt);
  if (eventTypeAt === -1 || dataAt === -1 || idAt === -1 || tailAt === -1) return undefined;
  const t = digits(line.slice(HEAD.length, rxAt));
  const rx = digits(line.slice(rxAt + RX.length, typeAt));
  const eventNumber = digits(line.slice(numberAt + NUMBER.length, eventTypeAt));
  const eventType = unquote(line.slice(eventTypeAt + EVENT_TYPE.length, dataAt));
  const dataRaw = line.slice(dataAt + DATA.length, idAt);
  const data = unquote(dataRaw);
  const eventId = unquote(line.slice(idAt + ID.length, tailAt));
  if (
    t === undefined ||
    rx === undefined ||
    eventNumber === undefined ||
    eventType === undefined ||
    data === undefined ||
    eventId === undefined
  )
    return undefined;
  return {
    stream,
    timestamp: t,
    bytesReceived: rx,
    type: 'event',
    eventNumber,
    eventType,
    data,
    eventId,
    // The recorder wrote it escaped for terminals already; checked again, as it is copied out.
    dataJson: isJsonSafe(dataRaw) ? `"${dataRaw}"` : undefined,
  };
}
