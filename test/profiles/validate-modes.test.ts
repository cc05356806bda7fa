import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {runProfilesValidate} from '../../source/profiles/commands.js';
import {loadProfileFile} from '../../source/profiles/load-file.js';
import {cliPath} from '../helpers/cli.js';
import {captureIo, project, tempDir} from './helpers.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The built CLI with nothing from the caller's environment but PATH and an empty config dir. */
function cleanCli(args: readonly string[], configHome: string) {
  const run = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: configHome,
      XDG_CONFIG_HOME: configHome,
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return {code: run.status, stdout: run.stdout, stderr: run.stderr};
}

const shipped = readdirSync(`${repoRoot}/profiles`)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => `profiles/${name}`);

describe('profiles validate checks the profile, not the environment (built CLI)', () => {
  test('shipped examples pass on a clean environment, with unset variables as warnings', async () => {
    const result = cleanCli(['profiles', 'validate', ...shipped], await tempDir());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ok  profiles/demo.yaml');
    expect(result.stderr).toMatch(
      /^warning: profiles\/demo\.yaml:\d+:\d+: streams\[0\]\.url: variable SSEDECK_DEMO_URL is not set/m,
    );
  });

  test('--strict makes an unset variable an error (exit 2)', async () => {
    const result = cleanCli(['profiles', 'validate', '--strict', ...shipped], await tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^profiles\/demo\.yaml:\d+:\d+: streams\[0\]\.url: variable SSEDECK_DEMO_URL is not set/m,
    );
  });

  test('running with -p still fails on an unset variable, one line each naming file and field', async () => {
    const result = cleanCli(['-p', 'profiles/feed.yaml', '--json'], await tempDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^ssedeck: profiles\/feed\.yaml:\d+:\d+: streams\[0\]\.url: variable FEED_URL is not set/m,
    );
    expect(result.stderr).not.toContain('\\n');
  });

  test('nothing to validate says so in one line and exits 2', async () => {
    const {cwd, configDir} = await project({});
    const io = captureIo(cwd, {}, configDir);
    expect(await runProfilesValidate([], io)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/^no profiles found in /);
    const missing = captureIo(cwd, {}, configDir);
    expect(await runProfilesValidate(['profiles/*.yaml'], missing)).toBe(2);
    expect(missing.err().trim().split('\n')).toHaveLength(1);
  });
});

describe('validation lists every problem in one pass', () => {
  test('a duplicate stream name and three bad URLs are four lines', async () => {
    const {cwd, configDir} = await project({
      'profiles/many.yaml': [
        'name: many',
        'streams:',
        '  - {name: a, url: "not a url"}',
        '  - {name: a, url: "ftp://x.test/"}',
        '  - {name: c, url: "http//missing-colon"}',
        '',
      ].join('\n'),
    });
    const io = captureIo(cwd, {}, configDir);
    expect(await runProfilesValidate(['profiles/many.yaml'], io)).toBe(2);
    const lines = io.err().trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line.includes('duplicate stream name "a"'))).toHaveLength(1);
    expect(lines.filter((line) => /streams\[\d\]\.url/.test(line))).toHaveLength(3);
  });

  test('an empty variable used as a token is a warning naming it', async () => {
    const {cwd} = await project({
      'profiles/p.yaml': [
        'name: p',
        'streams:',
        '  - name: s',
        '    url: https://s.test/events',
        '    auth: {type: bearer, token: "${EMPTY_KEY}"}',
        '    headers: {X-Note: "${EMPTY_NOTE}"}',
        '',
      ].join('\n'),
    });
    const result = await loadProfileFile(`${cwd}/profiles/p.yaml`, {
      cwd,
      env: {EMPTY_KEY: '', EMPTY_NOTE: ''},
    });
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^warning: profiles\/p\.yaml:5:\d+: streams\[0\]\.auth\.token: variable EMPTY_KEY is set but empty/,
      ),
    ]);
  });
});
