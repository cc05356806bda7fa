import type {StreamRecord} from '../records.js';
import {HEADER_TYPE, RECORDING_FORMAT, type RecordedStream} from './format.js';
import {recordOfWire, WireShapeError} from './wire-record.js';

/** A recording that cannot be replayed: the message is one line naming the file (and line). */
export class RecordingError extends Error {}

export type LoadedRecording = {
  readonly format: number;
  /** Epoch ms of the recording's start. */
  readonly started: number;
  readonly streams: readonly RecordedStream[];
  /** Every record in file order; `timestamp` is the offset `t` in ms. */
  readonly records: readonly StreamRecord[];
  /** Notes for stderr (a truncated last line that was skipped). */
  readonly warnings: readonly string[];
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Reads the text of a recording (`label` names it in messages). The last line
 * may be cut short (a killed recorder): it is skipped with a warning; any
 * other bad line is a RecordingError naming its number.
 */
export function loadRecording(text: string, label: string): LoadedRecording {
  const lines = text.split('\n');
  const header = parseJson(lines[0]?.replace(/\r$/, '') ?? '');
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
  const recorded = streams.map((stream) => ({
    name: String(stream['name'] ?? ''),
    method: String(stream['method'] ?? 'GET'),
    url: String(stream['url'] ?? ''),
    preset: String(stream['preset'] ?? 'none'),
    view: String(stream['view'] ?? 'events'),
  }));
  const records: StreamRecord[] = [];
  const warnings: string[] = [];
  // The text after the last newline: "" when the file ends with one.
  const last = lines.length - 1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]?.replace(/\r$/, '') ?? '';
    if (line.trim() === '') continue;
    const wire = parseJson(line);
    if (!isObject(wire)) {
      if (index === last) {
        warnings.push(`${label}: line ${index + 1} is incomplete (cut short?), skipped`);
        continue;
      }
      throw new RecordingError(`${label}:${index + 1}: not a JSON record`);
    }
    try {
      const record = recordOfWire(wire);
      if (record.timestamp < 0) throw new WireShapeError('"t" is negative');
      records.push(record);
    } catch (error) {
      if (!(error instanceof WireShapeError)) throw error;
      throw new RecordingError(`${label}:${index + 1}: ${error.message}`);
    }
  }
  return {
    format: RECORDING_FORMAT,
    started: Number.isFinite(started) ? started : 0,
    streams: recorded,
    records,
    warnings,
  };
}
