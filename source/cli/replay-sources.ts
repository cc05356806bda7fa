import {readFileSync} from 'node:fs';
import {basename, resolve} from 'node:path';
import {answerPresets, type AnswerPreset} from '../core/answer/index.js';
import {loadRecording, RecordingError, type LoadedRecording} from '../core/recording/load.js';
import {loadSseCapture} from '../core/recording/sse-capture.js';
import {ReplayStream, type ReplayOptions} from '../core/recording/replay-stream.js';
import type {StreamRecord} from '../core/records.js';
import {parseStreamSpec, resolveStreamSpec, type ResolvedStreamSpec} from '../core/stream-spec.js';
import {didYouMean} from './suggest.js';
import {UsageError} from './usage-error.js';

/** One stream to replay with the dashboard options its recording names. */
export type ReplaySource = {
  readonly stream: ReplayStream;
  readonly answer: AnswerPreset;
  readonly view: 'events' | 'answer';
};

/** A file the user named, read whole; a missing or unreadable file is one usage line. */
function readRecordingBytes(file: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : code;
    throw new UsageError(`replay: cannot read ${file} (${why})`);
  }
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

/**
 * Loads each recording and makes one ReplayStream per recorded stream (only
 * `only`, when given). A name seen in an earlier file gets " (2)", " (3)".
 */
/** Where the bytes of a file that is not a recording go: a raw SSE capture. */
export type CaptureOptions = {
  /** Events per second (default DEFAULT_CAPTURE_RATE). */
  readonly rate?: number;
  /** The answer preset of capture streams (default none). */
  readonly preset?: string;
};

/** A recording (its first line is JSON) or else a raw SSE capture named after the file. */
function loadFile(file: string, cwd: string, capture: CaptureOptions): LoadedRecording {
  const bytes = readRecordingBytes(file, cwd);
  if (bytes.length === 0) throw new RecordingError(`${file}: the file is empty`);
  const first = bytes.toString('utf8', 0, Math.min(bytes.length, 64)).trimStart();
  if (first.startsWith('{')) return loadRecording(bytes.toString('utf8'), file);
  const recording = loadSseCapture(bytes, basename(file), file, capture.rate);
  const stream = {name: basename(file), method: 'GET', url: '', view: 'events'};
  return {...recording, streams: [{...stream, preset: capture.preset ?? 'none'}]};
}

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
  for (const file of files) {
    let recording;
    try {
      recording = loadFile(file, options.cwd, options.capture ?? {});
    } catch (error) {
      if (error instanceof RecordingError) throw new UsageError(`replay: ${error.message}`);
      throw error;
    }
    for (const warning of recording.warnings) options.warn(`replay: ${warning}`);
    const byStream = new Map<string, StreamRecord[]>();
    for (const stream of recording.streams) byStream.set(stream.name, []);
    for (const record of recording.records) {
      let list = byStream.get(record.stream);
      if (!list) byStream.set(record.stream, (list = []));
      list.push(record);
    }
    for (const [recordedName, records] of byStream) {
      const header = recording.streams.find((stream) => stream.name === recordedName);
      let name = recordedName;
      for (let copy = 2; taken.has(name); copy++) name = `${recordedName} (${copy})`;
      taken.add(name);
      const renamed = name === recordedName ? records : records.map((r) => ({...r, stream: name}));
      sources.push({
        stream: new ReplayStream(
          resolvedSpec(name, header?.method ?? 'GET', header?.url ?? ''),
          renamed,
          options,
        ),
        answer: presetOf(header?.preset ?? 'none'),
        view: header?.view === 'answer' ? 'answer' : 'events',
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
