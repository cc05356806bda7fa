import {spawnSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {runCli} from '../helpers/cli.js';
import {
  bashComplete,
  createCompletionSandbox,
  hasShell,
  SHELLS,
  type CompletionSandbox,
  type Shell,
} from '../helpers/completion-shells.js';

let sandbox: CompletionSandbox;

beforeAll(async () => {
  ensureBuilt();
  sandbox = await createCompletionSandbox();
}, 120_000);
afterAll(async () => {
  await sandbox.remove();
});

/** Each shell's parse-only mode: reads the script, runs nothing. */
const syntaxCheck: Readonly<Record<Shell, readonly string[]>> = {
  bash: ['-n'],
  zsh: ['-n'],
  fish: ['--no-execute'],
};

/**
 * A command line split into COMP_WORDS the way bash does (COMP_WORDBREAKS
 * splits at "=": `--profile=x` is `--profile`, `=`, `x`); the last word is
 * the one being completed ("" after a trailing space).
 */
function bashWords(line: string): string[] {
  return line
    .split(' ')
    .flatMap((word) => (word === '' ? [''] : word.split(/(=)/).filter((part) => part !== '')))
    .slice(1);
}

describe('ssedeck completion', () => {
  it.each(SHELLS)('%s: prints a script that parses', (shell) => {
    expect(sandbox.scripts[shell]).toContain('__complete');
  });

  for (const shell of SHELLS) {
    it.skipIf(!hasShell(shell))(`${shell} parses the script without errors`, () => {
      const check = spawnSync(shell, [...syntaxCheck[shell], sandbox.scriptFiles[shell]], {
        encoding: 'utf8',
        env: sandbox.env,
      });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    });
  }

  it('an unknown shell is a usage error with a suggestion', async () => {
    const {code, stderr} = await runCli(['completion', 'bahs']);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /completion: expected bash, zsh or fish, got "bahs" \(did you mean bash\?\)/,
    );
  });
});

describe('bash completion (_ssedeck with COMP_WORDS)', () => {
  const complete = (line: string) => bashComplete(sandbox, bashWords(line));

  it('splits words like bash', () => {
    expect(bashWords('ssedeck --profile=demo --stream ')).toEqual([
      '--profile',
      '=',
      'demo',
      '--stream',
      '',
    ]);
    expect(bashWords('ssedeck --stream=')).toEqual(['--stream', '=']);
  });

  it('fixed flag values, flags, commands and subcommands', () => {
    expect(complete('ssedeck --reconnect ')).toEqual(['always', 'on-error', 'never']);
    expect(complete('ssedeck --answer-preset o')).toEqual(['openai']);
    expect(complete('ssedeck --js')).toEqual(['--json']);
    expect(complete('ssedeck -p demo --wa')).toEqual(['--watch']);
    expect(complete('ssedeck --max-')).toEqual(['--max-events', '--max-duration']);
    expect(complete('ssedeck se')).toEqual(['serve']);
    expect(complete('ssedeck rep')).toEqual(['replay']);
    expect(complete('ssedeck profiles ')).toEqual(['init', 'validate']);
    expect(complete('ssedeck profiles validate --st')).toEqual(['--stream', '--strict']);
    expect(complete('ssedeck completion ')).toEqual(['bash', 'zsh', 'fish']);
    expect(complete('ssedeck help im')).toEqual(['import-curl']);
  });

  it('profile names and the streams of the -p profiles on the line', () => {
    expect(complete('ssedeck -p ')).toEqual(expect.arrayContaining(['demo', 'my-app']));
    expect(complete('ssedeck -p demo --stream ')).toEqual([
      'ticker',
      'logs',
      'flaky',
      'dify-chatflow',
      'openai',
    ]);
    // A hostile stream name is never offered to the shell.
    expect(complete('ssedeck --json -p my-app --stream ')).toEqual(['chat', 'events']);
    expect(complete('ssedeck -p demo -p my-app --stream e')).toEqual(['events']);
  });

  it('--flag=value: the value after "=", and --profile=NAME counts', () => {
    expect(complete('ssedeck --profile=my-app --stream ')).toEqual(['chat', 'events']);
    expect(complete('ssedeck --reconnect=')).toEqual(['always', 'on-error', 'never']);
    expect(complete('ssedeck -p demo --stream=f')).toEqual(['flaky']);
    expect(complete('ssedeck --profile=my-app ')).toEqual([
      'serve',
      'replay',
      'diff',
      'profiles',
      'import-curl',
      'completion',
      'help',
    ]);
  });

  it('-d @FILE completes the file name and keeps the @', () => {
    expect(complete('ssedeck -d @que')).toEqual(['@query.json']);
    expect(complete('ssedeck --data que')).toEqual(['query.json']);
    expect(complete('ssedeck --cacert que')).toEqual(['query.json']);
    expect(complete('ssedeck --record que')).toEqual(['query.json']);
  });
});
