import type {CanonicalFields} from './seed-forms.js';

function mergeHeaders(
  base: Readonly<Record<string, string>> = {},
  override: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  for (const [name, value] of [...Object.entries(base), ...Object.entries(override)]) {
    merged.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(merged.values());
}

/**
 * A stream's fields over the profile's defaults: headers merge per name (case
 * insensitive), query and auth per key, everything else is replaced whole.
 */
export function mergeDefaults(defaults: CanonicalFields, stream: CanonicalFields): CanonicalFields {
  const merged: CanonicalFields = {...defaults, ...stream};
  if (defaults.headers !== undefined || stream.headers !== undefined) {
    merged.headers = mergeHeaders(defaults.headers, stream.headers);
  }
  if (defaults.query !== undefined || stream.query !== undefined) {
    merged.query = {...defaults.query, ...stream.query};
  }
  if (defaults.auth !== undefined || stream.auth !== undefined) {
    merged.auth = {...defaults.auth, ...stream.auth};
  }
  return merged;
}
