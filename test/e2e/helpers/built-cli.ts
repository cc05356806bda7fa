import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const builtCli = `${repoRoot}dist/cli.js`;

/**
 * Builds dist/ when a source file is newer than the built CLI (npm test builds
 * first anyway). tsc still emits when another part of the tree has type
 * errors; those are the typecheck's business, so only a missing CLI fails here.
 */
export function ensureBuilt(): void {
  try {
    execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], {
      cwd: repoRoot,
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (error) {
    if (!existsSync(builtCli)) throw error;
  }
}

/**
 * A shell line that runs the CLI, then shows the terminal modes and the exit
 * code, so a test can see what the terminal looks like after ssedeck left.
 */
export function cliThenReport(args: readonly string[]): string[] {
  const quoted = args.map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(' ');
  return [
    '-c',
    `${JSON.stringify(process.execPath)} ${JSON.stringify(builtCli)} ${quoted}; code=$?; ` +
      `stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo; echo "exit=$code"`,
  ];
}
