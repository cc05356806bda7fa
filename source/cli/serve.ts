import {DEMO_ROUTES, startDemoServer} from '../demo/server.js';
import {SIGNAL_EXIT_CODES} from '../headless/run-until-done.js';
import type {Flags} from './flags.js';
import type {CliIo} from './main.js';
import {parseCount} from './parse-values.js';
import {UsageError} from './usage-error.js';

/** `ssedeck serve`: the demo server alone, until SIGINT/SIGTERM (exit 130/143). Prints its base URL first. */
export async function runServe(flags: Flags, io: CliIo): Promise<number> {
  io.setTitle?.('ssedeck serve');
  const port = parseCount('--port', flags.port, {allowZero: true});
  if (port !== undefined && port > 65_535)
    throw new UsageError(`--port: expected 0-65535, got "${flags.port}"`);
  if (flags.recording !== undefined) {
    const {runServeRecording} = await import('./serve-recording.js');
    return runServeRecording(flags.recording, flags, port, io);
  }
  if (flags.speed !== undefined || flags.loop)
    throw new UsageError('serve: --speed and --loop go with --recording FILE');
  let server;
  try {
    server = await startDemoServer({host: flags.host ?? '127.0.0.1', port: port ?? 0});
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(
      `serve: cannot listen on ${flags.host ?? '127.0.0.1'}:${port ?? 0} (${code})`,
    );
  }
  io.stdout.write(`${server.url}\n`);
  for (const {method, path, description} of DEMO_ROUTES) {
    io.stderr.write(`  ${method.padEnd(4)} ${server.url}${path}  ${description}\n`);
  }
  io.stderr.write('ssedeck: demo server running; Ctrl-C stops it\n');
  const code = await new Promise<number>((resolve) => {
    io.signals.once('SIGINT', () => resolve(SIGNAL_EXIT_CODES.SIGINT));
    io.signals.once('SIGTERM', () => resolve(SIGNAL_EXIT_CODES.SIGTERM));
  });
  await server.close();
  return code;
}
