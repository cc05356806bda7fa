import type {BurstSummary, ChunkSummary, DiagnosticsThresholds} from './types.js';

/**
 * Body chunk arrivals and bursts, in fixed-size state: counts, sizes, the
 * largest gap, and bursts: at least `burstMinEvents` events arriving within
 * the burst window after a silence of at least the burst gap, with no event
 * right after the window (a stream that resumes a steady flow after a pause
 * is not bursty). Only numbers; nothing allocated per chunk or per event.
 */
export class ChunkTracker {
  count = 0;
  bytes = 0;
  smallest = 0;
  largest = 0;
  largestGapMs = 0;
  mostEventsInChunk = 0;
  lastByteAt: number | undefined;
  bursts = 0;
  burstEvents = 0;
  largestBurstEvents = 0;
  largestBurstSpanMs = 0;
  largestBurstGapMs = 0;
  readonly #thresholds: DiagnosticsThresholds;
  /** Time the current connection's previous chunk (or its headers) arrived. */
  #previousAt: number | undefined;
  #eventsInChunk = 0;
  #clusterOpen = false;
  #clusterStart = 0;
  #clusterGap = 0;
  #clusterEvents = 0;
  #clusterLast = 0;

  constructor(thresholds: DiagnosticsThresholds) {
    this.#thresholds = thresholds;
  }

  /** A response opened at `at`: the silence before its first chunk counts from here. */
  opened(at: number): void {
    this.closeCluster();
    this.#previousAt = at;
  }

  chunk(size: number, at: number): void {
    this.count++;
    this.bytes += size;
    if (this.count === 1 || size < this.smallest) this.smallest = size;
    if (size > this.largest) this.largest = size;
    this.#eventsInChunk = 0;
    this.lastByteAt = at;
    const previous = this.#previousAt;
    this.#previousAt = at;
    if (previous === undefined) return;
    const gap = at - previous;
    if (gap > this.largestGapMs) this.largestGapMs = gap;
    if (gap >= this.#thresholds.burstGapMs) {
      this.closeCluster();
      this.#clusterOpen = true;
      this.#clusterStart = at;
      this.#clusterGap = gap;
      this.#clusterEvents = 0;
      this.#clusterLast = at;
    }
  }

  event(at: number): void {
    this.#eventsInChunk++;
    if (this.#eventsInChunk > this.mostEventsInChunk) this.mostEventsInChunk = this.#eventsInChunk;
    if (!this.#clusterOpen) return;
    if (at - this.#clusterStart <= this.#thresholds.burstWindowMs) {
      this.#clusterEvents++;
      this.#clusterLast = at;
      // Events kept coming after the window without a silence: a flow, not a burst.
    } else this.#clusterOpen = false;
  }

  /** Counts the open cluster once a silence followed it. */
  settle(now: number): void {
    if (this.#clusterOpen && now - this.#clusterLast >= this.#thresholds.burstGapMs) {
      this.closeCluster();
    }
  }

  closeCluster(): void {
    if (!this.#clusterOpen) return;
    this.#clusterOpen = false;
    const events = this.#clusterEvents;
    if (events < this.#thresholds.burstMinEvents) return;
    this.bursts++;
    this.burstEvents += events;
    if (events > this.largestBurstEvents) {
      this.largestBurstEvents = events;
      this.largestBurstSpanMs = this.#clusterLast - this.#clusterStart;
      this.largestBurstGapMs = this.#clusterGap;
    }
  }

  /** The connection ended: the next one's first chunk is measured from its own headers. */
  ended(): void {
    this.closeCluster();
    this.#previousAt = undefined;
  }

  chunkSummary(): ChunkSummary {
    return {
      count: this.count,
      bytes: this.bytes,
      smallest: this.smallest,
      largest: this.largest,
      largestGapMs: this.largestGapMs,
      mostEventsInChunk: this.mostEventsInChunk,
    };
  }

  burstSummary(): BurstSummary {
    return {
      count: this.bursts,
      events: this.burstEvents,
      largestEvents: this.largestBurstEvents,
      largestSpanMs: this.largestBurstSpanMs,
      largestGapMs: this.largestBurstGapMs,
    };
  }
}
