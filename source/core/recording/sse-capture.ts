import {createReadStream} from 'node:fs';
import {copyString} from '../copy-string.js';
import {createSseDecoder, SseBufferOverflowError} from '../sse-decoder.js';
import type {StreamRecord} from '../records.js';
import {DEFAULT_MAX_BUFFER_SIZE} from '../stream-spec.js';
import {READ_CHUNK_BYTES} from './line-batches.js';
import {RecordingError} from './load.js';
import type {RecordSource} from './record-source.js';
import {ReplayTally} from './replay-tally.js';

/** Events per second of a raw capture without --rate. */
export const DEFAULT_CAPTURE_RATE = 10;

export type CaptureSourceOptions = {
  /** The capture file. */
  readonly path: string;
  /** The stream's name (the file's name). */
  readonly name: string;
  /** Names the file in messages. */
  readonly label: string;
  /** Events per second (default DEFAULT_CAPTURE_RATE). */
  readonly rate?: number;
  /**
   * Bare `data:` lines with no blank line between them (copied from a
   * browser's EventStream tab): every line ends an event.
   */
  readonly dataLines: boolean;
};

/**
 * True when `start` (the first chunk of a capture) has no blank line: a file
 * of bare `data:` lines, one event per line, rather than what `curl -N` wrote.
 */
export function looksLikeDataLines(start: Buffer): boolean {
  return !/\r?\n\r?\n|\r\r/.test(start.toString('utf8'));
}

/** Every line end doubled, so that each line is an event of its own. */
function splitEveryLine(chunk: Buffer): Buffer {
  return Buffer.from(chunk.toString('latin1').replace(/\r?\n|\r/g, '\n\n'), 'latin1');
}

/**
 * A raw SSE capture (what `curl -sN URL > file` writes) as the records of one
 * stream, decoded by the engine's own decoder and paced evenly: event n
 * comes at n / rate seconds. The file is read as a stream, a chunk at a
 * time, so memory stays at about one chunk whatever its size.
 */
export function captureSource(options: CaptureSourceOptions): RecordSource {
  const {path, name, label, dataLines} = options;
  const step = 1000 / (options.rate ?? DEFAULT_CAPTURE_RATE);
  return async function* (shift) {
    let bytes = 0;
    let count = 0;
    let at = 0;
    let batch: StreamRecord[] = [];
    const tally = new ReplayTally(name, 0);
    const push = (record: StreamRecord) => {
      tally.add(record);
      batch.push({...record, timestamp: shift(record.timestamp)});
    };
    const base = () => ({stream: name, bytesReceived: bytes, timestamp: at});
    push({...base(), type: 'status', state: 'connecting', attempt: 1});
    push({
      ...base(),
      type: 'status',
      state: 'open',
      attempt: 1,
      httpStatus: 200,
      contentType: 'text/event-stream',
      headersMs: 0,
      headers: {},
    });
    const decoder = createSseDecoder(
      {
        onEvent: (event) => {
          count++;
          at = Math.round(count * step);
          push({
            ...base(),
            type: 'event',
            eventNumber: count,
            eventType: copyString(event.type),
            data: copyString(event.data),
            eventId: copyString(event.lastEventId),
          });
        },
        onRetry: () => undefined,
        onKeepAlive: (kind) => push({...base(), type: 'keepalive', kind: copyString(kind)}),
      },
      {maxBufferSize: DEFAULT_MAX_BUFFER_SIZE},
    );
    const input = createReadStream(path, {highWaterMark: READ_CHUNK_BYTES});
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        decoder.push(dataLines ? splitEveryLine(chunk) : chunk);
        if (batch.length > 0) yield batch;
        batch = [];
      }
      decoder.end();
    } catch (error) {
      input.destroy();
      if (error instanceof SseBufferOverflowError)
        throw new RecordingError(`${label}: ${error.message}`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== undefined) throw new RecordingError(`${label}: cannot read the file (${code})`);
      throw error;
    }
    const end = Math.round((count + 1) * step);
    const summary = tally.summary(end, 'stream ended', 'completed');
    batch.push({...summary, timestamp: shift(end), bytesReceived: bytes, connectedMs: end});
    yield batch;
  };
}
