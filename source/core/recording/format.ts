import {isoTimestamp} from '../iso-timestamp.js';
import {escapeJsonText} from '../json-text.js';
import {toNdjsonLine} from '../ndjson.js';
import type {StreamRecord} from '../records.js';
import type {Redactor} from '../redact.js';

/*
 * A recording is NDJSON. Line 1 is the header:
 *   {"type":"recording","format":1,"ssedeck":"0.1.0","started":"<ISO>","streams":[...]}
 * Every later line is one engine record: `"t"` (milliseconds since `started`)
 * and `"rx"` (the stream's response body bytes so far), then exactly the
 * fields of its `--json` line. Keep-alives, which `--json` leaves out, are
 * `{"t":..,"rx":..,"type":"keepalive","stream":"..","kind":"ping"}`.
 */

/** Bumped when a change would make older readers misread a recording. */
export const RECORDING_FORMAT = 1;
export const HEADER_TYPE = 'recording';

/** What the header says of one stream (URL and name already redacted). */
export type RecordedStream = {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly preset: string;
  readonly view: string;
};

export type RecordingHeader = {
  readonly format: number;
  readonly ssedeck: string;
  /** Epoch ms of the start of the recording. */
  readonly started: number;
  readonly streams: readonly RecordedStream[];
};

/** The header line (with its newline); every string from outside passes `redact`. */
export function headerLine(header: RecordingHeader, redact: Redactor): string {
  const streams = header.streams.map((stream) => ({
    name: redact(stream.name),
    method: redact(stream.method),
    url: redact(stream.url),
    preset: stream.preset,
    view: stream.view,
  }));
  const wire = {
    type: HEADER_TYPE,
    format: header.format,
    ssedeck: header.ssedeck,
    started: isoTimestamp(header.started),
    streams,
  };
  return escapeJsonText(JSON.stringify(wire)) + '\n';
}

/**
 * The recording line of `record`, or undefined for records no recording
 * keeps (diagnostics: the summary carries the last ones). Built from the
 * `--json` line as text: no second serializer, no per-record object.
 */
export function recordingLine(
  record: StreamRecord,
  started: number,
  redact: Redactor,
): string | undefined {
  const line =
    record.type === 'keepalive'
      ? keepAliveLine(record.stream, record.kind, redact)
      : toNdjsonLine(record, redact);
  if (line === undefined) return undefined;
  const offset = Math.max(0, Math.round(record.timestamp - started));
  return `{"t":${offset},"rx":${record.bytesReceived},${line.slice(1)}`;
}

function keepAliveLine(stream: string, kind: string, redact: Redactor): string {
  const wire = {type: 'keepalive', stream: redact(stream), kind: redact(kind)};
  return escapeJsonText(JSON.stringify(wire)) + '\n';
}
