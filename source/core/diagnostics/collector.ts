import type {StreamRecord} from '../records.js';
import {AttemptHistory} from './attempt-history.js';
import {ChunkTracker} from './chunk-tracker.js';
import {findingsOf} from './findings.js';
import {IdTracker} from './id-tracker.js';
import {
  DEFAULT_THRESHOLDS,
  DIAGNOSTICS_INTERVAL_MS,
  type DiagnosticsThresholds,
  type StreamDiagnostics,
} from './types.js';

export type CollectorOptions = {
  /** The stream's idle timeout in ms (0: none). */
  readonly idleTimeoutMs: number;
  readonly thresholds?: Partial<DiagnosticsThresholds>;
};

/**
 * The diagnostics of one run, fed by the engine's records (`observe`, O(1)
 * per event, nothing allocated) and one lean hook per body chunk (`chunk`).
 * `snapshot` builds the plain-data view with its findings; `due` says when a
 * new one is worth emitting.
 */
export class DiagnosticsCollector {
  readonly thresholds: DiagnosticsThresholds;
  readonly idleTimeoutMs: number;
  readonly chunks: ChunkTracker;
  readonly ids = new IdTracker();
  readonly history = new AttemptHistory();
  startedAt: number | undefined;
  events = 0;
  lastEventAt: number | undefined;
  /** When the latest response opened. */
  openedAt: number | undefined;
  headers: Readonly<Record<string, string>> = {};
  keepAlives = 0;
  keepAlivesSinceEvent = 0;
  keepAliveIntervals = 0;
  keepAliveIntervalSum = 0;
  lastKeepAliveIntervalMs: number | undefined;
  maxKeepAliveIntervalMs: number | undefined;
  firstEventMs: number | undefined;
  #lastKeepAliveAt: number | undefined;
  #lastId = '';
  #changed = false;
  #snapshotAt = Number.NEGATIVE_INFINITY;
  #findingNames = '';

  constructor(options: CollectorOptions) {
    this.thresholds = {...DEFAULT_THRESHOLDS, ...options.thresholds};
    this.idleTimeoutMs = options.idleTimeoutMs;
    this.chunks = new ChunkTracker(this.thresholds);
  }

  observe(record: StreamRecord): void {
    switch (record.type) {
      case 'event': {
        this.#changed = true;
        const at = record.timestamp;
        this.events++;
        this.lastEventAt = at;
        this.keepAlivesSinceEvent = 0;
        this.chunks.event(at);
        const current = this.history.current;
        if (current) {
          if (current.events === 0) this.firstEventMs = at - current.at;
          current.events++;
        }
        const id = record.eventId;
        if (id !== this.#lastId) {
          this.#lastId = id;
          this.ids.changed(id);
        }
        return;
      }
      case 'keepalive':
        this.#keepAlive(record.timestamp);
        return;
      case 'status':
        this.#changed = true;
        if (record.state === 'connecting') {
          this.startedAt ??= record.timestamp;
          const sent = record.lastEventId ?? '';
          this.history.start(record.attempt, record.timestamp, sent);
          this.ids.connecting(sent);
          this.firstEventMs = undefined;
        } else if (record.state === 'open') {
          this.openedAt = record.timestamp;
          this.headers = record.headers;
          this.#lastKeepAliveAt = undefined;
          this.chunks.opened(record.timestamp);
          const current = this.history.current;
          if (current) {
            current.httpStatus = record.httpStatus;
            current.headersMs = record.headersMs;
          }
        } else if (record.state === 'waiting') {
          // Held for someone (a Dify human input form): the attempt ended, no retry is due.
          this.chunks.ended();
          this.history.close(record.reason, record.timestamp);
        } else {
          this.chunks.ended();
          this.history.reconnecting(
            record.reason,
            {
              ms: record.delayMs,
              source: record.delaySource ?? 'backoff',
              clamped: record.clamped ?? false,
            },
            record.timestamp,
          );
        }
        return;
      case 'error':
        this.#changed = true;
        this.chunks.ended();
        this.history.failed(record.error, record.httpStatus, record.timestamp);
        return;
      case 'summary':
        this.finish(record.reason, record.timestamp);
        return;
      case 'diagnostics':
        return;
    }
  }

  /** One body chunk of `size` bytes arrived at `at`. */
  chunk(size: number, at: number): void {
    this.#changed = true;
    this.chunks.chunk(size, at);
    const current = this.history.current;
    if (current) {
      current.bytes += size;
      if (current.firstByteMs === undefined) current.firstByteMs = at - current.at;
    }
  }

  /** The run is ending: close the open connection with `reason`. */
  finish(reason: string, at: number): void {
    this.chunks.ended();
    this.history.close(reason, at);
  }

  /** True when something changed since the last snapshot and that one is old enough. */
  due(now: number): boolean {
    return this.#changed && now - this.#snapshotAt >= DIAGNOSTICS_INTERVAL_MS;
  }

  /** A snapshot, and whether its set of findings differs from the previous snapshot's. */
  snapshot(now: number): {diagnostics: StreamDiagnostics; findingsChanged: boolean} {
    this.#changed = false;
    this.#snapshotAt = now;
    this.chunks.settle(now);
    const latest = this.history.latest;
    const intervals = this.keepAliveIntervals;
    const partial: Omit<StreamDiagnostics, 'findings'> = {
      at: now,
      httpVersion: undefined,
      timings: {
        headersMs: latest?.headersMs,
        firstByteMs: latest?.firstByteMs,
        firstEventMs: this.firstEventMs,
      },
      chunks: this.chunks.chunkSummary(),
      bursts: this.chunks.burstSummary(),
      keepAlives: {
        count: this.keepAlives,
        lastIntervalMs: this.lastKeepAliveIntervalMs,
        maxIntervalMs: this.maxKeepAliveIntervalMs,
        meanIntervalMs: intervals === 0 ? undefined : this.keepAliveIntervalSum / intervals,
        sinceLastEvent: this.keepAlivesSinceEvent,
      },
      ids: this.ids.summary(),
      lastEventAt: this.lastEventAt,
      lastByteAt: this.chunks.lastByteAt,
      attempts: this.history.attempts,
      history: this.history.entries(),
      idleTimeouts: this.history.idleTimeouts,
    };
    const findings = findingsOf(this, partial, now);
    const names = findings.map((finding) => finding.name).join('\n');
    const findingsChanged = names !== this.#findingNames;
    this.#findingNames = names;
    return {diagnostics: {...partial, findings}, findingsChanged};
  }

  #keepAlive(at: number): void {
    this.#changed = true;
    this.keepAlives++;
    this.keepAlivesSinceEvent++;
    const current = this.history.current;
    if (current) current.keepAlives++;
    const previous = this.#lastKeepAliveAt;
    this.#lastKeepAliveAt = at;
    if (previous === undefined) return;
    const interval = at - previous;
    this.keepAliveIntervals++;
    this.keepAliveIntervalSum += interval;
    this.lastKeepAliveIntervalMs = interval;
    if (this.maxKeepAliveIntervalMs === undefined || interval > this.maxKeepAliveIntervalMs) {
      this.maxKeepAliveIntervalMs = interval;
    }
  }
}
