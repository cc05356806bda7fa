import {startRecordingServer, type ServedStream} from '../demo/recording-server.js';
import {RecordingError} from '../core/recording/load.js';
import {sanitize} from '../core/sanitize.js';
import {SIGNAL_EXIT_CODES} from '../headless/run-until-done.js';
import type {Flags} from './flags.js';
import type {CliIo} from './main.js';
import {parseSpeed} from './replay.js';
import {openFile} from './replay-sources.js';
import {UsageError} from './usage-error.js';

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'stream';

/** The path of each stream: its recorded URL's path when that is free, else /streams/NAME. */
function pathsOf(names: readonly string[], urls: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, index) => {
    let path = '';
    try {
      path = new URL(urls[index] ?? '').pathname;
    } catch {
      // No URL (a raw capture) or one redacted beyond parsing.
    }
    if (path === '' || path === '/' || taken.has(path)) path = `/streams/${slug(name)}`;
    for (let copy = 2; taken.has(path); copy++) path = `/streams/${slug(name)}-${copy}`;
    taken.add(path);
    return path;
  });
}

/**
 * `ssedeck serve --recording FILE`: every recorded stream as a live SSE
 * endpoint (GET, and POST for LLM streams), until SIGINT/SIGTERM.
 */
export async function runServeRecording(
  file: string,
  flags: Flags,
  port: number | undefined,
  io: CliIo,
): Promise<number> {
  if (file === '') throw new UsageError('--recording: expected a file name');
  const speed = parseSpeed(flags.speed);
  const warn = (line: string) => io.stderr.write(`ssedeck: serve: ${sanitize(line)}\n`);
  let streams;
  try {
    streams = openFile(file, io.cwd, {}, warn);
  } catch (error) {
    if (error instanceof RecordingError) throw new UsageError(`serve: ${error.message}`);
    if (error instanceof UsageError)
      throw new UsageError(error.message.replace(/^replay:/, 'serve:'));
    throw error;
  }
  if (streams.length === 0) throw new UsageError(`serve: ${file} holds no streams`);
  const paths = pathsOf(
    streams.map((stream) => stream.header.name),
    streams.map((stream) => stream.header.url),
  );
  const served: ServedStream[] = streams.map((stream, index) => ({
    name: stream.header.name,
    path: paths[index] ?? '/',
    source: stream.source(undefined),
  }));
  const host = flags.host ?? '127.0.0.1';
  let server;
  try {
    server = await startRecordingServer(served, {
      host,
      port: port ?? 0,
      speed,
      loop: flags.loop,
      onError: warn,
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UsageError(`serve: cannot listen on ${host}:${port ?? 0} (${code})`);
  }
  io.stdout.write(`${server.url}\n`);
  for (const [index, stream] of streams.entries()) {
    const method = stream.header.method === 'POST' ? 'POST' : 'GET ';
    io.stderr.write(`  ${method} ${server.url}${paths[index]}  ${sanitize(stream.header.name)}\n`);
  }
  io.stderr.write(`ssedeck: serving ${sanitize(file)}; Ctrl-C stops it\n`);
  const code = await new Promise<number>((resolve) => {
    io.signals.once('SIGINT', () => resolve(SIGNAL_EXIT_CODES.SIGINT));
    io.signals.once('SIGTERM', () => resolve(SIGNAL_EXIT_CODES.SIGTERM));
  });
  await server.close();
  return code;
}
