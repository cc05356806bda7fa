import type {StreamRecord} from '../records.js';
import {readEventLine} from './event-line.js';
import {readLineBatches} from './line-batches.js';
import {parseJson, recordOfLine, RecordingError, truncatedWarning} from './load.js';

/** Maps a recorded offset `t` (ms) to the timestamp a replayed record gets. */
export type TimeShift = (offset: number) => number;

/**
 * Where a replayed stream's records come from: each call starts a new pass
 * (a loop calls it again), yielding fresh records in batches, their
 * timestamps `shift(t)`. A bad line throws a RecordingError naming the file
 * and line.
 */
export type RecordSource = (shift: TimeShift) => AsyncIterable<readonly StreamRecord[]>;

/** Records already in memory (raw SSE captures, tests); `timestamp` is the offset. */
export function arraySource(records: readonly StreamRecord[]): RecordSource {
  return async function* (shift) {
    if (records.length > 0)
      yield records.map((record) => ({...record, timestamp: shift(record.timestamp)}));
  };
}

export type FileSourceOptions = {
  /** The file to read and the byte offset of line 2 (after the header). */
  readonly path: string;
  readonly bodyStart: number;
  /** Names the file in messages. */
  readonly label: string;
  /** The recorded name of the stream to read. */
  readonly stream: string;
  /** Every stream the header names: lines of the others are skipped unparsed. */
  readonly known: ReadonlySet<string>;
  /** The name the records get (a name taken by an earlier file gets " (2)"). */
  readonly rename?: string;
  /** A line cut short at the end of the file: reported here and skipped. */
  readonly warn: (line: string) => void;
};

const STREAM_KEY = '"stream":"';

/**
 * The stream a recording line belongs to without parsing it: the first
 * `"stream":"..."` of a line whose only object so far is the line itself
 * (the recorder writes it fourth). Undefined when that is not clear.
 */
export function streamOfLine(line: string): string | undefined {
  const key = line.indexOf(STREAM_KEY);
  if (key === -1 || line.lastIndexOf('{', key) !== 0) return undefined;
  const from = key + STREAM_KEY.length;
  const end = line.indexOf('"', from);
  if (end === -1) return undefined;
  const raw = line.slice(from, end);
  // An escape (\" or \u..) in the name: leave it to the full parse.
  return raw.includes('\\') ? undefined : raw;
}

/**
 * One stream of a recording file, read as a stream: memory stays at one read
 * chunk whatever the file's size. Only this stream's lines are parsed; a line
 * of a stream the header does not name is an error.
 */
export function fileSource(options: FileSourceOptions): RecordSource {
  const {path, bodyStart, label, stream, known, rename} = options;
  return async function* (shift) {
    const batches = readLineBatches(path, bodyStart, 2);
    for (;;) {
      let next;
      try {
        next = await batches.next();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new RecordingError(`${label}: cannot read the file (${code})`);
      }
      if (next.done) return;
      const {lines, first, unterminated} = next.value;
      const records: StreamRecord[] = [];
      for (let index = 0; index < lines.length; index++) {
        const line = lines[index] as string;
        const event = readEventLine(line, stream);
        if (typeof event === 'string') {
          if (known.has(event)) continue;
        } else if (event !== undefined) {
          event.timestamp = shift(event.timestamp);
          if (rename !== undefined) event.stream = rename;
          records.push(event);
          continue;
        }
        let record: StreamRecord | undefined;
        try {
          record = slowRecord(line, first + index, unterminated, options);
        } catch (error) {
          // What came before the bad line is played first: nothing read is lost.
          if (records.length > 0) yield records;
          throw error;
        }
        if (record !== undefined)
          records.push({
            ...record,
            timestamp: shift(record.timestamp),
            stream: rename ?? record.stream,
          });
      }
      if (records.length > 0) yield records;
    }
  };
}

/**
 * A line off the fast path, fully parsed: its record when it is this
 * stream's, undefined when it is another known stream's, blank, or a last
 * line cut short (reported). Throws a RecordingError for anything else.
 */
function slowRecord(
  line: string,
  number: number,
  unterminated: boolean,
  options: FileSourceOptions,
): StreamRecord | undefined {
  const {label, stream, known, warn} = options;
  const owner = streamOfLine(line);
  if (owner !== undefined && owner !== stream && known.has(owner)) return undefined;
  if (line.trim() === '') return undefined;
  const wire = parseJson(line);
  if (wire === undefined && unterminated) {
    warn(truncatedWarning(label, number));
    return undefined;
  }
  const record = recordOfLine(wire, label, number);
  if (record.stream === stream) return record;
  if (known.has(record.stream)) return undefined;
  throw new RecordingError(
    `${label}:${number}: stream ${JSON.stringify(record.stream).slice(0, 80)} is not in the header`,
  );
}
