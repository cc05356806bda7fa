import type {LoadedProfile, LoadedStream} from './load-file.js';
import {loadProfileFile} from './load-file.js';
import {ProfileError} from './problems.js';
import type {SearchOptions} from './resolve.js';
import {resolveProfileRefs} from './resolve.js';

export type {LoadedProfile, LoadedStream} from './load-file.js';
export {ProfileError} from './problems.js';

export type LoadOptions = SearchOptions & {
  /** Receives one line per warning (literal secrets in a profile); never a secret. */
  readonly warn: (line: string) => void;
};

export type LoadedProfiles = {
  readonly profiles: LoadedProfile[];
  readonly streams: LoadedStream[];
};

function duplicateStreamNames(profiles: readonly LoadedProfile[]): string[] {
  const firstFile = new Map<string, string>();
  const lines: string[] = [];
  for (const profile of profiles) {
    for (const {spec} of profile.streams) {
      const earlier = firstFile.get(spec.name);
      if (earlier === undefined) firstFile.set(spec.name, profile.displayFile);
      else {
        lines.push(
          `${profile.displayFile}: stream "${spec.name}" is also defined in ${earlier}; stream names must be unique across the loaded profiles`,
        );
      }
    }
  }
  return lines;
}

/**
 * Loads `--profile PATH|NAME` references (each file once, in order). Throws a
 * ProfileError listing every problem of every file; warnings go to `warn`.
 */
export async function loadProfiles(
  refs: readonly string[],
  options: LoadOptions,
): Promise<LoadedProfiles> {
  const {files, problems} = await resolveProfileRefs(refs, options);
  const results = await Promise.all(
    [...new Set(files)].map((file) => loadProfileFile(file, options)),
  );
  const profiles: LoadedProfile[] = [];
  for (const result of results) {
    result.warnings.forEach((line) => options.warn(line));
    if (result.ok) profiles.push(result.profile);
    else problems.push(...result.problems);
  }
  problems.push(...duplicateStreamNames(profiles));
  if (problems.length > 0) throw new ProfileError(problems);
  return {profiles, streams: profiles.flatMap((profile) => profile.streams)};
}

function matches(stream: LoadedStream, wanted: string): boolean {
  return stream.spec.name === wanted || `${stream.source.profile}/${stream.spec.name}` === wanted;
}

/**
 * Picks `--stream NAME` streams (a name, or `profile/name`) in the order asked;
 * no names picks them all. Unknown names are an error that lists the available ones.
 */
export function selectStreams(
  streams: readonly LoadedStream[],
  names: readonly string[],
): LoadedStream[] {
  if (names.length === 0) return [...streams];
  const selected: LoadedStream[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const found = streams.filter((stream) => matches(stream, name));
    if (found.length === 0) unknown.push(name);
    for (const stream of found) if (!selected.includes(stream)) selected.push(stream);
  }
  if (unknown.length > 0) {
    const available = streams.map((stream) => stream.spec.name).join(', ') || '(none loaded)';
    throw new ProfileError(
      unknown.map((name) => `--stream ${name}: no such stream; available: ${available}`),
    );
  }
  return selected;
}
