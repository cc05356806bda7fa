import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {freshClone} from './fresh-clone.js';

const run = promisify(execFile);
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, {recursive: true, force: true});
});

describe('packaging', () => {
  it('npm pack from a fresh clone builds dist/, and npm install -g of the tarball gives a working ssedeck', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssedeck-pack-'));
    const clone = join(dir, 'clone');
    await freshClone(clone);
    const env = {...process.env, npm_config_update_notifier: 'false', NO_COLOR: '1'};
    const packed = await run('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: clone,
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{
      filename: string;
      files: Array<{path: string}>;
    }>;
    const files = info!.files.map((file) => file.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('profiles/demo.yaml');
    expect(files.some((file) => file.startsWith('source/') || file.startsWith('test/'))).toBe(
      false,
    );

    const prefix = join(dir, 'prefix');
    await run(
      'npm',
      [
        'install',
        '-g',
        '--prefix',
        prefix,
        join(dir, info!.filename),
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
      ],
      {cwd: dir, env},
    );
    const bin = join(prefix, 'bin', 'ssedeck');
    const version = await run(bin, ['--version'], {cwd: dir, env});
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);

    // The demo headless, from a directory without ./profiles: the packaged demo profile.
    const demo = await run(bin, ['--json', '--max-duration', '2'], {cwd: dir, env});
    const records = demo.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {type: string});
    expect(records.filter((record) => record.type === 'event').length).toBeGreaterThan(0);
    expect(records.at(-1)?.type).toBe('summary');
  }, 150_000);
});
