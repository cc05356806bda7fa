import {createSseDecoder, SseBufferOverflowError} from '../sse-decoder.js';
import type {StreamRecord} from '../records.js';
import {DEFAULT_MAX_BUFFER_SIZE} from '../stream-spec.js';
import {RECORDING_FORMAT} from './format.js';
import {RecordingError, type LoadedRecording} from './load.js';
import {ReplayTally} from './replay-tally.js';

/** Events per second of a raw capture without --rate. */
export const DEFAULT_CAPTURE_RATE = 10;

/**
 * A raw SSE capture (what `curl -sN URL > file` writes) as a recording of one
 * stream named `name`, decoded by the engine's own decoder and paced evenly:
 * event n comes at n / rate seconds. A file of bare `data:` lines with no
 * blank line between them (copied from a browser's EventStream tab) is one
 * event per line.
 */
export function loadSseCapture(
  bytes: Uint8Array,
  name: string,
  label: string,
  rate = DEFAULT_CAPTURE_RATE,
): LoadedRecording {
  let body = bytes;
  const text = Buffer.from(bytes).toString('utf8');
  if (!/\r?\n\r?\n|\r\r/.test(text)) body = Buffer.from(text.replace(/\r?\n|\r/g, '\n\n'), 'utf8');
  const step = 1000 / rate;
  const records: StreamRecord[] = [];
  const base = {stream: name, bytesReceived: 0};
  records.push({...base, timestamp: 0, type: 'status', state: 'connecting', attempt: 1});
  records.push({
    ...base,
    timestamp: 0,
    type: 'status',
    state: 'open',
    attempt: 1,
    httpStatus: 200,
    contentType: 'text/event-stream',
    headersMs: 0,
    headers: {},
  });
  let count = 0;
  let at = 0;
  const decoder = createSseDecoder(
    {
      onEvent: (event) => {
        count++;
        at = Math.round(count * step);
        records.push({
          ...base,
          timestamp: at,
          type: 'event',
          eventNumber: count,
          eventType: event.type,
          data: event.data,
          eventId: event.lastEventId,
        });
      },
      onRetry: () => undefined,
      onKeepAlive: (kind) => records.push({...base, timestamp: at, type: 'keepalive', kind}),
    },
    {maxBufferSize: DEFAULT_MAX_BUFFER_SIZE},
  );
  try {
    decoder.push(body);
    decoder.end();
  } catch (error) {
    if (error instanceof SseBufferOverflowError)
      throw new RecordingError(`${label}: ${error.message}`);
    throw error;
  }
  const tally = new ReplayTally(name, 0);
  for (const record of records) tally.add(record);
  const end = Math.round((count + 1) * step);
  const summary = tally.summary(end, 'stream ended', 'completed');
  records.push({...summary, bytesReceived: bytes.length, connectedMs: end});
  return {format: RECORDING_FORMAT, started: 0, streams: [], records, warnings: []};
}
