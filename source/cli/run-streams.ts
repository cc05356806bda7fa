import {dirname, join, resolve} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {createRedactor, secretsOfSpec, type Redactor} from '../core/redact.js';
import {ENV_FILE_NAME} from '../profiles/env-file.js';
import {reloadSource} from './reload-source.js';
import {sanitize} from '../core/sanitize.js';
import type {StreamSpecInput} from '../core/stream-spec.js';
import {startDemoServer, type DemoServer} from '../demo/server.js';
import type {Recorder} from '../headless/recorder.js';
import {shippedExamplesDir} from '../profiles/resolve.js';
import {loadProfiles, selectStreams, type LoadedStream} from '../profiles/load.js';
import type {CommandLine} from './flags.js';
import type {CliIo} from './main.js';
import {parseCount} from './parse-values.js';
import {profileRequestFlags} from './profile-overrides.js';
import {connectionOverrides, requestFlagsOf, specsFromUrls} from './specs-from-flags.js';
import {buildStreamSetups, type StreamSetup} from './stream-setups.js';
import {openRecording} from './record-option.js';
import {
  runAnswerMode,
  runCheckOptionsOf,
  runDashboardMode,
  runJsonMode,
  runTimelineOutput,
  warnInsecure,
  type HeadlessOutput,
} from './stream-modes.js';
import {UsageError} from './usage-error.js';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const demoProfilePath = `${packageRoot}profiles/demo.yaml`;
const DEMO_PROFILE = 'demo';
/** Shipped profiles whose streams are the embedded demo server's: it starts for them. */
const DEMO_SERVER_PROFILES = new Set(['demo', 'diagnostics', 'dify-run']);

/** `-p diagnostics`, `-p profiles/diagnostics.yaml`: a shipped profile that needs the demo server. */
export function needsDemoServer(ref: string, cwd: string): boolean {
  if (DEMO_SERVER_PROFILES.has(ref)) return true;
  const file = resolve(cwd, ref);
  return [...DEMO_SERVER_PROFILES].some(
    (name) => file === join(shippedExamplesDir, `${name}.yaml`),
  );
}
/** Without a terminal, the demo (no arguments) runs this long unless --max-duration says otherwise. */
export const HEADLESS_DEMO_SECONDS = 10;

/**
 * The main job: streams from profiles and URLs (or the demo when there are
 * neither), run in one of three modes: the dashboard on a terminal, NDJSON
 * (--json, or no terminal), or answer text (--answer).
 */
