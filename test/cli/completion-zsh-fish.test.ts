import {execFileSync} from 'node:child_process';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {
  createCompletionSandbox,
  fishComplete,
  hasShell,
  zshComplete,
  type CompletionSandbox,
} from '../helpers/completion-shells.js';

/**
 * zsh and fish completing real command lines through ssedeck's scripts
 * (CI installs both: .ci/run). Without the shell a block is skipped.
 */

let sandbox: CompletionSandbox;

beforeAll(async () => {
  ensureBuilt();
  sandbox = await createCompletionSandbox();
}, 120_000);
afterAll(async () => {
  await sandbox?.remove();
});

const DEMO_STREAMS = ['ticker', 'logs', 'flaky', 'dify-chatflow', 'openai'];

/** A line with Tab pressed at its end, what must be offered and what must not. */
const CASES: readonly {line: string; offers: string[]; never?: RegExp}[] = [
  {line: 'ssedeck --js', offers: ['--json']},
  {line: 'ssedeck --reconnect ', offers: ['always', 'on-error', 'never']},
  {line: 'ssedeck --answer-preset o', offers: ['openai']},
  // Profile names come from `ssedeck __complete profiles`: my-app is in ./profiles.
  {line: 'ssedeck -p ', offers: ['demo', 'my-app']},
  {line: 'ssedeck -p demo --stream ', offers: DEMO_STREAMS},
  {line: 'ssedeck -p my-app --stream ', offers: ['chat', 'events'], never: /evil/},
  {line: 'ssedeck --profile=my-app --stream ', offers: ['chat', 'events']},
  {line: 'ssedeck -d @que', offers: ['@query.json']},
  {line: 'ssedeck profiles ', offers: ['init', 'validate']},
  {line: 'ssedeck completion ', offers: ['bash', 'zsh', 'fish']},
];

describe.skipIf(!hasShell('zsh'))('zsh completion', () => {
  const zsh = (program: string) =>
    execFileSync('zsh', ['-f', '-c', program], {
      cwd: sandbox.dir,
      env: sandbox.env,
      encoding: 'utf8',
      timeout: 30_000,
    }).trim();

  it('after compinit, sourcing defines _ssedeck and registers it for ssedeck', () => {
    const file = sandbox.scriptFiles.zsh;
    expect(
      zsh(
        `autoload -U compinit; compinit -u -D; source '${file}'; ` +
          'print -r -- ${+functions[_ssedeck]} $_comps[ssedeck]',
      ),
    ).toBe('1 _ssedeck');
    // Sourced before compinit (a .zshrc that never ran it): the script runs it.
    expect(zsh(`source '${file}'; print -r -- \${+functions[_ssedeck]} $_comps[ssedeck]`)).toBe(
      '1 _ssedeck',
    );
  });

  it.each(CASES)('Tab after "$line"', ({line, offers, never}) => {
    const shown = zshComplete(sandbox, line);
    expect(shown).toEqual(expect.arrayContaining(offers));
    if (never) expect(shown.join(' ')).not.toMatch(never);
  });

  it('--flag=: completes the value after "="', () => {
    expect(zshComplete(sandbox, 'ssedeck --reconnect=')).toEqual(
      expect.arrayContaining(['always', 'on-error', 'never']),
    );
  });
});

describe.skipIf(!hasShell('fish'))('fish completion (complete -C)', () => {
  it.each(CASES)('"$line"', ({line, offers, never}) => {
    const offered = fishComplete(sandbox, line);
    expect(offered).toEqual(expect.arrayContaining(offers));
    if (never) expect(offered.join(' ')).not.toMatch(never);
  });

  it('offers only what fits: values of the flag, not flags or commands', () => {
    expect(fishComplete(sandbox, 'ssedeck --reconnect ').sort()).toEqual([
      'always',
      'never',
      'on-error',
    ]);
    expect(fishComplete(sandbox, 'ssedeck -p demo --stream ').sort()).toEqual(
      [...DEMO_STREAMS].sort(),
    );
    expect(fishComplete(sandbox, 'ssedeck --js')).toEqual(['--json']);
    expect(fishComplete(sandbox, 'ssedeck -p demo --stream=f')).toEqual(['--stream=flaky']);
  });
});
