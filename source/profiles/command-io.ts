import {sanitize} from '../core/sanitize.js';
import type {SearchOptions} from './resolve.js';

/** Where a profiles command writes, and where it looks for profiles. */
export type CommandIo = SearchOptions & {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
};

/**
 * The same io with both writers passing the one sanitizer: profile names,
 * descriptions, stream names, URLs, paths and error messages come from files
 * and arguments, so none of their control characters may reach a terminal.
 */
export function sanitizedIo<T extends CommandIo>(io: T): T {
  return {
    ...io,
    stdout: (text: string) => io.stdout(sanitize(text, {keepNewlines: true})),
    stderr: (text: string) => io.stderr(sanitize(text, {keepNewlines: true})),
  };
}
