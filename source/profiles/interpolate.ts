import type {FieldPath} from './field-path.js';
import {mapStrings} from './field-path.js';
import type {IssueProblem} from './format-issues.js';

/**
 * `${NAME}` and `${NAME:-default}` in string values (not keys), shell style: the
 * default applies when the variable is unset or empty. `$${` writes a literal
 * `${`. `$NAME` without braces is left alone, and references do not nest.
 */

export type VariableLookup = (name: string) => string | undefined;

export type InterpolationResult = {
  readonly data: unknown;
  readonly problems: readonly IssueProblem[];
  /** Variables that were referenced (set or not). */
  readonly referenced: ReadonlySet<string>;
  /** With `unset: 'warn'`: unset variables, filled with a placeholder instead of failing. */
  readonly unset: readonly IssueProblem[];
  /** Where a variable that is set but empty was used (no default applied). */
  readonly empty: ReadonlyArray<{readonly path: FieldPath; readonly name: string}>;
};

/**
 * `error`: an unset variable without a default is a problem (running a profile).
 * `warn`: it is reported in `unset` and filled with a placeholder, so the rest of
 * the profile is still checked (`profiles validate` without `--strict`).
 */
export type UnsetMode = 'error' | 'warn';

/** Stands in for an unset variable: a URL when the value starts with it, else a word. */
const placeholderUrl = 'http://unset.invalid';
const placeholderWord = 'unset';

const reference = /\$(\$?)\{([^}]*)\}/g;
const referenceBody = /^([A-Za-z_]\w*)(?::-(.*))?$/s;

export function interpolate(
  data: unknown,
  lookup: VariableLookup,
  missingHint: string,
  unsetMode: UnsetMode = 'error',
): InterpolationResult {
  const problems: IssueProblem[] = [];
  const unset: IssueProblem[] = [];
  const empty: Array<{path: FieldPath; name: string}> = [];
  const referenced = new Set<string>();

  const fillString = (text: string, path: FieldPath): string =>
    text.replace(reference, (whole, escaped: string, body: string, offset: number) => {
      if (escaped !== '') return whole.slice(1);
      const match = referenceBody.exec(body);
      const name = match?.[1];
      const fallback = match?.[2];
      if (name === undefined || fallback?.includes('${')) {
        problems.push({
          path,
          message: 'malformed ${...} reference: expected ${NAME} or ${NAME:-default} (no nesting)',
        });
        return whole;
      }
      referenced.add(name);
      const value = lookup(name);
      if (fallback !== undefined && (value === undefined || value === '')) return fallback;
      if (value === '') empty.push({path, name});
      if (value !== undefined) return value;
      const problem = {
        path,
        message: `variable ${name} is not set (${missingHint})`,
        missingVariable: name,
      };
      if (unsetMode === 'error') {
        problems.push(problem);
        return whole;
      }
      unset.push(problem);
      return offset === 0 ? placeholderUrl : placeholderWord;
    });

  return {data: mapStrings(data, fillString), problems, referenced, unset, empty};
}

/** True when a string value takes something from a `${...}` reference. */
export function usesReference(text: string): boolean {
  for (const match of text.matchAll(reference)) {
    if (match[1] === '') return true;
  }
  return false;
}
