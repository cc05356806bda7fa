import type {StreamRecord, SummaryRecord, SummaryStatus} from '../records.js';

/** Counts what a replay emitted, for a summary the recording lacks (stopped early, cut short, a raw capture). */
export class ReplayTally {
  #events = 0;
  #reconnects = 0;
  #errors = 0;
  #bytes = 0;
  #lastEventId = '';
  readonly #byType: Record<string, number> = Object.create(null) as Record<string, number>;

  constructor(
    readonly stream: string,
    readonly started: number,
  ) {}

  add(record: StreamRecord): void {
    this.#bytes = record.bytesReceived;
    if (record.type === 'event') {
      this.#events++;
      this.#byType[record.eventType] = (this.#byType[record.eventType] ?? 0) + 1;
      this.#lastEventId = record.eventId;
    } else if (record.type === 'error') this.#errors++;
    else if (record.type === 'status' && record.state === 'reconnecting') this.#reconnects++;
  }

  summary(now: number, reason: string, status: SummaryStatus = 'stopped'): SummaryRecord {
    return {
      stream: this.stream,
      timestamp: now,
      bytesReceived: this.#bytes,
      type: 'summary',
      status,
      reason,
      totalEvents: this.#events,
      connectionDuration: Math.max(0, now - this.started) / 1000,
      connectedMs: 0,
      reconnects: this.#reconnects,
      errors: this.#errors,
      eventsByType: this.#byType,
      headersMs: undefined,
      firstEventMs: undefined,
      lastEventId: this.#lastEventId,
      summary: `${reason} after ${this.#events} events`,
    };
  }
}
