import {split} from 'shlex';

/**
 * Splits a pasted shell command into words with `shlex` (POSIX quoting, `$'...'`
 * ANSI-C strings, backslash-newline continuations).
 *
 * One pre-processing step: shlex treats only "\\\n" as a line continuation, so a
 * snippet copied with Windows line ends ("\\\r\n") would leave a stray "\r"
 * word; those become "\\\n" first.
 *
 * Known limits of shlex that we accept: no `$VAR` expansion (a `$VAR` stays as
 * written, which import-curl turns into a `${VAR}` reference), and inside double
 * quotes only `\\` and `\"` are unescaped (bash also unescapes `\$` and `` \` ``).
 */
export function splitShellWords(command: string): string[] {
  return split(command.replace(/\\\r\n/g, '\\\n'));
}
