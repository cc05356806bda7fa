import {access, mkdir, realpath, writeFile} from 'node:fs/promises';
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path';
import {stringify} from 'yaml';
import {redactUrl} from '../redact-url.js';
import {shippedSchemaPath} from '../json-schema.js';
import {sanitizedIo, type CommandIo} from '../command-io.js';
import {displayPath, loadProfileText} from '../load-file.js';
import {curlToProfile} from './curl-to-profile.js';
import type {ImportedProfile} from './curl-to-profile.js';
import {parseCurlCommand} from './parse-curl.js';

export type ImportCurlOptions = {readonly name?: string; readonly out?: string};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** `dir` with symlinks resolved, also when its last parts do not exist yet. */
async function realDirectory(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    const parent = dirname(dir);
    return parent === dir ? dir : join(await realDirectory(parent), basename(dir));
  }
}

/**
 * `$schema` reference for the yaml-language-server, always to the schema shipped
 * in this package: on stdout an absolute path (the text may be saved anywhere);
 * with --out, a path relative to the file's real directory (an editor resolves
 * `../` from there, so symlinks such as /tmp -> /private/tmp are resolved first).
 */
async function schemaReference(outFile: string | undefined): Promise<string> {
  const schema = await realpath(shippedSchemaPath()).catch(() => shippedSchemaPath());
  if (outFile === undefined) return schema;
  const fromOut = relative(await realDirectory(dirname(outFile)), schema);
  if (isAbsolute(fromOut)) return schema; // another drive on Windows
  const posix = fromOut.split(sep).join('/');
  return posix.startsWith('../') ? posix : `./${posix}`;
}

function profileText(imported: ImportedProfile, schemaRef: string): string {
  return [
    `# yaml-language-server: $schema=${schemaRef}`,
    '# Imported with `ssedeck import-curl`. Secrets are read from environment variables.',
    stringify(imported.profile, {lineWidth: 0}),
  ].join('\n');
}

/** The generated text must load: a bug here should not reach the user's file. */
function selfCheck(text: string, file: string): readonly string[] {
  const result = loadProfileText(
    {file, displayFile: file, text},
    {lookup: () => 'placeholder', missingHint: ''},
  );
  return result.ok ? [] : result.problems;
}

function variableHints(imported: ImportedProfile, outDir: string | undefined): string[] {
  const toExport = imported.variables.filter((variable) => !variable.fromEnvironment);
  const lines = imported.variables
    .filter((variable) => variable.fromEnvironment)
    .map((variable) => `Uses $${variable.name} from your environment.`);
  if (toExport.length > 0) {
    const envFile = outDir === undefined ? 'a .env file beside the profile' : `${outDir}/.env`;
    lines.push(
      'Secrets were replaced by variables. Set them before running, with the values from your',
      `curl command (ssedeck never prints secrets), or put NAME=value lines in ${envFile}:`,
      ...toExport.map(
        (variable) => `  export ${variable.name}=${variable.valueHint}   # ${variable.description}`,
      ),
    );
  }
  return lines;
}

/**
 * `ssedeck import-curl '<curl command>' [--name N] [--out FILE]`: prints the
 * profile (or writes it to FILE) and the variables to set. Exit 0, or 2 when the
 * command has anything that cannot be converted (nothing is written then).
 */
export async function runImportCurl(
  command: string,
  options: ImportCurlOptions,
  rawIo: CommandIo,
): Promise<number> {
  const io = sanitizedIo(rawIo);
  const imported = curlToProfile(parseCurlCommand(command), {
    cwd: io.cwd,
    ...(options.name === undefined ? {} : {name: options.name}),
  });
  const outFile = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  const display = outFile === undefined ? 'profile.yaml' : displayPath(outFile, io.cwd);
  const text = profileText(imported, await schemaReference(outFile));
  const problems = imported.problems.length > 0 ? imported.problems : selfCheck(text, display);
  if (problems.length > 0) {
    io.stderr(`${problems.map((problem) => `import-curl: ${problem}`).join('\n')}\n`);
    return 2;
  }
  if (outFile !== undefined && (await exists(outFile))) {
    io.stderr(`import-curl: ${display} already exists; choose another --out or remove it\n`);
    return 2;
  }

  const dropped = imported.droppedHeaders ?? [];
  if (dropped.length > 0) {
    io.stderr(`import-curl: dropped headers that hurt a stream: ${dropped.join(', ')}\n`);
  }
  const stream = (imported.profile.streams as Array<Record<string, unknown>>)[0] ?? {};
  const summary = `stream "${imported.streamName}": ${String(stream.method)} ${redactUrl(String(stream.url))}`;
  const hints = variableHints(imported, outFile === undefined ? undefined : dirname(display));
  if (outFile === undefined) {
    io.stdout(text);
    io.stderr([`# ${summary}`, ...hints.map((hint) => `# ${hint}`)].join('\n') + '\n');
    return 0;
  }
  await mkdir(dirname(outFile), {recursive: true});
  await writeFile(outFile, text, {flag: 'wx'});
  io.stdout(
    [`wrote ${display} (${summary})`, ...hints, `Run it: ssedeck --profile ${display}`].join('\n') +
      '\n',
  );
  return 0;
}
