import {mapStrings} from '../field-path.js';

/** A variable the imported profile reads a secret from. */
export type SecretVariable = {
  readonly name: string;
  /** What the value is, for the hint ("the Bearer token"). */
  readonly description: string;
  /** The curl command already used `$NAME`: nothing to export. */
  readonly fromEnvironment: boolean;
  /** Shown after `export NAME=`; never the secret itself. */
  readonly valueHint: string;
};

const existingReference = /^\$\{?([A-Za-z_]\w*)\}?$/;

/**
 * Hands out `${NAME}` references for secrets found in a curl command and
 * remembers which variables the user has to set. Values are never kept.
 */
export class SecretVariables {
  readonly variables: SecretVariable[] = [];

  /** `${NAME}` for a secret value; a value that already is `$NAME`/`${NAME}` keeps that name. */
  reference(value: string, suggestedName: string, description: string, valueHint = '...'): string {
    const existing = existingReference.exec(value)?.[1];
    const name = existing ?? this.uniqueName(suggestedName);
    if (!this.variables.some((variable) => variable.name === name)) {
      this.variables.push({name, description, fromEnvironment: existing !== undefined, valueHint});
    }
    return `\${${name}}`;
  }

  private uniqueName(base: string): string {
    const taken = new Set(this.variables.map((variable) => variable.name));
    if (!taken.has(base)) return base;
    for (let suffix = 2; ; suffix++) {
      if (!taken.has(`${base}_${suffix}`)) return `${base}_${suffix}`;
    }
  }
}

/** Stops the loader from reading `${` in imported text as a reference. */
export function escapeReferences<T>(value: T): T {
  return mapStrings(value, (text) => text.replaceAll('${', () => '$${')) as T;
}
