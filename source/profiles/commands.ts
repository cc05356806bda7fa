import {copyFile, constants, mkdir, readFile} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {sanitizedIo, type CommandIo} from './command-io.js';
import {displayPath, loadProfileFile} from './load-file.js';
import type {FileLoadResult} from './load-file.js';
import type {ProfileOutline} from './profile-outline.js';
import {outlineProfile} from './profile-outline.js';
import {
  exampleProfileFiles,
  findAllProfileFiles,
  isExampleFile,
  profileNameOf,
  userConfigDir,
  profileSearchDirs,
  resolveProfileRefs,
} from './resolve.js';

export {runImportCurl} from './curl/import-curl-command.js';

export type {CommandIo} from './command-io.js';

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

function noProfilesMessage(io: CommandIo): string {
  const dirs = profileSearchDirs(io).map((dir) => displayPath(dir, io.cwd));
  return `no profiles found in ${dirs.join(' or ')}\n`;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function statusLine(result: FileLoadResult, displayFile: string): string {
  if (result.ok) return 'ok';
  const count = result.problems.length;
  if (result.onlyMissingVariables) {
    return `needs ${result.missingVariables.join(', ')} (environment or .env beside the file)`;
  }
  return `invalid: ${count} problem${count === 1 ? '' : 's'}; run: ssedeck profiles validate ${displayFile}`;
}

function formatOutline(outline: ProfileOutline): string[] {
  const lines = outline.description === undefined ? [] : [`  ${outline.description}`];
  const nameWidth = Math.max(...outline.streams.map((stream) => stream.name.length));
  const methodWidth = Math.max(...outline.streams.map((stream) => stream.method.length));
  for (const stream of outline.streams) {
    const extras = [
      stream.auth === 'none' ? '' : `  auth: ${stream.auth}`,
      stream.answer === undefined ? '' : `  answer: ${stream.answer}`,
    ].join('');
    lines.push(
      `  - ${stream.name.padEnd(nameWidth)}  ${stream.method.padEnd(methodWidth)}  ${stream.url}${extras}`,
    );
  }
  return lines;
}

/**
 * `ssedeck profiles`: every profile found (./profiles, then the config dir) with
 * its streams, method and URL as written in the file (secrets redacted), and
 * whether it loads with the current environment.
 */
export async function runProfilesList(rawIo: CommandIo): Promise<number> {
  const io = sanitizedIo(rawIo);
  const files = await findAllProfileFiles(io);
  if (files.length === 0) {
    io.stdout(noProfilesMessage(io));
    return EXIT_OK;
  }
  const seenNames = new Map<string, string>();
  const blocks: string[] = [];
  for (const file of files) {
    const displayFile = displayPath(file, io.cwd);
    const fileName = profileNameOf(file);
    const shadowedBy = seenNames.get(fileName);
    if (shadowedBy === undefined) seenNames.set(fileName, displayFile);
    const text = await readText(file);
    const outline = text === undefined ? undefined : outlineProfile(file, text);
    const result = await loadProfileFile(file, io);
    const exampleMark = isExampleFile(file, io)
      ? '  (example; copy it: ssedeck profiles init ' + fileName + ')'
      : '';
    const header = `${outline?.name ?? fileName}  ${displayFile}${exampleMark}`;
    const shadowNote =
      shadowedBy === undefined ? [] : [`  (--profile ${fileName} picks ${shadowedBy})`];
    const body = outline === undefined ? [] : formatOutline(outline);
    blocks.push(
      [header, ...shadowNote, ...body, `  status: ${statusLine(result, displayFile)}`].join('\n'),
    );
  }
  io.stdout(`${blocks.join('\n\n')}\n`);
  return EXIT_OK;
}

/**
 * `ssedeck profiles validate [PATH|NAME...]` (no argument: every profile found).
 * Prints one `ok` line per valid file and every problem of the others; exit 0 or 2.
 * Checks the profile, not the caller's environment: an unset variable is a
 * warning, unless `strict` makes it a problem. Nothing to validate is exit 2.
 */
export async function runProfilesValidate(
  paths: readonly string[],
  rawIo: CommandIo,
  options: {readonly strict?: boolean} = {},
): Promise<number> {
  const io = sanitizedIo(rawIo);
  // Without paths: the user's profiles, not the shipped examples.
  const ownIo = {...io, examplesDir: undefined};
  const {files, problems} =
    paths.length === 0
      ? {files: await findAllProfileFiles(ownIo), problems: []}
      : await resolveProfileRefs(paths, io);
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n`);
    return EXIT_INVALID;
  }
  if (files.length === 0) {
    io.stderr(noProfilesMessage(ownIo));
    return EXIT_INVALID;
  }
  let invalid = 0;
  for (const file of files) {
    const result = await loadProfileFile(file, io, options.strict === true ? 'error' : 'warn');
    for (const warning of result.warnings) io.stderr(`${warning}\n`);
    if (result.ok) {
      const count = result.profile.streams.length;
      io.stdout(`ok  ${result.profile.displayFile} (${count} stream${count === 1 ? '' : 's'})\n`);
    } else {
      invalid++;
      io.stderr(`${result.problems.join('\n')}\n`);
    }
  }
  return invalid > 0 ? EXIT_INVALID : EXIT_OK;
}

/**
 * `ssedeck profiles init [NAME]`: copies a shipped example (default `demo`) into
 * the config dir's profiles/ and prints its path; never overwrites (exit 2).
 */
export async function runProfilesInit(name: string | undefined, rawIo: CommandIo): Promise<number> {
  const io = sanitizedIo(rawIo);
  const examples = await exampleProfileFiles(io);
  const wanted = name ?? 'demo';
  const source = examples.find((file) => profileNameOf(file) === wanted);
  if (source === undefined) {
    const names = examples.map(profileNameOf);
    io.stderr(
      `profiles init: no example named "${wanted}" (examples: ${names.join(', ') || 'none'})\n`,
    );
    return EXIT_INVALID;
  }
  const dir = join(userConfigDir(io), 'profiles');
  const target = join(dir, basename(source));
  try {
    await mkdir(dir, {recursive: true});
    await copyFile(source, target, constants.COPYFILE_EXCL);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(
      code === 'EEXIST'
        ? `profiles init: ${target} already exists; not overwritten\n`
        : `profiles init: cannot write ${target} (${code ?? String(error)})\n`,
    );
    return EXIT_INVALID;
  }
  io.stdout(`${target}\n`);
  return EXIT_OK;
}
