import type {StreamRecord, SummaryRecord} from '../../source/core/records.js';
import {SseStream, type SseStreamOptions} from '../../source/core/sse-stream.js';
import {
  parseStreamSpec,
  resolveStreamSpec,
  type StreamSpecInput,
} from '../../source/core/stream-spec.js';

export type Collected = {
  stream: SseStream;
  records: StreamRecord[];
  summary: SummaryRecord;
};

/**
 * Builds a stream with fast test defaults (small retry delay, no reconnect
 * floor unless `options.reconnectFloorMs` says otherwise) and collects every record.
 */
export function makeStream(
  input: Partial<StreamSpecInput> & {url: string},
  options: SseStreamOptions = {},
): {stream: SseStream; records: StreamRecord[]} {
  const spec = parseStreamSpec({name: 'test', retryDelay: 20, maxRetryDelay: 0.2, ...input});
  const stream = new SseStream(resolveStreamSpec(spec), {reconnectFloorMs: 0, ...options});
  const records: StreamRecord[] = [];
  stream.subscribe((record) => records.push(record));
  return {stream, records};
}

export async function runStream(
  input: Partial<StreamSpecInput> & {url: string},
  options: SseStreamOptions = {},
): Promise<Collected> {
  const {stream, records} = makeStream(input, options);
  const summary = await stream.start();
  return {stream, records, summary};
}

export const eventsOf = (records: StreamRecord[]) =>
  records.filter((record) => record.type === 'event');

export const statesOf = (records: StreamRecord[]) =>
  records.flatMap((record) => (record.type === 'status' ? [record.state] : []));

export const reconnectsOf = (records: StreamRecord[]) =>
  records.flatMap((record) =>
    record.type === 'status' && record.state === 'reconnecting' ? [record] : [],
  );

export const errorsOf = (records: StreamRecord[]) =>
  records.flatMap((record) => (record.type === 'error' ? [record] : []));

/** Resolves when `predicate` holds for a record, or rejects after `ms`. */
export function waitForRecord(
  stream: SseStream,
  predicate: (record: StreamRecord) => boolean,
  ms = 5000,
): Promise<StreamRecord> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no matching record within ${ms} ms`));
    }, ms);
    const unsubscribe = stream.subscribe((record) => {
      if (predicate(record)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(record);
      }
    });
  });
}
