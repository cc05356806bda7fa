import type {FieldPath} from './field-path.js';
import {formatFieldPath} from './field-path.js';

/** One thing wrong with a profile file. Messages never contain secret values. */
export type Problem = {
  readonly message: string;
  /** Where in the data (formatted as `streams[1].auth.type`). */
  readonly path?: FieldPath;
  /** 1-based position in the file, when known. */
  readonly line?: number;
  readonly column?: number;
};

/** `profiles/x.yaml:3:5: streams[1].auth.type: expected one of none, bearer, api_key` */
export function formatProblem(file: string, problem: Problem): string {
  const where =
    problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
  const field =
    problem.path === undefined || problem.path.length === 0
      ? ''
      : `${formatFieldPath(problem.path)}: `;
  return `${where}: ${field}${problem.message}`;
}

/**
 * Thrown for anything wrong with profiles or stream selection. The message is the
 * complete user-facing text, one line per problem, each starting with the file.
 */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  /** Commands exit with this code when profiles are invalid. */
  readonly exitCode = 2;
  readonly lines: readonly string[];

  constructor(lines: string | readonly string[]) {
    const list = typeof lines === 'string' ? [lines] : lines;
    super(list.join('\n'));
    this.lines = list;
  }
}
