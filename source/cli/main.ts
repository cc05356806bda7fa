import {runImportCurl, runProfilesList, runProfilesValidate} from '../profiles/commands.js';
import {ProfileError} from '../profiles/problems.js';
import {findUnknownFlag, parseCommandLine, type CommandLine} from './flags.js';
import {runServe} from './serve.js';
import {runStreams} from './run-streams.js';
import {EXIT_USAGE, UsageError} from './usage-error.js';

export type CliIo = {
  readonly argv: readonly string[];
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
  readonly signals: NodeJS.EventEmitter;
};

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
