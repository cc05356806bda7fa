import {execFileSync, spawnSync} from 'node:child_process';
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cliPath, runCli} from './cli.js';

/**
 * Drives the real shells through ssedeck's completion scripts: bash by
 * calling `_ssedeck` with COMP_WORDS set, zsh by typing a line and Tab into an
 * interactive zsh on a pseudo-terminal (zpty), fish with `complete -C`.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export type CompletionSandbox = {
  /** The working directory: `ssedeck` (a wrapper of the built CLI), profiles/, query.json. */
  readonly dir: string;
  /** PATH starts with `dir`; HOME and XDG dirs point into it. */
  readonly env: NodeJS.ProcessEnv;
  /** The completion script of each shell, as `ssedeck completion SHELL` printed it. */
  readonly scripts: Readonly<Record<Shell, string>>;
  /** Where each script was written. */
  readonly scriptFiles: Readonly<Record<Shell, string>>;
  readonly remove: () => Promise<void>;
};

export function hasShell(shell: Shell): boolean {
  return spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
}

/** One profile with two streams and one stream name no shell may be offered. */
const PROFILE = [
  'name: my-app',
  'streams:',
  '  - name: chat',
  '    url: http://127.0.0.1:9/chat',
  '  - name: events',
  '    url: http://127.0.0.1:9/events',
  '  - name: "evil\\e]2;x\\a"',
  '    url: http://127.0.0.1:9/evil',
  '',
].join('\n');

export async function createCompletionSandbox(): Promise<CompletionSandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'ssedeck-completion-'));
  const wrapper = join(dir, 'ssedeck');
  await writeFile(
    wrapper,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} "$@"\n`,
  );
  await chmod(wrapper, 0o755);
  await mkdir(join(dir, 'profiles'));
  await writeFile(join(dir, 'profiles', 'my-app.yaml'), PROFILE);
  await writeFile(join(dir, 'query.json'), '{"query":"hi"}\n');
  const scripts = {} as Record<Shell, string>;
  const scriptFiles = {} as Record<Shell, string>;
  for (const shell of SHELLS) {
    const {code, stdout, stderr} = await runCli(['completion', shell]);
    if (code !== 0) throw new Error(`ssedeck completion ${shell} failed: ${stderr}`);
    scripts[shell] = stdout;
    scriptFiles[shell] = join(dir, `completion.${shell}`);
    await writeFile(scriptFiles[shell], stdout);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${dir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    NO_COLOR: '1',
  };
  return {
    dir,
    env,
    scripts,
    scriptFiles,
    remove: () => rm(dir, {recursive: true, force: true}),
  };
}

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

function run(sandbox: CompletionSandbox, command: string, args: readonly string[]): string {
  return execFileSync(command, args, {
    cwd: sandbox.dir,
    encoding: 'utf8',
    env: sandbox.env,
    timeout: 30_000,
  });
}

/** Sources the bash script, fills COMP_WORDS/COMP_CWORD like bash does, runs _ssedeck. */
export function bashComplete(sandbox: CompletionSandbox, line: readonly string[]): string[] {
  const words = ['ssedeck', ...line].map(quote).join(' ');
  const program =
    `source ${quote(sandbox.scriptFiles.bash)}\n` +
    `COMP_WORDS=(${words}); COMP_CWORD=${line.length}; _ssedeck; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return run(sandbox, 'bash', ['--norc', '--noprofile', '-c', program])
    .split('\n')
    .filter((word) => word !== '');
}

/** What `complete -C` prints for `line` after sourcing the fish script: one candidate a line. */
export function fishComplete(sandbox: CompletionSandbox, line: string): string[] {
  const program = `source ${quote(sandbox.scriptFiles.fish)}; complete -C ${quote(line)}`;
  return run(sandbox, 'fish', ['--no-config', '-c', program])
    .split('\n')
    .map((candidate) => candidate.split('\t')[0] ?? '')
    .filter((candidate) => candidate !== '');
}

/**
 * Types `line` and Tab into an interactive zsh (zpty) that ran compinit and
 * sourced the script, then clears the line and prints a marker. Returns the
 * words the terminal showed: the completed line and any list of matches.
 * The prompt is waited for first: typed before zle reads the terminal, Tab
 * would be a literal tab of the cooked line.
 */
export function zshComplete(sandbox: CompletionSandbox, line: string): string[] {
  const driver = [
    'zmodload zsh/zpty',
    'zpty z zsh -f -i',
    `zpty -w z ${quote(`PS1="P$((6*7))> "; autoload -U compinit; compinit -u -D; source ${quote(sandbox.scriptFiles.zsh)}`)}`,
    "zpty -r z out '*P42> *' || exit 3",
    // Tab, then Ctrl-U to drop the line; the marker's output says zle is done.
    `zpty -w -n z ${quote(line)}$'\\t\\x15'`,
    "zpty -w z 'print -r -- END$((6*7))'",
    "zpty -r z out '*END42*' || exit 4",
    'print -r -- "$out"',
    'zpty -d z',
  ].join('\n');
  const screen = run(sandbox, 'zsh', ['-f', '-c', driver]);
  return (
    screen
      // eslint-disable-next-line no-control-regex
      .replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, ' ')
      // eslint-disable-next-line no-control-regex
      .split(/[\s\u0000-\u001F]+/)
      .filter((word) => word !== '')
  );
}
