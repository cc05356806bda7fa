import {copyString} from '../copy-string.js';
import {compactText, parseJson, sliceCodePoints} from '../display-text.js';
import type {Redactor} from '../redact.js';
import type {EventRecord} from '../records.js';
import {sanitize} from '../sanitize.js';
import {summarizeEvent} from './event-summary.js';
import {logLevel, type LogLevel} from './log-level.js';
import type {DisplayEntry} from './types.js';

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
 * data as one line (JSON minified).
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

/**
 * An event in a pane's ring buffer. Ingest only keeps the raw record's fields
 * (data cut at the store's cap): a flood of events costs one small object
 * each. Everything a person sees (redacted data, the sanitized row text, the
 * type label, the log level) is worked out the first time a view asks for it,
 * which is only for rows that are drawn, filtered or exported, and then kept.
 */
export class EventEntry implements DisplayEntry {
  readonly kind = 'event';
  readonly seq: number;
  readonly timestamp: number;
  readonly bytesReceived: number;
  readonly eventType: string;
  readonly eventNumber: number;
  readonly dataLength: number;
  /** Raw data (a margin past the cap when it was cut, so a straddling secret is still found). */
  #raw: string;
  /** #raw is a string of its own, no longer a slice of the body chunk it came in. */
  #detached: boolean;
  readonly #rawId: string;
  readonly #redact: Redactor;
  readonly #dataCap: number;
  #data: string | undefined;
  #eventId: string | undefined;
  #typeLabel: string | undefined;
  #line: string | undefined;
  #level: LogLevel | undefined;

  constructor(record: EventRecord, seq: number, dataCap: number, redact: Redactor) {
    const {data} = record;
    this.seq = seq;
    this.timestamp = record.timestamp;
    this.bytesReceived = record.bytesReceived;
    this.eventType = sliceCodePoints(record.eventType, MAX_EVENT_TYPE_CHARS);
    this.eventNumber = record.eventNumber;
    this.dataLength = data.length;
    const cut = data.length > dataCap;
    this.#raw = cut ? ownCopy(data.slice(0, dataCap + REDACT_MARGIN)) : data;
    this.#detached = cut;
    this.#rawId = record.eventId;
    this.#redact = redact;
    this.#dataCap = dataCap;
  }

  /**
   * Makes the data a string of its own, so a kept entry does not pin the body
   * chunk it was sliced from. The store calls it at publish time for the
   * entries still buffered: under a flood most entries are dropped from the
   * ring before that and are never copied. False when it was done already.
   */
  detach(): boolean {
    if (this.#detached) return false;
    this.#raw = copyString(this.#raw);
    this.#detached = true;
    return true;
  }

  /** Raw event data, redacted, cut at the store's data cap. */
  get data(): string {
    if (this.#data === undefined) {
      const redacted = this.#redact(this.#raw);
      this.#data =
        this.#raw.length > this.#dataCap ? sliceCodePoints(redacted, this.#dataCap) : redacted;
    }
    return this.#data;
  }

  get eventId(): string {
    return (this.#eventId ??= this.#redact(this.#rawId));
  }

  get typeLabel(): string {
    return (this.#typeLabel ??= sanitize(
      sliceCodePoints(displayType(this.eventType, this.#raw), MAX_EVENT_TYPE_CHARS),
    ));
  }

  get line(): string {
    if (this.#line === undefined) this.#describe();
    return this.#line as string;
  }

  get level(): LogLevel {
    if (this.#level === undefined) this.#describe();
    return this.#level as LogLevel;
  }

  /** Row text and level share one parse of the data. */
  #describe(): void {
    const {data} = this;
    const parsed = parseJson(data);
    this.#line = eventLine(this.eventType, data, parsed);
    this.#level = logLevel(this.eventType, data, parsed);
  }
}
