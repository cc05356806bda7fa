import type {z} from 'zod';
import type {FieldPath} from './field-path.js';
import {describeType, valueAtPath} from './field-path.js';
import {suggestKey} from './suggest-key.js';

type Issue = z.core.$ZodIssue;

/** A schema problem: the field path and a message that never quotes the value. */
export type IssueProblem = {
  readonly path: FieldPath;
  readonly message: string;
  /** The problem is about the key itself (an unknown field), not its value. */
  readonly key?: true;
  /** The problem is this variable not being set. */
  readonly missingVariable?: string;
};

const typeNames: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
};

function typeName(expected: string): string {
  return typeNames[expected] ?? expected;
}

function joinAlternatives(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'another value';
  return `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)}`;
}

function describeBound(issue: Extract<Issue, {code: 'too_small' | 'too_big'}>): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'array') {
    return small ? `needs at least ${limit} item(s)` : `allows at most ${limit} item(s)`;
  }
  if (issue.origin === 'string') {
    return small ? 'must not be empty' : `must be at most ${limit} characters`;
  }
  const operator = small ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
  return `must be ${operator} ${limit}`;
}

/**
 * A union fails as a whole; when exactly one alternative had the right shape and
 * failed deeper (a header map with a number value), its problems are the useful ones.
 */
function unionProblems(
  issue: Extract<Issue, {code: 'invalid_union'}>,
  data: unknown,
): IssueProblem[] {
  const deeper = issue.errors.filter((errors) => errors.some((inner) => inner.path.length > 0));
  const [only] = deeper;
  if (deeper.length === 1 && only) {
    return only.flatMap((inner) =>
      issueToProblems({...inner, path: [...issue.path, ...inner.path]} as Issue, data),
    );
  }
  const expected = issue.errors.flatMap((errors) =>
    errors.flatMap((inner) => (inner.code === 'invalid_type' ? [typeName(inner.expected)] : [])),
  );
  const path = issue.path as FieldPath;
  const received = describeType(valueAtPath(data, path));
  return [{path, message: `expected ${joinAlternatives(expected)}, got ${received}`}];
}

/** Turns one zod issue into user-facing problems; `data` is the input that was parsed. */
function issueToProblems(issue: Issue, data: unknown): IssueProblem[] {
  const path = issue.path as FieldPath;
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAtPath(data, path);
      if (value === undefined) return [{path, message: `required (${typeName(issue.expected)})`}];
      return [{path, message: `expected ${typeName(issue.expected)}, got ${describeType(value)}`}];
    }
    case 'invalid_value':
      return [{path, message: `expected one of ${issue.values.map(String).join(', ')}`}];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const suggestion = suggestKey(key);
        const hint = suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
        return {path: [...path, key], message: `unknown field${hint}`, key: true};
      });
    case 'too_small':
    case 'too_big':
      return [{path, message: describeBound(issue)}];
    case 'invalid_format':
      return [{path, message: issue.format === 'url' ? 'expected an http(s) URL' : issue.message}];
    case 'invalid_union':
      return unionProblems(issue, data);
    default:
      return [{path, message: issue.message}];
  }
}

export function zodErrorToProblems(error: z.ZodError, data: unknown): IssueProblem[] {
  return error.issues.flatMap((issue) => issueToProblems(issue, data));
}
