import {readFile} from 'node:fs/promises';
import {dirname, isAbsolute, join, relative} from 'node:path';
import type {StreamSpec} from '../core/stream-spec.js';
import {streamSpecSchema} from '../core/stream-spec.js';
import {ENV_FILE_NAME, readEnvFileBeside} from './env-file.js';
import type {IssueProblem} from './format-issues.js';
import {zodErrorToProblems} from './format-issues.js';
import type {UnsetMode, VariableLookup} from './interpolate.js';
import {interpolate} from './interpolate.js';
import {findLiteralSecrets} from './literal-secrets.js';
import type {Locator} from './parse-document.js';
import {parseProfileText, profileFormat} from './parse-document.js';
import type {AnswerPreset} from '../core/answer/answer-preset.js';
import type {ViewMode} from './profile-schema.js';
import {duplicateStreamNames} from './profile-schema.js';
import type {Problem} from './problems.js';
import {formatProblem} from './problems.js';
import type {MergedStream} from './validate-profile.js';
import {originOfStreamField, validateProfileData} from './validate-profile.js';

export type LoadedStream = {
  readonly spec: StreamSpec;
  readonly answer?: AnswerPreset;
  readonly view?: ViewMode;
  readonly bufferSize?: number;
  /** Dashboard: false waits READY for Enter or r (default true). */
  readonly autostart?: boolean;
  /** Dashboard: false keeps Y and C off the clipboard (default true). */
  readonly osc52?: boolean;
  /** `file` is absolute; `profile` is the profile's name. */
  readonly source: {readonly file: string; readonly profile: string};
};

export type LoadedProfile = {
  readonly name: string;
  readonly description?: string;
  /** Absolute path. */
  readonly file: string;
  /** The path as shown in messages: relative to the working directory when inside it. */
  readonly displayFile: string;
  readonly streams: LoadedStream[];
};

export type FileLoadResult =
  | {readonly ok: true; readonly profile: LoadedProfile; readonly warnings: readonly string[]}
  | {
      readonly ok: false;
      readonly problems: readonly string[];
      readonly warnings: readonly string[];
      /** Variables the file needs that are not set (also in `problems`). */
      readonly missingVariables: readonly string[];
      /** Setting `missingVariables` is all it takes to fix the file. */
      readonly onlyMissingVariables: boolean;
    };

export type ProfileSource = {
  readonly file: string;
  readonly displayFile: string;
  readonly text: string;
};

export type VariableSource = {
  readonly lookup: VariableLookup;
  readonly missingHint: string;
  /** `warn`: unset variables are warnings, not problems (default `error`). */
  readonly unset?: UnsetMode;
};

const tokenFields = new Set(['token', 'auth_token']);

/** A field that carries a credential: an auth token, or an Authorization header. */
function isTokenField(path: readonly (string | number)[]): boolean {
  const last = path.at(-1);
  if (typeof last !== 'string') return false;
  return (
    tokenFields.has(last) || (path.at(-2) === 'headers' && last.toLowerCase() === 'authorization')
  );
}

export function displayPath(file: string, cwd: string): string {
  const fromCwd = relative(cwd, file);
  return fromCwd === '' || fromCwd.startsWith('..') || isAbsolute(fromCwd) ? file : fromCwd;
}

/** Adds file positions and sorts by them, so problems read top to bottom. */
function locateAll(
  problems: readonly IssueProblem[],
  locate: Locator,
): Array<Problem & IssueProblem> {
  const located = problems.map((problem) => ({
    ...problem,
    ...locate(problem.path, problem.key ? 'key' : 'value'),
  }));
  const position = (problem: Problem) => (problem.line ?? 0) * 1e6 + (problem.column ?? 0);
  return located.sort((a, b) => position(a) - position(b));
}

function toLoadedStream(
  spec: StreamSpec,
  merged: MergedStream,
  source: LoadedStream['source'],
): LoadedStream {
  return {
    spec,
    ...(merged.answer === undefined ? {} : {answer: merged.answer}),
    ...(merged.view === undefined ? {} : {view: merged.view}),
    ...(merged.bufferSize === undefined ? {} : {bufferSize: merged.bufferSize}),
    ...(merged.autostart === undefined ? {} : {autostart: merged.autostart}),
    ...(merged.osc52 === undefined ? {} : {osc52: merged.osc52}),
    source,
  };
}

