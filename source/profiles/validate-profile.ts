import {isJsonObject} from '../core/answer/json-value.js';
import type {FieldPath} from './field-path.js';
import {describeType} from './field-path.js';
import type {IssueProblem} from './format-issues.js';
import {zodErrorToProblems} from './format-issues.js';
import {mergeDefaults} from './merge-defaults.js';
import type {ProfileFileInput} from './profile-schema.js';
import {profileFileSchema} from './profile-schema.js';
import type {CanonicalFields} from './seed-forms.js';
import {seedRenames, toCanonicalFields} from './seed-forms.js';

/** One stream after seed forms are rewritten and the defaults merged in (defaults not yet filled). */
export type MergedStream = CanonicalFields & {readonly name: string; readonly url: string};

export type ValidatedProfile = {
  readonly profile: ProfileFileInput;
  readonly streams: readonly MergedStream[];
};

export type ValidationResult =
  | ({readonly ok: true} & ValidatedProfile)
  | {readonly ok: false; readonly problems: readonly IssueProblem[]};

/**
 * Checks a parsed profile against the profile schema (every problem, with its
 * path), then rewrites seed forms and merges the defaults into each stream.
 */
export function validateProfileData(data: unknown): ValidationResult {
  if (!isJsonObject(data)) {
    return {
      ok: false,
      problems: [
        {
          path: [],
          message: `a profile is an object with name and streams, got ${describeType(data)}`,
        },
      ],
    };
  }
  const parsed = profileFileSchema.safeParse(data);
  if (!parsed.success) return {ok: false, problems: zodErrorToProblems(parsed.error, data)};

  // Validation passed, so the data as written has the schema's input shape; the
  // parsed output is not used because it has the defaults filled in already.
  const profile = data as ProfileFileInput;
  const problems: IssueProblem[] = [];
  const defaults = toCanonicalFields(profile.defaults ?? {}, ['defaults'], problems);
  const streams = profile.streams.map((stream, index): MergedStream => {
    const own = toCanonicalFields(stream, ['streams', index], problems);
    return {...mergeDefaults(defaults, own), name: stream.name, url: stream.url};
  });
  return problems.length > 0 ? {ok: false, problems} : {ok: true, profile, streams};
}

const specToSeedName = new Map<string, string>(
  Object.entries(seedRenames).map(([seedName, specName]) => [specName, seedName]),
);

/**
 * Where a problem found in a merged stream was written: in the stream itself
 * (under the spec or the seed name), or else in the defaults.
 */
export function originOfStreamField(
  profile: ProfileFileInput,
  streamIndex: number,
  path: FieldPath,
): FieldPath {
  const [field, ...rest] = path;
  if (typeof field !== 'string') return ['streams', streamIndex, ...path];
  const candidates = [field, specToSeedName.get(field)].filter((name) => name !== undefined);
  const stream = profile.streams[streamIndex] as Record<string, unknown> | undefined;
  const defaults = (profile.defaults ?? {}) as Record<string, unknown>;
  for (const name of candidates) {
    if (stream?.[name] !== undefined) return ['streams', streamIndex, name, ...rest];
  }
  for (const name of candidates) {
    if (defaults[name] !== undefined) return ['defaults', name, ...rest];
  }
  return ['streams', streamIndex, ...path];
}
