import {closeSync, openSync, readSync} from 'node:fs';
import {basename, resolve} from 'node:path';
import {answerPresets, type AnswerPreset} from '../core/answer/index.js';
import type {RecordedStream} from '../core/recording/format.js';
import {readRecordingHead, RecordingError} from '../core/recording/load.js';
import {fileSource, type RecordSource} from '../core/recording/record-source.js';
import {captureSource, looksLikeDataLines} from '../core/recording/sse-capture.js';
import {READ_CHUNK_BYTES} from '../core/recording/line-batches.js';
import {ReplayStream, type ReplayOptions} from '../core/recording/replay-stream.js';
import {parseStreamSpec, resolveStreamSpec, type ResolvedStreamSpec} from '../core/stream-spec.js';
import {didYouMean} from './suggest.js';
import {UsageError} from './usage-error.js';

/** One stream to replay with the dashboard options its recording names. */
export type ReplaySource = {
  readonly stream: ReplayStream;
  readonly answer: AnswerPreset;
  readonly view: 'events' | 'answer';
};

/** A missing or unreadable file the user named: one usage line. */
function unreadable(file: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code;
  return new UsageError(`replay: cannot read ${file} (${why})`);
}

function resolvedSpec(name: string, method: string, url: string): ResolvedStreamSpec {
  try {
    return resolveStreamSpec(parseStreamSpec({name, method, url}));
  } catch {
    // A redacted URL may not parse again: the pane still shows the name.
    return resolveStreamSpec(
      parseStreamSpec({name, method: 'GET', url: 'http://recording.invalid/'}),
    );
  }
}

const presetOf = (preset: string): AnswerPreset =>
  (answerPresets as readonly string[]).includes(preset) ? (preset as AnswerPreset) : 'none';

/** Where the bytes of a file that is not a recording go: a raw SSE capture. */
export type CaptureOptions = {
  /** Events per second (default DEFAULT_CAPTURE_RATE). */
  readonly rate?: number;
  /** The answer preset of capture streams (default none). */
  readonly preset?: string;
};

/** One stream of a file: its header entry and where its records come from. */
export type FileStream = {
  readonly header: RecordedStream;
  readonly source: (rename: string | undefined) => RecordSource;
};

/**
 * A recording (its first line is JSON) or else a raw SSE capture named after
 * the file: either is read as a stream when played, never loaded whole.
 */
export function openFile(
  file: string,
  cwd: string,
  capture: CaptureOptions,
  warn: (line: string) => void,
): FileStream[] {
  const path = resolve(cwd, file);
  const start = readStart(file, path, 64);
  if (start.length === 0) throw new RecordingError(`${file}: the file is empty`);
  if (start.toString('utf8').trimStart().startsWith('{')) {
    const head = readHead(file, path);
    const known = new Set(head.streams.map((stream) => stream.name));
    return head.streams
      .filter((stream, index) => head.streams.findIndex((s) => s.name === stream.name) === index)
      .map((header) => ({
        header,
        source: (rename) =>
          fileSource({
            path,
            bodyStart: head.bodyStart,
            label: file,
            stream: header.name,
            known,
            rename,
            warn,
          }),
      }));
  }
  const name = basename(file);
  const header = {name, method: 'GET', url: '', view: 'events', preset: capture.preset ?? 'none'};
  const dataLines = looksLikeDataLines(readStart(file, path, READ_CHUNK_BYTES));
  return [
    {
      header,
      source: (rename) =>
        captureSource({path, name: rename ?? name, label: file, rate: capture.rate, dataLines}),
    },
  ];
}

/** The first `size` bytes of a file (what kind of file it is); errors as usage lines. */
function readStart(file: string, path: string, size: number): Buffer {
  let fd;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(size);
    return buffer.subarray(0, readSync(fd, buffer, 0, size, 0));
  } catch (error) {
    throw unreadable(file, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function readHead(file: string, path: string) {
  try {
    return readRecordingHead(path, file);
  } catch (error) {
    if (error instanceof RecordingError) throw error;
    throw unreadable(file, error);
  }
}

/**
 * Opens each recording and makes one ReplayStream per recorded stream (only
 * `only`, when given). A name seen in an earlier file gets " (2)", " (3)".
 */
export function loadReplaySources(
  files: readonly string[],
  only: readonly string[],
  options: ReplayOptions & {
    readonly cwd: string;
    readonly warn: (line: string) => void;
    readonly capture?: CaptureOptions;
  },
): ReplaySource[] {
  const sources: ReplaySource[] = [];
  const taken = new Set<string>();
  const warned = new Set<string>();
  const warn = (line: string) => {
    if (warned.has(line)) return;
    warned.add(line);
    options.warn(`replay: ${line}`);
  };
  for (const file of files) {
    let streams;
    try {
      streams = openFile(file, options.cwd, options.capture ?? {}, warn);
    } catch (error) {
      if (error instanceof RecordingError) throw new UsageError(`replay: ${error.message}`);
      throw error;
    }
    for (const {header, source} of streams) {
      let name = header.name;
      for (let copy = 2; taken.has(name); copy++) name = `${header.name} (${copy})`;
      taken.add(name);
      sources.push({
        stream: new ReplayStream(
          resolvedSpec(name, header.method, header.url),
          source(name === header.name ? undefined : name),
          options,
        ),
        answer: presetOf(header.preset),
        view: header.view === 'answer' ? 'answer' : 'events',
      });
    }
  }
  return selectSources(sources, only);
}

function selectSources(sources: ReplaySource[], only: readonly string[]): ReplaySource[] {
  if (only.length === 0) return sources;
  const names = sources.map((source) => source.stream.name);
  for (const name of only) {
    if (!names.includes(name)) {
      throw new UsageError(
        `replay: no stream "${name}" in the recordings${didYouMean(name, names)} (streams: ${names.join(', ')})`,
      );
    }
  }
  return sources.filter((source) => only.includes(source.stream.name));
}
