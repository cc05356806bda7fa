import {execFileSync, spawnSync} from 'node:child_process';
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {cliPath, runCli} from '../helpers/cli.js';

let dir = '';
let wrapper = '';
let bashScript = '';

beforeAll(async () => {
  ensureBuilt();
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-completion-'));
  wrapper = join(dir, 'ssedeck');
  await writeFile(
    wrapper,
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cliPath)} "$@"\n`,
  );
  await chmod(wrapper, 0o755);
  await mkdir(join(dir, 'profiles'));
  await writeFile(
    join(dir, 'profiles', 'my-app.yaml'),
    [
      'name: my-app',
      'streams:',
      '  - name: chat',
      '    url: http://127.0.0.1:9/chat',
      '  - name: events',
      '    url: http://127.0.0.1:9/events',
      '  - name: "evil\\e]2;x\\a"',
      '    url: http://127.0.0.1:9/evil',
      '',
    ].join('\n'),
  );
  bashScript = (await runCli(['completion', 'bash'])).stdout;
}, 120_000);
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

const hasShell = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** Sources the bash script, fills COMP_WORDS/COMP_CWORD like bash does, runs _ssedeck. */
function complete(line: readonly string[]): string[] {
  const words = [wrapper, ...line].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ');
  const program = `${bashScript}\nCOMP_WORDS=(${words}); COMP_CWORD=${line.length}; _ssedeck; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const output = execFileSync('bash', ['-c', program], {
    cwd: dir,
    encoding: 'utf8',
    env: {...process.env, XDG_CONFIG_HOME: join(dir, 'config')},
  });
  return output.split('\n').filter((word) => word !== '');
}

describe('ssedeck completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: prints a script that parses', async (shell) => {
    const {code, stdout} = await runCli(['completion', shell]);
    expect(code).toBe(0);
    expect(stdout).toContain('__complete');
    if (!hasShell(shell)) return; // zsh and fish are checked where they are installed
    const check = spawnSync(shell, ['-n'], {input: stdout, encoding: 'utf8'});
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('an unknown shell is a usage error with a suggestion', async () => {
    const {code, stderr} = await runCli(['completion', 'bahs']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /completion: expected bash, zsh or fish, got "bahs" \(did you mean bash\?\)/,
    );
  });

  it('bash: fixed flag values, flags, commands and subcommands', () => {
    expect(complete(['--reconnect', ''])).toEqual(['always', 'on-error', 'never']);
    expect(complete(['--answer-preset', 'o'])).toEqual(['openai']);
    expect(complete(['--js'])).toEqual(['--json']);
    expect(complete(['--max-'])).toEqual(['--max-events', '--max-duration']);
    expect(complete(['se'])).toEqual(['serve']);
    expect(complete(['profiles', ''])).toEqual(['init', 'validate']);
    expect(complete(['profiles', 'validate', '--st'])).toEqual(['--stream', '--strict']);
    expect(complete(['completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(complete(['help', 'im'])).toEqual(['import-curl']);
  });

  it('bash: profile names and the streams of the -p profiles on the line', () => {
    expect(complete(['-p', ''])).toEqual(expect.arrayContaining(['demo', 'my-app']));
    expect(complete(['-p', 'demo', '--stream', ''])).toEqual([
      'ticker',
      'logs',
      'flaky',
      'dify-chatflow',
      'openai',
    ]);
    // A hostile stream name is never offered to the shell.
    expect(complete(['--json', '-p', 'my-app', '--stream', ''])).toEqual(['chat', 'events']);
    expect(complete(['-p', 'demo', '-p', 'my-app', '--stream', 'e'])).toEqual(['events']);
  });
});
