import type {StreamSpecInput} from '../core/stream-spec.js';
import type {FieldPath} from './field-path.js';
import type {IssueProblem} from './format-issues.js';
import type {AnswerPreset} from '../core/answer/answer-preset.js';
import type {ProfileStreamInput, ViewMode} from './profile-schema.js';

/** A stream's (or the defaults') fields in the spec's own names, seed forms rewritten. */
export type CanonicalFields = Partial<StreamSpecInput> & {
  answer?: AnswerPreset;
  view?: ViewMode;
  bufferSize?: number;
  autostart?: boolean;
  osc52?: boolean;
};

type ValidatedFields = Partial<ProfileStreamInput>;

/** Dify SSE plugin parameter -> spec field, for the simple one-to-one renames. */
export const seedRenames = {
  max_events: 'maxEvents',
  max_duration: 'maxDuration',
  retry_attempts: 'retries',
  query_params: 'query',
} as const;

const seedAuthRenames = {
  auth_type: 'type',
  auth_token: 'token',
  auth_header: 'header',
} as const;

/** Parses the plugin's "key: value" per line text; blank lines and `#` lines are skipped. */
export function parseKeyValueLines(
  text: string,
  path: FieldPath,
  problems: IssueProblem[],
): Record<string, string> {
  const pairs: Record<string, string> = {};
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      problems.push({path, message: `line ${index + 1}: expected "key: value"`});
      return;
    }
    pairs[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  return pairs;
}

/**
 * Rewrites the plugin's forms (`headers`/`query_params` text, `auth_*`, `max_*`,
 * `retry_attempts`) to spec fields. Giving both forms of one field is a problem.
 */
export function toCanonicalFields(
  fields: ValidatedFields,
  path: FieldPath,
  problems: IssueProblem[],
): CanonicalFields {
  const {headers, query_params, auth_type, auth_token, auth_header, ...rest} = fields;
  const {max_events, max_duration, retry_attempts, ...canonical} = rest;
  const result: CanonicalFields = {...canonical};

  if (typeof headers === 'string') {
    result.headers = parseKeyValueLines(headers, [...path, 'headers'], problems);
  } else if (headers !== undefined) {
    result.headers = headers;
  }

  const renamed = {max_events, max_duration, retry_attempts, query_params};
  for (const [seedName, specName] of Object.entries(seedRenames)) {
    const value = renamed[seedName as keyof typeof renamed];
    if (value === undefined) continue;
    if (canonical[specName] !== undefined) {
      problems.push({
        path: [...path, seedName],
        message: `use either ${seedName} or ${specName}, not both`,
      });
      continue;
    }
    const converted =
      typeof value === 'string' ? parseKeyValueLines(value, [...path, seedName], problems) : value;
    Object.assign(result, {[specName]: converted});
  }

  const authAliases = {auth_type, auth_token, auth_header};
  const auth = {...canonical.auth};
  for (const [seedName, authField] of Object.entries(seedAuthRenames)) {
    const value = authAliases[seedName as keyof typeof authAliases];
    if (value === undefined) continue;
    if (auth[authField] !== undefined) {
      problems.push({
        path: [...path, seedName],
        message: `use either ${seedName} or auth.${authField}, not both`,
      });
      continue;
    }
    Object.assign(auth, {[authField]: value});
  }
  if (canonical.auth !== undefined || Object.values(authAliases).some((v) => v !== undefined)) {
    result.auth = auth;
  }
  return result;
}
