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
};

const reference = /\$(\$?)\{([^}]*)\}/g;
const referenceBody = /^([A-Za-z_]\w*)(?::-(.*))?$/s;

export function interpolate(
  data: unknown,
  lookup: VariableLookup,
  missingHint: string,
): InterpolationResult {
  const problems: IssueProblem[] = [];
  const referenced = new Set<string>();

  const fillString = (text: string, path: FieldPath): string =>
    text.replace(reference, (whole, escaped: string, body: string) => {
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
      if (value !== undefined) return value;
      problems.push({
        path,
        message: `variable ${name} is not set (${missingHint})`,
        missingVariable: name,
      });
      return whole;
    });

  return {data: mapStrings(data, fillString), problems, referenced};
}

/** True when a string value takes something from a `${...}` reference. */
export function usesReference(text: string): boolean {
  for (const match of text.matchAll(reference)) {
    if (match[1] === '') return true;
  }
  return false;
}
