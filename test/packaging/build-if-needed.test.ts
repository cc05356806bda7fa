import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
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

describe('npm start on a fresh clone', () => {
  it('says it is building before the first build, and nothing once built', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssedeck-build-'));
    const clone = join(dir, 'clone');
    await freshClone(clone);
    const first = await run(process.execPath, ['scripts/build-if-needed.mjs'], {cwd: clone});
    expect(first.stderr).toMatch(/^ssedeck: building \(first run, takes a few seconds\)\.\.\.\n/);
    expect(existsSync(join(clone, 'dist', 'cli.js'))).toBe(true);
    const second = await run(process.execPath, ['scripts/build-if-needed.mjs'], {cwd: clone});
    expect(second.stderr).toBe('');
  }, 120_000);
});