function literalSecretWarnings(source: ProfileSource, raw: unknown, locate: Locator): string[] {
  const envFile = join(dirname(source.displayFile), ENV_FILE_NAME);
  return findLiteralSecrets(raw).map(
    ({path, suggestion}) =>
      'warning: ' +
      formatProblem(source.displayFile, {
        path,
        ...locate(path),
        message: `literal secret in the profile; use a variable instead, e.g. "${suggestion}", set in the environment or in ${envFile}`,
      }),
  );
}

/** Parses, interpolates, validates and fills defaults: the whole pipeline for one profile text. */
export function loadProfileText(source: ProfileSource, variables: VariableSource): FileLoadResult {
  const fail = (
    problems: ReadonlyArray<Problem & {missingVariable?: string}>,
    warnings: readonly string[] = [],
  ): FileLoadResult => {
    const missing = problems.flatMap((problem) => problem.missingVariable ?? []);
    return {
      ok: false,
      problems: problems.map((problem) => formatProblem(source.displayFile, problem)),
      warnings,
      missingVariables: [...new Set(missing)],
      onlyMissingVariables: missing.length > 0 && missing.length === problems.length,
    };
  };
  const parsed = parseProfileText(source.text, profileFormat(source.file));
  if (!parsed.ok) return fail(parsed.problems);
  const {locate} = parsed;
  const filled = interpolate(
    parsed.data,
    variables.lookup,
    variables.missingHint,
    variables.unset ?? 'error',
  );
  const warn = (problem: Problem) => 'warning: ' + formatProblem(source.displayFile, problem);
  const emptyTokens = filled.empty
    .filter(({path}) => isTokenField(path))
    .map(({path, name}) => ({path, message: `variable ${name} is set but empty (an empty token)`}));
  const warnings = [
    ...literalSecretWarnings(source, parsed.data, locate),
    ...locateAll([...filled.unset, ...emptyTokens], locate).map(warn),
  ];

  const validated = validateProfileData(filled.data);
  const structural = validated.ok ? [] : validated.problems;
  const problems = [...filled.problems, ...structural];
  if (!validated.ok || problems.length > 0) return fail(locateAll(problems, locate), warnings);

  const {profile} = validated;
  const streams: LoadedStream[] = [];
  const specProblems: IssueProblem[] = duplicateStreamNames(profile.streams);
  validated.streams.forEach((merged, index) => {
    const {
      answer: _answer,
      view: _view,
      bufferSize: _bufferSize,
      autostart: _autostart,
      osc52: _osc52,
      ...specInput
    } = merged;
    const result = streamSpecSchema.safeParse(specInput);
    if (result.success) {
      streams.push(toLoadedStream(result.data, merged, {file: source.file, profile: profile.name}));
      return;
    }
    for (const problem of zodErrorToProblems(result.error, specInput)) {
      specProblems.push({...problem, path: originOfStreamField(profile, index, problem.path)});
    }
  });
  if (specProblems.length > 0) return fail(locateAll(specProblems, locate), warnings);

  return {
    ok: true,
    profile: {
      name: profile.name,
      ...(profile.description === undefined ? {} : {description: profile.description}),
      file: source.file,
      displayFile: source.displayFile,
      streams,
    },
    warnings,
  };
}

export type LoadContext = {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
};

function unreadable(displayFile: string, error: unknown): FileLoadResult {
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`;
  return {
    ok: false,
    problems: [`${displayFile}: ${reason}`],
    warnings: [],
    missingVariables: [],
    onlyMissingVariables: false,
  };
}

/**
 * Loads one profile file. Variables come from the environment first, then from
 * the `.env` beside the file (the environment wins, as with dotenv and Compose).
 */
export async function loadProfileFile(
  file: string,
  context: LoadContext,
  unset: UnsetMode = 'error',
): Promise<FileLoadResult> {
  const displayFile = displayPath(file, context.cwd);
  const envFilePath = join(dirname(displayFile), ENV_FILE_NAME);
  let text: string;
  let envFile: Record<string, string>;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return unreadable(displayFile, error);
  }
  try {
    envFile = await readEnvFileBeside(dirname(file));
  } catch (error) {
    return unreadable(envFilePath, error);
  }
  return loadProfileText(
    {file, displayFile, text},
    {
      lookup: (name) => context.env[name] ?? envFile[name],
      missingHint: `set it in the environment or in ${envFilePath}`,
      unset,
    },
  );
}
