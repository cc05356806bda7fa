import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {runChecks, type DifyRun, type RunCheck} from '../../../source/core/dify-run/index.js';
import type {StreamRecord} from '../../../source/core/records.js';
import {createStreamStore} from '../../../source/core/store/stream-store.js';
import type {StreamStore} from '../../../source/core/store/types.js';
import {randomOffsets, recordsFromChunks, seededRandom, splitAt} from '../answer/sse-records.js';

/**
 * Test plumbing for the Dify run fold: fixture bytes → chunks cut at seeded
 * random points → the engine's decoder → records → a real store with a dify
 * stream; the run is read from the store's snapshot.
 */

const directory = fileURLToPath(new URL('../../fixtures/dify-run/', import.meta.url));

export function readRunFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(directory + name));
}

/** The fixture's records with its bytes cut at `cuts` random points (seeded). */
export function fixtureRecords(name: string, seed: number, cuts = 12, shiftMs = 0): StreamRecord[] {
  const bytes = readRunFixture(name);
  const chunks =
    seed === 0 ? [bytes] : splitAt(bytes, randomOffsets(bytes.length, cuts, seededRandom(seed)));
  const records = recordsFromChunks(chunks);
  return shiftMs === 0
    ? records
    : records.map((record) => ({...record, timestamp: record.timestamp + shiftMs}));
}

export function difyStore(): StreamStore {
  return createStreamStore({
    streams: [{name: 'test', answer: 'dify'}],
    notifyIntervalMs: 1_000_000,
    now: () => 0,
  });
}

/** Seeds used for every fixture: 0 is the whole file in one chunk. */
export const seeds = [0, 1, 7, 42, 1234, 99_999];

export type StopAt = (record: StreamRecord) => boolean;

/** Ingests the records; `stopAt` marks a stop request 1 ms after the first record it matches. */
export function ingestAll(
  store: StreamStore,
  records: readonly StreamRecord[],
  stopAt?: StopAt,
): void {
  let stopped = false;
  for (const record of records) {
    store.ingest(record);
    if (stopAt && !stopped && stopAt(record)) {
      stopped = true;
      store.markStopRequested('test', record.timestamp + 1);
    }
  }
  store.flush();
}

export function currentRunOf(store: StreamStore): DifyRun {
  const run = store.getSnapshot('test').difyRun?.current;
  if (!run) throw new Error('no dify run on the snapshot');
  return run;
}

/** One line per row: indent, title, status, step, branch, retries. */
export function timeline(run: DifyRun): string[] {
  return run.nodes.map((node) => {
    const parts = [`${'  '.repeat(node.depth)}${node.title} ${node.status}`];
    if (node.nesting) parts.push(`${node.nesting.kind} step ${node.nesting.step}`);
    if (node.kind !== 'node') parts.push(`steps ${node.steps}`);
    if (node.parallel)
      parts.push(
        `branch ${node.parallel.branch} of ${node.parallel.group} (${node.parallel.source})`,
      );
    if (node.retries > 0) parts.push(`retries ${node.retries}`);
    return parts.join(', ');
  });
}

export function checksAt(
  run: DifyRun,
  now: number,
): Array<Pick<RunCheck, 'code' | 'severity' | 'message'>> {
  return runChecks(run, now).map(({code, severity, message}) => ({code, severity, message}));
}

/** Is this an event record whose JSON has this event name (and node_id)? */
export function isEvent(record: StreamRecord, event: string, nodeId?: string): boolean {
  if (record.type !== 'event') return false;
  if (!record.data.includes(`"event":"${event}"`)) return false;
  return nodeId === undefined || record.data.includes(`"node_id":"${nodeId}"`);
}
