import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Socket} from 'node:net';
import {clampDelay} from '../core/backoff.js';
import type {RecordSource} from '../core/recording/record-source.js';
import type {StreamRecord} from '../core/records.js';
import {MAX_DURATION_MS} from '../core/stream-spec.js';

/** One recorded stream served at `path`. */
export type ServedStream = {
  readonly name: string;
  readonly path: string;
  readonly source: RecordSource;
};

export type RecordingServerOptions = {
  readonly host: string;
  readonly port: number;
  /** 2 = twice as fast; Infinity = no waiting. */
  readonly speed: number;
  /** Start over after the last record, on the same connection. */
  readonly loop: boolean;
  /** A bad line met while serving (file:line: why). */
  readonly onError: (message: string) => void;
};

export type RecordingServer = {
  readonly url: string;
  close(): Promise<void>;
};

/** A field value on one line: CR and LF would end the field (SSE splits on both). */
const oneLine = (text: string) => text.replace(/[\r\n]/g, ' ');

/** The SSE text of one recorded event; `id` only when it changed (or a resume needs it). */
function eventText(record: StreamRecord & {type: 'event'}, lastId: string | undefined): string {
  let text = record.eventType === 'message' ? '' : `event: ${oneLine(record.eventType)}\n`;
  for (const line of record.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  if (record.eventId !== lastId) text += `id: ${oneLine(record.eventId)}\n`;
  return `${text}\n`;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, clampDelay(ms, MAX_DURATION_MS, 0));
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Plays one connection: the stream's events from the start, or from the
 * first event after `resumeAfter` (a Last-Event-ID), with the recorded
 * pacing; a recorded reconnect ends the response with the recorded delay as
 * `retry:`, so the client comes back with Last-Event-ID, and a recorded
 * pause (a Dify run waiting for human input) ends it as Dify did. Resolves
 * when done.
 */
async function play(
  stream: ServedStream,
  res: ServerResponse,
  resumeAfter: string | undefined,
  options: RecordingServerOptions,
  signal: AbortSignal,
): Promise<void> {
  const paced = Number.isFinite(options.speed) && options.speed > 0;
  let skipping = resumeAfter !== undefined && resumeAfter !== '';
  let lastId: string | undefined = skipping ? resumeAfter : '';
  for (;;) {
    let first: number | undefined;
    const began = Date.now();
    let sent = 0;
    for await (const batch of stream.source((offset) => offset)) {
      for (const record of batch) {
        if (signal.aborted) return;
        if (skipping) {
          if (record.type === 'event' && record.eventId === resumeAfter) skipping = false;
          continue;
        }
        // A resumed connection begins at its first event, not at the drop that preceded it.
        const ends =
          record.type === 'status' &&
          (record.state === 'reconnecting' || record.state === 'waiting');
        if (record.type === 'status' && (sent === 0 || !ends)) continue;
        if (record.type !== 'event' && record.type !== 'keepalive' && record.type !== 'status')
          continue;
        first ??= record.timestamp;
        if (paced) {
          const wait = (record.timestamp - first) / options.speed - (Date.now() - began);
          if (wait >= 1) await sleep(wait, signal);
          if (signal.aborted) return;
        }
        if (record.type === 'event') {
          res.write(eventText(record, lastId));
          lastId = record.eventId;
          sent++;
        } else if (record.type === 'keepalive') {
          res.write(`: ${oneLine(record.kind)}\n\n`);
        } else if (record.state === 'reconnecting') {
          const retry = paced ? Math.round(record.delayMs / options.speed) : 1;
          res.end(`retry: ${Math.max(1, retry)}\n\n`);
          return;
        } else if (record.state === 'waiting') {
          // A Dify run paused for human input: the server ended the stream there.
          res.end();
          return;
        }
      }
    }
    if (skipping) {
      // The id is not in the recording: serve it from its start.
      skipping = false;
      continue;
    }
    if (!options.loop || signal.aborted || sent === 0) break;
  }
  res.end();
}

/** Serves each stream of a recording as a live SSE endpoint (GET, or POST for LLM streams). */
export async function startRecordingServer(
  streams: readonly ServedStream[],
  options: RecordingServerOptions,
): Promise<RecordingServer> {
  const byPath = new Map(streams.map((stream) => [stream.path, stream]));
  const controllers = new Set<AbortController>();
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://recording.invalid').pathname;
    const stream = byPath.get(path);
    if (!stream) {
      res.writeHead(404, {'Content-Type': 'application/json'});
      res.end(JSON.stringify({error: 'not_found', paths: [...byPath.keys()]}));
      return;
    }
    req.resume();
    const controller = new AbortController();
    controllers.add(controller);
    res.on('close', () => controller.abort());
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.flushHeaders();
    const header = req.headers['last-event-id'];
    const resumeAfter = Array.isArray(header) ? header[0] : header;
    play(stream, res, resumeAfter, options, controller.signal)
      .catch((error: unknown) => {
        options.onError(error instanceof Error ? error.message : String(error));
        res.end();
      })
      .finally(() => controllers.delete(controller));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    async close() {
      for (const controller of controllers) controller.abort();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
