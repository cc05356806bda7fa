import {answerStreamSummaryFields} from '../answer-wire.js';
import {applyAnswerRecord, clearAnswerHistory} from '../answer/index.js';
import {applyRecord, createCounters} from '../counters.js';
import {applyDifyRunRecord, clearRunHistory} from '../dify-run/index.js';
import {redactDiagnostics} from '../diagnostics/redact-diagnostics.js';
import {createRedactor, secretsOfSpec} from '../redact.js';
import type {EventRecord, StreamRecord} from '../records.js';
import {nextConnection, noticeEntry} from './entries.js';
import {DEFAULT_DATA_CAP, EventEntry} from './event-entry.js';
import {writeNdjsonExport} from './export-ndjson.js';
import {readyRequestOf} from './ready-request.js';
import {responseInfo} from './response-info.js';
import {answerMethods, attachAnswer, decideAnswer} from './stream-answer.js';
import {
  createState,
  detachNewEntries,
  identity,
  overviewOf,
  publish,
  type StreamState,
} from './stream-state.js';
import type {
  DisplayEntry,
  StreamConfig,
  StreamSnapshot,
  StreamStore,
  StreamStoreOptions,
} from './types.js';

export const DEFAULT_BUFFER_SIZE = 1000;
export const DEFAULT_NOTIFY_INTERVAL_MS = 50;

/**
 * The dashboard's data, outside React: per-stream ring buffers of display
 * entries, counters (the shared reducer), badge state and rate. Records are
 * ingested as they come; listeners are notified at most every
 * `notifyIntervalMs`, and each notification publishes a new immutable
 * snapshot only for the streams that changed. Streams with an answer preset
 * also fold every record into their answer (current run and history).
 */
