import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {
  answerSnapshot,
  applyAnswerRecord,
  createAnswerState,
  type AnswerState,
} from '../../../source/core/answer/answer-fold.js';
import type {AnswerPreset} from '../../../source/core/answer/answer-preset.js';
import type {AnswerRun} from '../../../source/core/answer/answer-types.js';
import type {
  ConnectingRecord,
  EventRecord,
  KeepAliveRecord,
  OpenRecord,
  StreamRecord,
  SummaryRecord,
} from '../../../source/core/records.js';
import {createSseDecoder} from '../../../source/core/sse-decoder.js';

/**
 * Test plumbing: raw SSE bytes → the engine's decoder → the records the
 * engine would emit (connecting, open, events/keep-alives, summary) with
 * timestamps that depend only on the item's position, never on chunking.
 */

export const runStart = 1_700_000_000_000;
const firstItemAt = runStart + 100;
const itemSpacing = 20;

const fixtureDirectory = fileURLToPath(new URL('../../fixtures/answer/', import.meta.url));

export function readFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixtureDirectory + name));
}

/** Cuts `bytes` at the given offsets (sorted, duplicates and ends ignored). */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const cuts = [...new Set(offsets)]
    .filter((at) => at > 0 && at < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
}

/** A small deterministic PRNG (mulberry32) so "random" splits repeat. */
export function seededRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomOffsets(length: number, count: number, random: () => number): number[] {
  return Array.from({length: count}, () => 1 + Math.floor(random() * Math.max(1, length - 1)));
}

type Base = {stream: string; bytesReceived: number};

export function connectingRecord(timestamp: number, attempt = 1): ConnectingRecord {
  return {
    type: 'status',
    state: 'connecting',
    attempt,
    stream: 'test',
    timestamp,
    bytesReceived: 0,
  };
}

export function summaryRecord(
  timestamp: number,
  status: SummaryRecord['status'] = 'completed',
  reason = 'stream ended',
): SummaryRecord {
  return {
    type: 'summary',
    status,
    reason,
    stream: 'test',
    timestamp,
    bytesReceived: 0,
    totalEvents: 0,
    connectionDuration: 0,
    connectedMs: 0,
    reconnects: 0,
    errors: 0,
    eventsByType: {},
    headersMs: undefined,
    firstEventMs: undefined,
    lastEventId: '',
    summary: '',
  };
}

export function eventRecord(
  data: string,
  timestamp: number,
  eventType = 'message',
  eventNumber = 1,
): EventRecord {
  return {
    type: 'event',
    stream: 'test',
    timestamp,
    bytesReceived: 0,
    eventNumber,
    eventType,
    data,
    eventId: '',
  };
}

/** Decodes `chunks` with the real engine decoder into one run's records. */
export function recordsFromChunks(chunks: readonly Uint8Array[]): StreamRecord[] {
  const base: Base = {stream: 'test', bytesReceived: 0};
  const items: Array<EventRecord | KeepAliveRecord> = [];
  let eventNumber = 0;
  const at = () => firstItemAt + items.length * itemSpacing;
  const decoder = createSseDecoder(
    {
      onEvent(event) {
        eventNumber++;
        items.push({
          ...base,
          type: 'event',
          timestamp: at(),
          eventNumber,
          eventType: event.type,
          data: event.data,
          eventId: event.lastEventId,
        });
      },
      onRetry() {},
      onKeepAlive(kind) {
        items.push({...base, type: 'keepalive', timestamp: at(), kind});
      },
    },
    {maxBufferSize: 1 << 24},
  );
  for (const chunk of chunks) decoder.push(chunk);
  decoder.end();
  const open: OpenRecord = {
    ...base,
    type: 'status',
    state: 'open',
    attempt: 1,
    httpStatus: 200,
    contentType: 'text/event-stream',
    headersMs: 50,
    headers: {'content-type': 'text/event-stream'},
    timestamp: runStart + 50,
  };
  const endAt = firstItemAt + items.length * itemSpacing;
  return [connectingRecord(runStart), open, ...items, summaryRecord(endAt)];
}

export function foldRecords(preset: AnswerPreset, records: readonly StreamRecord[]): AnswerState {
  const state = createAnswerState(preset);
  for (const record of records) applyAnswerRecord(state, record);
  return state;
}

/** The final answer of a fixture decoded from `chunks`. */
export function foldChunks(preset: AnswerPreset, chunks: readonly Uint8Array[]): AnswerRun {
  return answerSnapshot(foldRecords(preset, recordsFromChunks(chunks))).current;
}
