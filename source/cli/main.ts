import {
  runImportCurl,
  runProfilesInit,
  runProfilesList,
  runProfilesValidate,
} from '../profiles/commands.js';
import {shippedExamplesDir} from '../profiles/resolve.js';
import {TlsConfigError} from '../core/tls-config.js';
import {ProfileError} from '../profiles/problems.js';
import {sanitize} from '../core/sanitize.js';
import {parseCommandLine, type CommandLine} from './flags.js';
import {commandHelp, commandNames, mainHelp} from './help-text.js';
import {runServe} from './serve.js';
import {runStreams} from './run-streams.js';
import {didYouMean} from './suggest.js';
import {EXIT_USAGE, UsageError} from './usage-error.js';
import {packageVersion} from './version.js';

export type CliIo = {
  readonly argv: readonly string[];
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  readonly signals: NodeJS.EventEmitter;
  /** Names the process in ps/top (process.title in the CLI). */
  readonly setTitle?: (title: string) => void;
};

/** Runs the command line; returns the exit code. Usage and profile errors become one stderr line each. */
export async function main(io: CliIo): Promise<number> {
  try {
    const cli = parseCommandLine(io.argv);
    return await dispatch(cli, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof ProfileError ||
      error instanceof TlsConfigError
    ) {
      const lines = error instanceof ProfileError ? error.lines : [error.message];
      for (const line of lines) io.stderr.write(`ssedeck: ${sanitize(line)}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** A first word that is neither a command nor shaped like a URL is a mistyped command. */
export function looksLikeUrl(word: string): boolean {
  return !/^[a-z][a-z-]*$/.test(word) || word === 'localhost';
}

/** The hidden callback of the completion scripts: `ssedeck __complete profiles|streams ...`. */
const COMPLETE_COMMAND = '__complete';
const PROFILES_SUBCOMMANDS = ['validate', 'init'];

function printHelp(io: CliIo, command?: string): number {
  io.stdout.write(command === undefined ? mainHelp : (commandHelp[command] ?? mainHelp));
  return 0;
}

async function dispatch(cli: CommandLine, io: CliIo): Promise<number> {
  const [command, ...rest] = cli.input;
  const known = command !== undefined && commandNames.includes(command);
  if (command === COMPLETE_COMMAND) {
    const {runComplete} = await import('./completion.js');
    return runComplete(rest, cli.flags, io);
  }
  if (command !== undefined && !known && !looksLikeUrl(command)) {
    throw new UsageError(
      `unknown command "${command}"${didYouMean(command, commandNames)} (see ssedeck --help)`,
    );
  }
  if (cli.flags.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (cli.flags.help) return printHelp(io, known ? command : undefined);
  const commandIo = {
    stdout: (text: string) => io.stdout.write(text),
    stderr: (text: string) => io.stderr.write(text),
    cwd: io.cwd,
    env: io.env,
    examplesDir: shippedExamplesDir,
  };
  switch (command) {
    case 'help': {
      const topic = rest[0];
      if (topic !== undefined && !commandNames.includes(topic)) {
        throw new UsageError(
          `help: no command "${topic}"${didYouMean(topic, commandNames)} (commands: ${commandNames.join(', ')})`,
        );
      }
      return printHelp(io, topic);
    }
    case 'serve':
      if (rest.length > 0) throw new UsageError(`serve: unexpected argument "${rest[0]}"`);
      return runServe(cli.flags, io);
    case 'profiles':
      if (rest[0] === 'init') {
        if (rest.length > 2)
          throw new UsageError(`profiles init: unexpected argument "${rest[2]}"`);
        return runProfilesInit(rest[1], commandIo);
      }
      if (rest[0] === 'validate')
        return runProfilesValidate(rest.slice(1), commandIo, {strict: cli.flags.strict});
      if (rest.length > 0)
        throw new UsageError(
          `profiles: unknown subcommand "${rest[0]}"${didYouMean(rest[0] ?? '', PROFILES_SUBCOMMANDS)} (try: profiles validate)`,
        );
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
    case 'replay': {
      const {runReplay} = await import('./replay.js');
      return runReplay(rest, cli, io);
    }
    case 'diff': {
      const {runDiff} = await import('./diff.js');
      return runDiff(rest, io);
    }
    case 'completion': {
      const {runCompletion} = await import('./completion.js');
      return runCompletion(rest, io);
    }
    default:
      return runStreams(cli, io);
  }
}
