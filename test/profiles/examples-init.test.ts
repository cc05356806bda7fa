import {spawnSync} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {cliPath} from '../helpers/cli.js';
import {tempDir} from './helpers.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built CLI run from a directory outside the project, with its own config home. */
function cliIn(cwd: string, args: readonly string[]) {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      XDG_CONFIG_HOME: join(cwd, 'cfg'),
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return {code: run.status, stdout: run.stdout, stderr: run.stderr};
}

describe('shipped example profiles (built CLI, from any directory)', () => {
  test('ssedeck profiles lists the examples, marked as examples', async () => {
    const cwd = await tempDir();
    const result = cliIn(cwd, ['profiles']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^dify-chatflow {2}.*profiles\/dify-chatflow\.yaml {2}\(example;/m,
    );
  });

  test('an example is found by name after ./profiles and the config dir', async () => {
    const cwd = await tempDir();
    const result = cliIn(cwd, ['profiles', 'validate', 'feed']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`ok  ${join(repoRoot, 'profiles', 'feed.yaml')}`);
  });

  test('-p NAME runs a shipped example from any directory', async () => {
    const cwd = await tempDir();
    const result = cliIn(cwd, ['-p', 'openai', '--json']);
    // Found: it fails on the example's unset key, naming the shipped file, not "no profile".
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(repoRoot, 'profiles', 'openai.yaml'));
    expect(result.stderr).toContain('OPENAI_API_KEY is not set');
  });

  test('profiles init copies an example into $XDG_CONFIG_HOME/ssedeck/profiles and never overwrites', async () => {
    const cwd = await tempDir();
    const target = join(cwd, 'cfg', 'ssedeck', 'profiles', 'dify-chatflow.yaml');
    const first = cliIn(cwd, ['profiles', 'init', 'dify-chatflow']);
    expect(first).toMatchObject({code: 0, stdout: `${target}\n`});
    expect(await readFile(target, 'utf8')).toBe(
      await readFile(join(repoRoot, 'profiles', 'dify-chatflow.yaml'), 'utf8'),
    );
    const again = cliIn(cwd, ['profiles', 'init', 'dify-chatflow']);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toEqual([
      `profiles init: ${target} already exists; not overwritten`,
    ]);
    const listed = cliIn(cwd, ['profiles', 'validate', 'dify-chatflow']);
    expect(listed.stdout).toContain('ok  cfg/ssedeck/profiles/dify-chatflow.yaml');
    const unknown = cliIn(cwd, ['profiles', 'init', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^profiles init: no example named "nope" \(examples: .*demo/);
  });
});
