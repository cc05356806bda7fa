import {dirname, join, resolve} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {createRedactor, secretsOfSpec, type Redactor} from '../core/redact.js';
import {ENV_FILE_NAME} from '../profiles/env-file.js';
import type {ReloadSource} from '../ui/reload/dashboard-reload.js';
import {dashboardOptionsOf, reloadSource} from './reload-source.js';
import {sanitize} from '../core/sanitize.js';
import {SseStream} from '../core/sse-stream.js';
import {resolveStreamSpec, type StreamSpecInput} from '../core/stream-spec.js';
import {startDemoServer, type DemoServer} from '../demo/server.js';
import {createLineWriter} from '../headless/line-writer.js';
import {runAnswerText} from '../headless/run-answer-text.js';
import {findingPrinter} from '../headless/finding-lines.js';
import {formatResponseHead} from '../headless/response-head.js';
import {openRecorder, type Recorder} from '../headless/recorder.js';
import {runHeadless, type RunTimelineOutput} from '../headless/run-headless.js';
import {localeIsUtf8} from '../headless/run-timeline.js';
import {shippedExamplesDir} from '../profiles/resolve.js';
import {loadProfiles, selectStreams, type LoadedStream} from '../profiles/load.js';
import type {CommandLine} from './flags.js';
import {reportDashboardResult} from './dashboard-result.js';
import type {CliIo} from './main.js';
import {parseCount, parsePingWait} from './parse-values.js';
import type {RunCheckOptions} from '../core/dify-run/index.js';
import {profileRequestFlags} from './profile-overrides.js';
import {connectionOverrides, requestFlagsOf, specsFromUrls} from './specs-from-flags.js';
import {buildStreamSetups, type StreamSetup} from './stream-setups.js';
import {openRecording} from './record-option.js';
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

/** What the headless modes share: where to write, the redactor, and -i/-v. */
type HeadlessOutput = {
  readonly io: CliIo;
  readonly redact: Redactor;
  readonly includeHeaders: boolean;
  /** -v: diagnostics findings on stderr as they are made. */
  readonly findings: boolean;
  /** --record FILE. */
  readonly recorder?: Recorder | undefined;
  /** --run (or --answer -v): the Dify run timeline on stderr. */
  readonly runTimeline: RunTimelineOutput | undefined;
  /** How the summary's Dify run checks judge (--ping-wait). */
  readonly runCheckOptions: RunCheckOptions;
};

/** Where `--run` prints: stderr, with ASCII marks when the locale is not UTF-8. */
export function runTimelineOutput(
  on: boolean,
  io: CliIo,
  pingWaitMs?: number,
): RunTimelineOutput | undefined {
  if (!on) return undefined;
  // A reader of stderr that goes away (`2>&1 >out | head`) ends the timeline, not the streams.
  let closed = false;
  io.stderr.on('error', () => {
    closed = true;
  });
  return {
    write: (text) => {
      if (!closed && !io.stderr.destroyed) io.stderr.write(text);
    },
    ascii: !localeIsUtf8(io.env),
    sharesTerminal: Boolean(io.stdout.isTTY && io.stderr.isTTY),
    ...(pingWaitMs === undefined ? {} : {pingWaitMs}),
  };
}

/** A one-line warning on stderr for each stream that does not check TLS certificates. */
function warnInsecure(setups: readonly StreamSetup[], io: CliIo, redact: Redactor): void {
  for (const {spec} of setups) {
    if (!spec.insecure) continue;
    const line = `${spec.name}: TLS certificate checks are off (--insecure / insecure: true)`;
    io.stderr.write(`ssedeck: warning: ${sanitize(redact(line))}\n`);
  }
}

function headlessStreams(
  setups: readonly StreamSetup[],
  waitForConsumer: () => Promise<void> | undefined,
  output: HeadlessOutput,
) {
  const recorder = output.recorder;
  const waitForBoth = recorder
    ? () => waitForConsumer() ?? recorder.waitForDrain()
    : waitForConsumer;
  const streams = setups.map((setup) => {
    const stream = new SseStream(resolveStreamSpec(setup.spec), {waitForConsumer: waitForBoth});
    if (output.includeHeaders) {
      stream.subscribe((record) => {
        if (record.type === 'status' && record.state === 'open') {
          output.io.stderr.write(formatResponseHead(record, output.redact));
        }
      });
    }
    if (output.findings) {
      stream.subscribe(findingPrinter((text) => output.io.stderr.write(text), output.redact));
    }
    return stream;
  });
  recorder?.attach(streams);
  return streams;
}

async function runJsonMode(
  setups: readonly StreamSetup[],
  output: HeadlessOutput,
): Promise<number> {
  const {io, redact} = output;
  const writer = createLineWriter(io.stdout);
  return runHeadless({
    streams: headlessStreams(setups, writer.waitForDrain, output),
    answerPresets: new Map(setups.map((setup) => [setup.spec.name, setup.answer])),
    writer,
    redact,
    signals: io.signals,
    runCheckOptions: output.runCheckOptions,
    ...(output.runTimeline ? {runTimeline: output.runTimeline} : {}),
  });
}

/** `--ping-wait S` as the run checks take it (a bad value is a usage error in every mode). */
export function runCheckOptionsOf(pingWait: string | undefined): RunCheckOptions {
  const pingWaitMs = parsePingWait(pingWait);
  return pingWaitMs === undefined ? {} : {pingWaitMs};
}

async function runAnswerMode(
  setups: readonly StreamSetup[],
  output: HeadlessOutput,
  silent: boolean,
): Promise<number> {
  const {io, redact} = output;
  const writer = createLineWriter(io.stdout);
  return runAnswerText({
    streams: headlessStreams(setups, writer.waitForDrain, output),
    presets: new Map(setups.map((setup) => [setup.spec.name, setup.answer])),
    writer,
    stderr: (line) => io.stderr.write(line),
    redact,
    signals: io.signals,
    silent,
    ...(output.runTimeline ? {runTimeline: output.runTimeline} : {}),
  });
}

async function runDashboardMode(
  setups: readonly StreamSetup[],
  io: CliIo,
  redact: Redactor,
  recorder: Recorder | undefined,
  options: {
    fps: number | undefined;
    bufferSize: number | undefined;
    details: boolean;
    reload: ReloadSource | undefined;
    runCheckOptions: RunCheckOptions;
  },
): Promise<number> {
  const {runDashboard} = await import('../ui/run-dashboard.js');
  const streams = setups.map(
    (setup) =>
      new SseStream(
        resolveStreamSpec(setup.spec),
        // A Dify run paused for human input waits in the pane for its form.
        recorder
          ? {waitForConsumer: recorder.waitForDrain, holdPausedRuns: true}
          : {holdPausedRuns: true},
      ),
  );
  recorder?.attach(streams);
  const result = await runDashboard({
    streams,
    streamOptions: Object.fromEntries(
      setups.map((setup) => [setup.spec.name, dashboardOptionsOf(setup)]),
    ),
    ...(options.reload ? {reload: options.reload} : {}),
    fps: options.fps,
    bufferSize: options.bufferSize,
    details: options.details,
    runCheckOptions: options.runCheckOptions,
    stdout: io.stdout,
    stdin: io.stdin,
    // o / O: a write error ends that recording; the dashboard runs on.
    openRecorder: (path, recorded, onError) =>
      openRecorder(path, recorded, redact, onError, {exclusive: true}),
  });
  return reportDashboardResult(result, io, redact);
}