export function createStreamStore(options: StreamStoreOptions = {}): StreamStore {
  const bufferSize = options.bufferSize ?? DEFAULT_BUFFER_SIZE;
  const intervalMs = options.notifyIntervalMs ?? DEFAULT_NOTIFY_INTERVAL_MS;
  const dataCap = options.dataCap ?? DEFAULT_DATA_CAP;
  const now = options.now ?? Date.now;
  const runCheckOptions = options.runCheckOptions ?? {};
  const states = new Map<string, StreamState>();
  const missing = new Map<string, StreamSnapshot>();
  const listeners = new Set<() => void>();
  const dirty = new Set<StreamState>();
  const detachers = new Set<() => void>();
  let overview = overviewOf(0, []);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastNotifyAt = Number.NEGATIVE_INFINITY;

  const ensure = (name: string, size = bufferSize): StreamState => {
    let state = states.get(name);
    if (!state) {
      state = createState(name, size);
      states.set(name, state);
      dirty.add(state);
    }
    return state;
  };
  const configure = (state: StreamState, stream: StreamConfig): void => {
    if (stream.answer !== undefined) decideAnswer(state, stream.answer);
    if (stream.insecure) state.insecure = true;
    if (stream.ready) state.ready = true;
  };
  for (const stream of options.streams ?? [])
    configure(ensure(stream.name, stream.bufferSize), stream);
  overview = overviewOf(0, states.values());
  /** A stream came or went: the next flush publishes a new overview even with nothing dirty. */
  let namesChanged = false;

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    lastNotifyAt = now();
    if (dirty.size === 0 && !namesChanged) return;
    namesChanged = false;
    for (const state of dirty) publish(state);
    dirty.clear();
    overview = overviewOf(overview.version + 1, states.values(), overview.names);
    for (const listener of [...listeners]) listener();
  };

  const schedule = (): void => {
    if (timer !== undefined) return;
    const wait = Math.max(0, lastNotifyAt + intervalMs - now());
    timer = setTimeout(flush, wait);
    timer.unref?.();
  };
  const changed = (state: StreamState): void => {
    dirty.add(state);
    schedule();
  };

  const addEntry = (state: StreamState, entry: DisplayEntry): void => {
    if (state.ring.push(entry)) state.dropped++;
    state.entriesChanged = true;
  };

  /**
   * Every record: the counters, the answer fold and the Dify run fold (after
   * the answer fold: it reuses its parse of the event's JSON; keep-alives
   * count too, as pings while a node runs feed the ping-wait check).
   */
  const fold = (state: StreamState, record: StreamRecord): void => {
    applyRecord(state.counters, record);
    if (state.answer && applyAnswerRecord(state.answer, record)) state.answerChanged = true;
    if (state.difyRun && applyDifyRunRecord(state.difyRun, record)) state.difyRunChanged = true;
  };

  /** Per event: the folds, rate and one lazy entry; nothing formatted. */
  const ingestEvent = (state: StreamState, record: EventRecord): void => {
    fold(state, record);
    state.rate.add(now());
    addEntry(state, new EventEntry(record, ++state.seq, dataCap, state.redact));
    if (state.paused) state.pausedArrivals++;
    changed(state);
  };

  const ingest = (record: StreamRecord): void => {
    const state = ensure(record.stream);
    if (record.type === 'event') {
      ingestEvent(state, record);
      return;
    }

    if (record.type === 'diagnostics') {
      state.diagnostics = redactDiagnostics(record.diagnostics, state.redact);
      changed(state);
      return;
    }
    if (record.type === 'status' && !state.running) {
      // A new run: count it from zero, as its summary will.
      state.run++;
      if (state.run > 1) state.counters = createCounters();
      state.diagnostics = undefined;
    }
    if (record.type === 'summary' && record.diagnostics) {
      state.diagnostics = redactDiagnostics(record.diagnostics, state.redact);
    }
    fold(state, record);
    state.connection = nextConnection(state.connection, record, state.redact);
    if (record.type === 'status') state.running = true;
    if (record.type === 'status' && record.state === 'open') {
      state.response = responseInfo(record, state.redact);
    }
    if (record.type === 'summary') state.running = false;
    if (record.type === 'error' && record.status === 'failed') {
      state.failure = record;
    } else {
      const notice = noticeEntry(record, state.seq + 1, state.redact, state.failure);
      if (record.type === 'summary') state.failure = undefined;
      if (notice) {
        state.seq++;
        // The answer fields of a --json summary, so the export writes the same record.
        const extra =
          record.type === 'summary' && state.answer
            ? answerStreamSummaryFields(
                state.answer,
                state.difyRun,
                record.timestamp,
                runCheckOptions,
              )
            : undefined;
        addEntry(state, extra ? {...notice, summaryExtra: extra} : notice);
      }
    }
    changed(state);
  };

  const known = (name: string): StreamState | undefined => states.get(name);

  const forget = (name: string): void => {
    const state = states.get(name);
    if (state) dirty.delete(state);
    missing.delete(name);
  };

  return {
    ingest,
    attach(controllers) {
      const unsubscribes = controllers.map((controller) => {
        const state = ensure(controller.name);
        state.redact = createRedactor(secretsOfSpec(controller.resolved.spec));
        attachAnswer(state, controller.resolved.spec);
        if (state.ready && state.connection.kind === 'idle' && !controller.running) {
          const preset = state.answer?.preset ?? 'none';
          state.connection = {
            kind: 'idle',
            ready: readyRequestOf(controller.resolved.spec, preset, state.redact),
          };
        }
        state.insecure = controller.resolved.spec.insecure;
        state.running = controller.running;
        changed(state);
        return controller.subscribe(ingest);
      });
      const detach = (): void => {
        for (const unsubscribe of unsubscribes) unsubscribe();
        detachers.delete(detach);
      };
      detachers.add(detach);
      return detach;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot(name) {
      const state = known(name);
      if (state) return state.snapshot;
      let empty = missing.get(name);
      if (!empty) {
        empty = createState(name, bufferSize).snapshot;
        missing.set(name, empty);
      }
      return empty;
    },
    getOverviewSnapshot: () => overview,
    runCheckOptions,
    addStream(stream) {
      // Replacing keeps the stream's place: a Map keeps the first insertion's order.
      forget(stream.name);
      const state = createState(stream.name, stream.bufferSize ?? bufferSize);
      states.set(stream.name, state);
      configure(state, stream);
      namesChanged = true;
      changed(state);
    },
    removeStream(name) {
      if (!states.has(name)) return;
      forget(name);
      states.delete(name);
      namesChanged = true;
      schedule();
    },
    flush,
    clear(name) {
      const state = known(name);
      if (!state) return;
      state.ring.clear();
      state.frozen = [];
      state.entriesChanged = true;
      if (state.answer && clearAnswerHistory(state.answer)) state.answerChanged = true;
      if (state.difyRun && clearRunHistory(state.difyRun)) state.difyRunChanged = true;
      changed(state);
    },
    setPaused(name, paused) {
      const state = known(name);
      if (!state || state.paused === paused) return;
      state.paused = paused;
      if (paused) detachNewEntries(state.ring);
      state.frozen = paused ? state.ring.toArray() : [];
      state.pausedArrivals = 0;
      state.entriesChanged = true;
      changed(state);
    },
    redactorOf: (name) => known(name)?.redact ?? identity,
    ...answerMethods(known, changed),
    async exportEvents(name, path, include) {
      const state = known(name);
      const entries = state ? state.ring.toArray() : [];
      const kept = include ? entries.filter(include) : entries;
      return writeNdjsonExport(name, kept, path, state?.redact ?? identity);
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      for (const detach of [...detachers]) detach();
      listeners.clear();
    },
  };
}
