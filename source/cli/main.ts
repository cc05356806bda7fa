import {fileURLToPath} from 'node:url';
import {sanitize} from '../core/sanitize.js';
import {createRedactor, secretsOfSpec, type Redactor} from '../core/redact.js';
import {SseStream} from '../core/sse-stream.js';
import {resolveStreamSpec, type StreamSpec} from '../core/stream-spec.js';
import {startDemoServer, type DemoServer} from '../demo/server.js';
import {createLineWriter} from '../headless/line-writer.js';
import {runHeadless} from '../headless/run-headless.js';
import {runImportCurl, runProfilesList, runProfilesValidate} from '../profiles/commands.js';
import {loadProfiles, selectStreams} from '../profiles/load.js';
import {ProfileError} from '../profiles/problems.js';
import {findUnknownFlag, parseCommandLine, type CommandLine} from './flags.js';
import {parseCount} from './parse-values.js';
import {runServe} from './serve.js';
import {connectionOverrides, specsFromUrls} from './specs-from-flags.js';
import {formatSummaryLines} from './summary-lines.js';
import {EXIT_USAGE, UsageError} from './usage-error.js';
import {validateSpecs} from './validate-specs.js';

export type CliIo = {
  readonly argv: readonly string[];
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  readonly signals: NodeJS.EventEmitter;
};

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const demoProfilePath = `${packageRoot}profiles/demo.yaml`;
/** Without a terminal, the demo (no arguments) runs this long unless --max-duration says otherwise. */
export const HEADLESS_DEMO_SECONDS = 10;

/** Runs the command line; returns the exit code. Usage and profile errors become one stderr line each. */
export async function main(io: CliIo): Promise<number> {
  try {
    const unknown = findUnknownFlag(io.argv);
    if (unknown) throw new UsageError(`unknown flag ${unknown} (see ssedeck --help)`);
    const cli = parseCommandLine(io.argv);
    return await dispatch(cli, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ProfileError) {
      io.stderr.write(`ssedeck: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

async function dispatch(cli: CommandLine, io: CliIo): Promise<number> {
  const [command, ...rest] = cli.input;
  const commandIo = {
    stdout: (text: string) => io.stdout.write(text),
    stderr: (text: string) => io.stderr.write(text),
    cwd: io.cwd,
    env: io.env,
  };
  switch (command) {
    case 'serve':
      if (rest.length > 0) throw new UsageError(`serve: unexpected argument "${rest[0]}"`);
      return runServe(cli.flags, io);
    case 'profiles':
      if (rest[0] === 'validate') return runProfilesValidate(rest.slice(1), commandIo);
      if (rest.length > 0)
        throw new UsageError(`profiles: unknown subcommand "${rest[0]}" (try: profiles validate)`);
      return runProfilesList(commandIo);
    case 'import-curl': {
      if (rest.length !== 1) {
        throw new UsageError(
          "import-curl: expected one quoted curl command, e.g. ssedeck import-curl 'curl -N https://...'",
        );
      }
      if (cli.flags.name.length > 1) throw new UsageError('import-curl: --name is given once');
      return runImportCurl(rest[0] ?? '', {name: cli.flags.name[0], out: cli.flags.out}, commandIo);
    }
    default:
      return runStreams(cli, io);
  }
}

async function runStreams(cli: CommandLine, io: CliIo): Promise<number> {
  const {flags} = cli;
  const overrides = connectionOverrides(flags);
  const headless = flags.json || !io.stdout.isTTY || !io.stdin.isTTY;
  const fps = parseCount('--fps', flags.fps, {allowZero: false});
  const bufferSize = parseCount('--buffer-size', flags.bufferSize, {allowZero: false});
  const urlInputs = specsFromUrls(cli.input, flags, io.cwd);
  const isDemo = urlInputs.length === 0 && flags.profile.length === 0;

  let demo: DemoServer | undefined;
  try {
    let env = io.env;
    if (isDemo) {
      demo = await startDemoServer();
      env = {...env, SSEDECK_DEMO_URL: demo.url};
      if (headless && overrides.maxDuration === undefined)
        overrides.maxDuration = HEADLESS_DEMO_SECONDS;
    }
    const profileRefs = isDemo ? [demoProfilePath] : flags.profile;
    const loaded =
      profileRefs.length === 0
        ? []
        : selectStreams(
            (
              await loadProfiles(profileRefs, {
                cwd: io.cwd,
                env,
                warn: (line) => io.stderr.write(`ssedeck: ${line}\n`),
              })
            ).streams,
            flags.stream,
          );
    if (profileRefs.length === 0 && flags.stream.length > 0) {
      throw new UsageError('--stream picks streams of loaded profiles; give --profile too');
    }
    const specs = validateSpecs([
      ...loaded.map((stream) => ({...stream.spec, ...overrides})),
      ...urlInputs.map((input) => ({...input, ...overrides})),
    ]);
    const redact = createRedactor(specs.flatMap(secretsOfSpec));
    if (headless) {
      if (!flags.json) {
        io.stderr.write(
          'ssedeck: not a terminal, so writing NDJSON records to stdout (--json hides this note)\n',
        );
      }
      return await runHeadlessStreams(specs, io, redact);
    }
    const {runDashboard} = await import('../ui/run-dashboard.js');
    const streams = specs.map((spec) => new SseStream(resolveStreamSpec(spec)));
    const result = await runDashboard({
      streams,
      fps,
      bufferSize,
      stdout: io.stdout,
      stdin: io.stdin,
    });
    if (result.summaries.length > 0) {
      io.stdout.write(`${formatSummaryLines(result.summaries, redact)}\n`);
    }
    if (result.error !== undefined) {
      const message = result.error instanceof Error ? result.error.message : String(result.error);
      io.stderr.write(`ssedeck: the dashboard crashed: ${sanitize(redact(message))}\n`);
    }
    return result.exitCode;
  } finally {
    await demo?.close();
  }
}

async function runHeadlessStreams(
  specs: readonly StreamSpec[],
  io: CliIo,
  redact: Redactor,
): Promise<number> {
  const writer = createLineWriter(io.stdout);
  const streams = specs.map(
    (spec) => new SseStream(resolveStreamSpec(spec), {waitForConsumer: writer.waitForDrain}),
  );
  return runHeadless({streams, writer, redact, signals: io.signals});
}
