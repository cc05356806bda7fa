import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {answerPresets, type AnswerPreset} from '../core/answer/index.js';
import {loadRecording, RecordingError} from '../core/recording/load.js';
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
function readRecordingText(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
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
export function loadReplaySources(
  files: readonly string[],
  only: readonly string[],
  options: ReplayOptions & {readonly cwd: string; readonly warn: (line: string) => void},
): ReplaySource[] {
  const sources: ReplaySource[] = [];
  const taken = new Set<string>();
  for (const file of files) {
    let recording;
    try {
      recording = loadRecording(readRecordingText(file, options.cwd), file);
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
