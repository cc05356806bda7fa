import type {AttemptEntry, DelaySource} from './types.js';
import {HISTORY_LIMIT} from './types.js';

type MutableAttempt = {-readonly [Key in keyof AttemptEntry]: AttemptEntry[Key]};

/**
 * The reconnect history of a run: the last HISTORY_LIMIT attempts (one object
 * each, made per connection, never per event) plus totals over all of them.
 */
export class AttemptHistory {
  attempts = 0;
  idleTimeouts = 0;
  /** Idle timeouts of connections that had received keep-alives. */
  idleTimeoutsWithKeepAlives = 0;
  /** Opened connections in a row that delivered no event. */
  emptyStreak = 0;
  emptyStreakSince: number | undefined;
  lastEnd = '';
  readonly #entries: MutableAttempt[] = [];
  #current: MutableAttempt | undefined;

  /** The open attempt, until it ends. */
  get current(): MutableAttempt | undefined {
    return this.#current;
  }

  /** The newest attempt, open or ended. */
  get latest(): AttemptEntry | undefined {
    return this.#entries.at(-1);
  }

  start(attempt: number, at: number, lastEventIdSent: string): void {
    this.close('', at);
    this.attempts++;
    const entry: MutableAttempt = {
      attempt,
      at,
      lastEventIdSent,
      httpStatus: undefined,
      headersMs: undefined,
      firstByteMs: undefined,
      events: 0,
      keepAlives: 0,
      bytes: 0,
      end: '',
      endedAt: undefined,
      delayMs: undefined,
      delaySource: undefined,
      clamped: false,
    };
    this.#current = entry;
    this.#entries.push(entry);
    if (this.#entries.length > HISTORY_LIMIT) this.#entries.shift();
  }

  failed(error: string, httpStatus: number | undefined, at: number): void {
    const entry = this.#current;
    if (!entry) return;
    if (httpStatus !== undefined) entry.httpStatus ??= httpStatus;
    if (error.startsWith('idle timeout')) {
      this.idleTimeouts++;
      if (entry.keepAlives > 0) this.idleTimeoutsWithKeepAlives++;
    }
    this.close(error, at);
  }

  reconnecting(
    reason: string,
    delay: {readonly ms: number; readonly source: DelaySource; readonly clamped: boolean},
    at: number,
  ): void {
    const entry = this.#entries.at(-1);
    if (!entry) return;
    if (this.#current === entry) this.close(reason, at);
    entry.delayMs = delay.ms;
    entry.delaySource = delay.source;
    entry.clamped = delay.clamped;
  }

  /** Ends the current attempt (first reason wins; "" keeps it open-ended). */
  close(end: string, at: number): void {
    const entry = this.#current;
    if (!entry) return;
    this.#current = undefined;
    entry.end = end;
    entry.endedAt = at;
    if (end !== '') this.lastEnd = end;
    if (entry.events > 0) {
      this.emptyStreak = 0;
      this.emptyStreakSince = undefined;
    } else if (entry.httpStatus !== undefined && entry.headersMs !== undefined) {
      this.emptyStreakSince ??= entry.at;
      this.emptyStreak++;
    }
  }

  /** Copies of the kept entries, oldest first. */
  entries(): AttemptEntry[] {
    return this.#entries.map((entry) => ({...entry}));
  }
}
