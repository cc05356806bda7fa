import {cp, mkdir, readdir, symlink} from 'node:fs/promises';
import {join} from 'node:path';
import {repoRoot} from '../e2e/helpers/built-cli.js';

/** What a fresh clone has: the tracked sources, no dist/ (node_modules shared, as after npm ci). */
export async function freshClone(target: string): Promise<void> {
  await mkdir(target);
  const entries = [
    'source',
    'scripts',
    'profiles',
    'package.json',
    'package-lock.json',
    'README.md',
  ];
  const tsconfigs = (await readdir(repoRoot)).filter((name) => /^tsconfig.*\.json$/.test(name));
  for (const entry of [...entries, ...tsconfigs]) {
    await cp(join(repoRoot, entry), join(target, entry), {recursive: true});
  }
  await symlink(join(repoRoot, 'node_modules'), join(target, 'node_modules'), 'dir');
}