export async function runStreams(cli: CommandLine, io: CliIo): Promise<number> {
  const {flags} = cli;
  if (flags.json && flags.answer) throw new UsageError('--json and --answer: choose one');
  if (flags.speed !== undefined || flags.loop || flags.rate !== undefined)
    throw new UsageError('--speed, --loop and --rate are options of ssedeck replay');
  if (flags.recording !== undefined)
    throw new UsageError(
      '--recording is an option of ssedeck serve (ssedeck serve --recording FILE)',
    );
  const overrides = connectionOverrides(flags, io.cwd);
  const dumb = io.stdout.isTTY && !canAddressCursor(io.env);
  const headless = flags.json || flags.answer || !io.stdout.isTTY || !io.stdin.isTTY || dumb;
  if (flags.watch && (flags.json || flags.answer)) {
    throw new UsageError('--watch reloads the dashboard; it does not work with --json or --answer');
  }
  if (flags.watch && headless) {
    throw new UsageError('--watch reloads the dashboard, which needs a terminal');
  }
  if (flags.run && !headless) {
    throw new UsageError('--run prints on stderr in headless mode: add --json or --answer');
  }
  const fps = parseCount('--fps', flags.fps, {allowZero: false});
  const bufferSize = parseCount('--buffer-size', flags.bufferSize, {allowZero: false});
  const request = requestFlagsOf(flags, io.cwd);
  const urlInputs = specsFromUrls(cli.input, request, flags.name);
  const profileRequest = profileRequestFlags(request, flags, urlInputs.length);
  if (flags.profile.length === 0 && flags.stream.length > 0 && urlInputs.length > 0) {
    throw new UsageError('--stream picks streams of loaded profiles; give --profile too');
  }
  // No arguments, or `-p demo`: the packaged demo profile against the embedded demo server.
  const isBareDemo = urlInputs.length === 0 && flags.profile.length === 0;
  if (flags.watch && !isBareDemo && flags.profile.length === 0) {
    throw new UsageError('--watch watches the files of --profile, and none was given');
  }
  const isDemo = isBareDemo || flags.profile.some((ref) => needsDemoServer(ref, io.cwd));

  io.setTitle?.(processTitle(flags.profile, urlInputs, isBareDemo));

  let demo: DemoServer | undefined;
  let recorder: Recorder | undefined;
  try {
    let env = io.env;
    if (isDemo) {
      demo = await startDemoServer();
      env = {...env, SSEDECK_DEMO_URL: demo.url};
      if (isBareDemo && headless && !flags.answer) overrides.maxDuration ??= HEADLESS_DEMO_SECONDS;
    }
    const profileRefs = isBareDemo
      ? [demoProfilePath]
      : flags.profile.map((ref) => (ref === DEMO_PROFILE ? demoProfilePath : ref));
    const warn = (line: string) => io.stderr.write(`ssedeck: ${line}\n`);
    const setupsNow = async (warnings: (line: string) => void) => {
      const loaded = await loadStreams(profileRefs, flags.stream, io.cwd, env, warnings);
      const built = buildStreamSetups(loaded.streams, urlInputs, overrides, flags, profileRequest);
      return {setups: built, files: loaded.files};
    };
    const first = await setupsNow(warn);
    let setups = first.setups;
    if (flags.answer) {
      setups = setups.filter((setup) => setup.answer !== 'none');
      if (setups.length === 0) {
        throw new UsageError(
          '--answer: no stream has an answer preset (set one with --answer-preset)',
        );
      }
    }
    const secrets = new Set(setups.flatMap((setup) => secretsOfSpec(setup.spec)));
    let redactNow = createRedactor(secrets);
    // A reload may bring new secrets: everything printed at the end knows them too.
    const redact: Redactor = (text) => redactNow(text);
    const learnSecrets = (more: readonly StreamSetup[]): void => {
      for (const secret of more.flatMap((setup) => secretsOfSpec(setup.spec))) secrets.add(secret);
      redactNow = createRedactor(secrets);
    };
    recorder = openRecording(flags.record, setups, redact, io.cwd, (line) =>
      io.stderr.write(`ssedeck: ${sanitize(redact(line))}\n`),
    );
    const runCheckOptions = runCheckOptionsOf(flags.pingWait);
    const output: HeadlessOutput = {
      io,
      redact,
      recorder,
      includeHeaders: flags.include || flags.verbose,
      findings: flags.verbose,
      runTimeline: runTimelineOutput(
        flags.run || (flags.answer && flags.verbose),
        io,
        runCheckOptions.pingWaitMs,
      ),
      runCheckOptions,
    };
    if (flags.answer || headless) warnInsecure(setups, io, redact);
    if (flags.answer) return await runAnswerMode(setups, output, flags.silent);
    if (headless) {
      if (!flags.json && !flags.silent) {
        const why = dumb
          ? `this terminal (TERM=${sanitize(io.env['TERM'] ?? '')}) cannot draw the dashboard`
          : 'not a terminal';
        io.stderr.write(
          `ssedeck: ${why}, so writing NDJSON records to stdout (--json hides this note)\n`,
        );
      }
      return await runJsonMode(setups, output);
    }
    const reload =
      profileRefs.length === 0
        ? undefined
        : reloadSource({
            // Warnings (literal secrets) were printed at start; the dashboard has no stderr.
            load: async () => (await setupsNow(() => undefined)).setups,
            learnSecrets,
            redact,
            watchedFiles: flags.watch ? first.files : undefined,
          });
    return await runDashboardMode(setups, io, redact, recorder, {
      fps,
      bufferSize,
      details: output.includeHeaders,
      reload,
      runCheckOptions,
    });
  } finally {
    await recorder?.close();
    await demo?.close();
  }
}

/**
 * The dashboard needs cursor addressing; TERM=dumb (or no TERM at all, outside
 * Windows) gets the headless output instead of a broken alternate screen.
 */
export function canAddressCursor(env: Record<string, string | undefined>): boolean {
  if (process.platform === 'win32') return true;
  const term = env['TERM'];
  return term !== undefined && term !== '' && term !== 'dumb';
}

/** What `ps` shows: "ssedeck demo", "ssedeck -p dify-chatflow", "ssedeck example.com". */
export function processTitle(
  profiles: readonly string[],
  urls: readonly StreamSpecInput[],
  isBareDemo: boolean,
): string {
  if (isBareDemo || (profiles.length === 1 && profiles[0] === DEMO_PROFILE && urls.length === 0)) {
    return 'ssedeck demo';
  }
  const hosts = urls.map((input) => {
    try {
      return new URL(input.url).host;
    } catch {
      return '';
    }
  });
  const words = [...profiles.flatMap((ref) => ['-p', ref]), ...new Set(hosts)];
  return titleText(`ssedeck ${words.join(' ')}`);
}

/** One line of plain, visible characters (a title is no place for escapes or secrets). */
export function titleText(text: string): string {
  return sanitize(text)
    .replace(/[^\w .:@/+,=-]/g, '?')
    .slice(0, 80);
}

/** The picked streams of the profiles, and the files they came from (with their .env). */
async function loadStreams(
  refs: readonly string[],
  names: readonly string[],
  cwd: string,
  env: Record<string, string | undefined>,
  warn: (line: string) => void,
): Promise<{streams: LoadedStream[]; files: string[]}> {
  if (refs.length === 0) return {streams: [], files: []};
  const {streams, profiles} = await loadProfiles(refs, {
    cwd,
    env,
    warn,
    examplesDir: shippedExamplesDir,
  });
  const files = profiles.flatMap(({file}) => [file, join(dirname(file), ENV_FILE_NAME)]);
  return {streams: selectStreams(streams, names), files};
}
