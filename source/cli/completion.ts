import type {CliIo} from './main.js';
import {UsageError} from './usage-error.js';

export async function runCompletion(args: readonly string[], _io: CliIo): Promise<number> {
  throw new UsageError(`completion: expected bash, zsh or fish, got "${args[0] ?? ''}"`);
}

export async function runComplete(
  _args: readonly string[],
  _flags: unknown,
  _io: CliIo,
): Promise<number> {
  return 0;
}
