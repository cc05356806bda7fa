import {closeSync, openSync, readSync} from 'node:fs';
import type {StreamRecord} from '../records.js';
import {HEADER_TYPE, RECORDING_FORMAT, type RecordedStream} from './format.js';
import {recordOfWire, WireShapeError} from './wire-record.js';

/** A recording that cannot be replayed: the message is one line naming the file (and line). */
export class RecordingError extends Error {}

/** What line 1 of a recording says. */
export type RecordingHead = {
  readonly format: number;
  /** Epoch ms of the recording's start. */
  readonly started: number;
  readonly streams: readonly RecordedStream[];
};

export type LoadedRecording = RecordingHead & {
  /** Every record in file order; `timestamp` is the offset `t` in ms. */
  readonly records: readonly StreamRecord[];
  /** Notes for stderr (a truncated last line that was skipped). */
  readonly warnings: readonly string[];
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The parsed JSON of a line, or undefined when it is not JSON. */
export function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The header of a recording from its first line (`label` names the file in
 * messages). A header of another format version is a RecordingError naming
 * that version.
 */
export function parseHeader(line: string, label: string): RecordingHead {
  const header = parseJson(line.replace(/\r$/, ''));
  if (!isObject(header) || header['type'] !== HEADER_TYPE) {
    throw new RecordingError(`${label}: not an ssedeck recording (line 1 is not its header)`);
  }
  if (header['format'] !== RECORDING_FORMAT) {
    const format = JSON.stringify(header['format'] ?? null).slice(0, 20);
    throw new RecordingError(
      `${label}: recording format ${format} is not supported (this ssedeck reads format ${RECORDING_FORMAT})`,
    );
  }
  const started = Date.parse(String(header['started']));
  const streams = Array.isArray(header['streams']) ? header['streams'].filter(isObject) : [];
  return {
    format: RECORDING_FORMAT,
    started: Number.isFinite(started) ? started : 0,
    streams: streams.map((stream) => ({
      name: String(stream['name'] ?? ''),
      method: String(stream['method'] ?? 'GET'),
      url: String(stream['url'] ?? ''),
      preset: String(stream['preset'] ?? 'none'),
      view: String(stream['view'] ?? 'events'),
    })),
  };
}

/** The record of a parsed line (line `number` of `label`), or a RecordingError naming both. */
export function recordOfLine(wire: unknown, label: string, number: number): StreamRecord {
  if (!isObject(wire)) throw new RecordingError(`${label}:${number}: not a JSON record`);
  try {
    const record = recordOfWire(wire);
    if (record.timestamp < 0) throw new WireShapeError('"t" is negative');
    return record;
  } catch (error) {
    if (!(error instanceof WireShapeError)) throw error;
    throw new RecordingError(`${label}:${number}: ${error.message}`);
  }
}

/** The longest header line read (a header lists streams; a megabyte is thousands of them). */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/**
 * Reads only line 1 of the file at `path`: its header and the byte offset
 * where the records begin. fs errors are thrown as they are.
 */
export function readRecordingHead(
  path: string,
  label: string,
): RecordingHead & {readonly bodyStart: number} {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, size);
      const newline = chunk.subarray(0, read).indexOf(10);
      if (newline !== -1 || read === 0 || size + read > MAX_HEADER_BYTES) {
        const end = newline === -1 ? read : newline;
        chunks.push(chunk.subarray(0, end));
        const head = parseHeader(Buffer.concat(chunks).toString('utf8'), label);
        return {...head, bodyStart: newline === -1 ? size + read : size + newline + 1};
      }
      chunks.push(chunk.subarray(0, read));
      size += read;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the whole text of a recording (small ones: tests, tools). The last
 * line may be cut short (a killed recorder): it is skipped with a warning;
 * any other bad line is a RecordingError naming its number. Replay reads
 * files as a stream instead (record-source.ts).
 */
export function loadRecording(text: string, label: string): LoadedRecording {
  const lines = text.split('\n');
  const head = parseHeader(lines[0] ?? '', label);
  const records: StreamRecord[] = [];
  const warnings: string[] = [];
  // The text after the last newline: "" when the file ends with one.
  const last = lines.length - 1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]?.replace(/\r$/, '') ?? '';
    if (line.trim() === '') continue;
    const wire = parseJson(line);
    if (!isObject(wire) && index === last) {
      warnings.push(truncatedWarning(label, index + 1));
      continue;
    }
    records.push(recordOfLine(wire, label, index + 1));
  }
  return {...head, records, warnings};
}

export const truncatedWarning = (label: string, number: number) =>
  `${label}: line ${number} is incomplete (cut short?), skipped`;
