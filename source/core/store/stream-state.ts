import {answerSnapshot, type AnswerSnapshot, type AnswerState} from '../answer/index.js';
import {createCounters, type StreamCounters} from '../counters.js';
import type {StreamDiagnostics} from '../diagnostics/types.js';
import {difyRunSnapshot, type DifyRunSnapshot, type DifyRunState} from '../dify-run/index.js';
import type {Redactor} from '../redact.js';
import type {ErrorRecord} from '../records.js';
import {createRateMeter, emptyRateSample, type RateMeter} from './rate.js';
import {EventEntry} from './event-entry.js';
import {RingBuffer} from './ring-buffer.js';
import type {
  ConnectionInfo,
  DisplayEntry,
  OverviewSnapshot,
  ResponseInfo,
  StreamSnapshot,
} from './types.js';

/**
 * Per-stream state of the store and the immutable snapshots published from it.
 */

/** Mutable per-stream state; only the store touches it. */
export type StreamState = {
  readonly name: string;
  readonly ring: RingBuffer<DisplayEntry>;
  /** The current run's counters (reset when a run starts, like the engine's). */
  counters: StreamCounters;
  /** Runs started so far (s/r restarts, follow-ups); 0 before the first. */
  run: number;
  readonly rate: RateMeter;
  redact: Redactor;
  connection: ConnectionInfo;
  running: boolean;
  /** The run's failed error record until its summary shows it. */
  failure: ErrorRecord | undefined;
  seq: number;
  dropped: number;
  paused: boolean;
  frozen: readonly DisplayEntry[];
  pausedArrivals: number;
  insecure: boolean;
  /** Waits READY until its first run (autostart: false). */
  ready: boolean;
  response: ResponseInfo | undefined;
  /** The run's latest diagnostics record (engine's collector), raw: views sanitize. */
  diagnostics: StreamDiagnostics | undefined;
  entriesChanged: boolean;
  version: number;
  snapshot: StreamSnapshot;
  /** The answer fold; undefined for streams without a preset. */
  answer: AnswerState | undefined;
  /** False until a preset was given or guessed from the URL. */
  answerDecided: boolean;
  answerChanged: boolean;
  /** The answer snapshot the UI sees, taken at publish time. */
  answerSnapshot: AnswerSnapshot | undefined;
  /** The Dify run fold; undefined unless the answer preset is dify. */
  difyRun: DifyRunState | undefined;
  difyRunChanged: boolean;
  /** The run snapshot the UI sees, taken at publish time. */
  difyRunSnapshot: DifyRunSnapshot | undefined;
};

export const identity: Redactor = (text) => text;

export function publish(state: StreamState): StreamSnapshot {
  const previous = state.snapshot;
  const {eventsByType, ...counters} = state.counters;
  detachNewEntries(state.ring);
  let entries = previous.entries;
  if (state.paused) entries = state.frozen;
  else if (state.entriesChanged || previous.paused) entries = state.ring.toArray();
  state.entriesChanged = false;
  // A paused pane keeps showing the answer it had; the change is published on resume.
  if (state.answer && state.answerChanged && !state.paused) {
    state.answerSnapshot = answerSnapshot(state.answer);
    state.answerChanged = false;
  }
  if (state.difyRun && state.difyRunChanged && !state.paused) {
    state.difyRunSnapshot = difyRunSnapshot(state.difyRun);
    state.difyRunChanged = false;
  }
  state.version++;
  state.snapshot = {
    name: state.name,
    version: state.version,
    connection: state.connection,
    running: state.running,
    run: state.run,
    counters: {
      ...counters,
      lastEventId: state.redact(counters.lastEventId),
      eventTypes: Object.keys(eventsByType).length,
    },
    rate: state.rate.sample(),
    entries,
    buffered: state.ring.size,
    bufferSize: state.ring.capacity,
    dropped: state.dropped,
    paused: state.paused,
    pausedArrivals: state.pausedArrivals,
    insecure: state.insecure,
    response: state.response,
    diagnostics: state.diagnostics,
    difyRun: state.difyRunSnapshot,
  };
  return state.snapshot;
}

/**
 * Copies the data of the entries added since the last publish (newest first,
 * up to the first one already copied), so the entries a pane keeps never pin
 * body chunks, and entries dropped before a publish are never copied.
 */
export function detachNewEntries(entries: RingBuffer<DisplayEntry>): void {
  entries.visitNewestFirst((entry) => !(entry instanceof EventEntry) || entry.detach());
}

export function createState(name: string, bufferSize: number): StreamState {
  const state: StreamState = {
    name,
    ring: new RingBuffer<DisplayEntry>(bufferSize),
    counters: createCounters(),
    run: 0,
    rate: createRateMeter(),
    redact: identity,
    connection: {kind: 'idle'},
    running: false,
    failure: undefined,
    seq: 0,
    dropped: 0,
    paused: false,
    frozen: [],
    pausedArrivals: 0,
    insecure: false,
    ready: false,
    response: undefined,
    diagnostics: undefined,
    entriesChanged: false,
    version: 0,
    snapshot: undefined as unknown as StreamSnapshot,
    answer: undefined,
    answerDecided: false,
    answerChanged: false,
    answerSnapshot: undefined,
    difyRun: undefined,
    difyRunChanged: false,
    difyRunSnapshot: undefined,
  };
  state.snapshot = {
    name,
    version: 0,
    connection: state.connection,
    running: false,
    run: 0,
    counters: {...createCounters(), eventTypes: 0},
    rate: emptyRateSample,
    entries: [],
    buffered: 0,
    bufferSize,
    dropped: 0,
    paused: false,
    pausedArrivals: 0,
    insecure: false,
    response: undefined,
    diagnostics: undefined,
    difyRun: undefined,
  };
  return state;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

export function overviewOf(
  version: number,
  states: Iterable<StreamState>,
  previousNames: readonly string[] = [],
): OverviewSnapshot {
  const overview = {version, names: [] as string[], open: 0, retrying: 0, failed: 0};
  let events = 0;
  let bytes = 0;
  let reconnects = 0;
  let errors = 0;
  for (const {name, counters, connection} of states) {
    overview.names.push(name);
    events += counters.events;
    bytes += counters.bytes;
    reconnects += counters.reconnects;
    errors += counters.errors;
    if (connection.kind === 'open') overview.open++;
    if (connection.kind === 'retry') overview.retrying++;
    if (connection.kind === 'failed') overview.failed++;
  }
  // The same names array while the streams stay the same, for cheap subscribers.
  const names = sameNames(overview.names, previousNames) ? previousNames : overview.names;
  return {...overview, names, events, bytes, reconnects, errors};
}
