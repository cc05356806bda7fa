import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterEach} from 'vitest';
import type {CommandIo} from '../../source/profiles/commands.js';
import type {LoadOptions} from '../../source/profiles/load.js';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, {recursive: true, force: true})));
});

/** A fresh directory under the OS temp dir, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ssedeck-profiles-'));
  created.push(dir);
  return dir;
}

/** Writes files (path relative to `root` -> text) and returns `root`. */
export async function writeFiles(root: string, files: Record<string, string>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), {recursive: true});
    await writeFile(file, text);
  }
  return root;
}

/** A project dir with the given files and an (empty unless filled) config dir beside it. */
export async function project(
  files: Record<string, string>,
): Promise<{cwd: string; configDir: string}> {
  const root = await tempDir();
  const cwd = join(root, 'project');
  const configDir = join(root, 'config', 'ssedeck');
  await mkdir(cwd, {recursive: true});
  await writeFiles(cwd, files);
  return {cwd, configDir};
}

export type CollectedLoadOptions = LoadOptions & {warnings: string[]};

export function loadOptions(
  cwd: string,
  env: Record<string, string | undefined> = {},
  configDir?: string,
): CollectedLoadOptions {
  const warnings: string[] = [];
  return {
    cwd,
    env,
    ...(configDir === undefined ? {} : {configDir}),
    warnings,
    warn: (line) => warnings.push(line),
  };
}

export type CapturedIo = CommandIo & {out: () => string; err: () => string};

export function captureIo(
  cwd: string,
  env: Record<string, string | undefined> = {},
  configDir?: string,
): CapturedIo {
  let stdout = '';
  let stderr = '';
  return {
    cwd,
    env,
    ...(configDir === undefined ? {} : {configDir}),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    out: () => stdout,
    err: () => stderr,
  };
}

/** Runs `fn` and returns the ProfileError message it throws (fails if it does not throw). */
export async function errorMessage(fn: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'ProfileError') return error.message;
    throw error;
  }
  throw new Error('expected a ProfileError');
}
