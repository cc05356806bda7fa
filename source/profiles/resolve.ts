import {readdir, stat} from 'node:fs/promises';
import {basename, extname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import envPaths from 'env-paths';
import {ProfileError} from './problems.js';

const PROFILE_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;
const PROFILES_DIR_NAME = 'profiles';

export type SearchOptions = {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The ssedeck config directory (profiles live in its `profiles/`); for tests. */
  readonly configDir?: string;
  /** The example profiles shipped with ssedeck, looked up last (none when unset). */
  readonly examplesDir?: string;
};

/** The package's own profiles/ folder (the shipped examples), found relative to this module. */
export const shippedExamplesDir = fileURLToPath(new URL('../../profiles', import.meta.url));

/** `$XDG_CONFIG_HOME/ssedeck` when set, else the platform's config dir (~/.config/ssedeck, ~/Library/Preferences/ssedeck, %APPDATA%\ssedeck\Config). */
export function userConfigDir(options: SearchOptions): string {
  if (options.configDir !== undefined) return options.configDir;
  const xdg = options.env.XDG_CONFIG_HOME;
  if (xdg !== undefined && xdg !== '') return join(xdg, 'ssedeck');
  return envPaths('ssedeck', {suffix: ''}).config;
}

/** Where profile names are looked up, in order: ./profiles, the user's config dir, the examples. */
export function profileSearchDirs(options: SearchOptions): string[] {
  const dirs = [
    resolve(options.cwd, PROFILES_DIR_NAME),
    join(userConfigDir(options), PROFILES_DIR_NAME),
  ];
  const examples = options.examplesDir === undefined ? undefined : resolve(options.examplesDir);
  return examples === undefined || dirs.includes(examples) ? dirs : [...dirs, examples];
}

/** True when `file` is one of the shipped examples (and not also in ./profiles). */
export function isExampleFile(file: string, options: SearchOptions): boolean {
  const dirs = profileSearchDirs(options);
  return (
    options.examplesDir !== undefined &&
    dirs.length === 3 &&
    resolve(file, '..') === resolve(options.examplesDir)
  );
}

/** The shipped example files (sorted by name). */
export async function exampleProfileFiles(options: SearchOptions): Promise<string[]> {
  return options.examplesDir === undefined ? [] : profileFilesIn(options.examplesDir);
}

function isProfileFileName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return (
    (PROFILE_EXTENSIONS as readonly string[]).includes(extension) &&
    !name.toLowerCase().endsWith('.schema.json')
  );
}

/** A reference with a path separator or a profile extension is a path; anything else is a name. */
export function isPathReference(ref: string): boolean {
  return /[/\\]/.test(ref) || isProfileFileName(ref) || ref.startsWith('.');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Profile files in one directory, sorted by name ([] when the directory does not exist). */
async function profileFilesIn(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files = names
    .filter(isProfileFileName)
    .sort()
    .map((name) => join(dir, name));
  const checks = await Promise.all(files.map(isFile));
  return files.filter((_, index) => checks[index]);
}

/** Every profile file found: ./profiles first, then the config dir. */
export async function findAllProfileFiles(options: SearchOptions): Promise<string[]> {
  const perDir = await Promise.all(profileSearchDirs(options).map(profileFilesIn));
  return perDir.flat();
}

export function profileNameOf(file: string): string {
  return basename(file, extname(file));
}

/** Resolves `--profile PATH` or `--profile NAME` to an absolute file path. */
export async function resolveProfileRef(ref: string, options: SearchOptions): Promise<string> {
  if (isPathReference(ref)) {
    const file = resolve(options.cwd, ref);
    if (await isFile(file)) return file;
    throw new ProfileError(`${ref}: profile file not found`);
  }
  const dirs = profileSearchDirs(options);
  for (const dir of dirs) {
    for (const extension of PROFILE_EXTENSIONS) {
      const file = join(dir, `${ref}${extension}`);
      if (await isFile(file)) return file;
    }
  }
  const available = [...new Set((await findAllProfileFiles(options)).map(profileNameOf))];
  throw new ProfileError(
    `${ref}: no profile named "${ref}" in ${dirs.join(' or ')} (${ref}.yaml, .yml or .json); ` +
      (available.length > 0 ? `available: ${available.join(', ')}` : 'no profiles found there'),
  );
}

/**
 * Resolves several references, in order (a file named twice is listed twice).
 * A reference that does not resolve adds its problem lines instead of throwing.
 */
export async function resolveProfileRefs(
  refs: readonly string[],
  options: SearchOptions,
): Promise<{files: string[]; problems: string[]}> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const ref of refs) {
    try {
      files.push(await resolveProfileRef(ref, options));
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      problems.push(...error.lines);
    }
  }
  return {files, problems};
}
