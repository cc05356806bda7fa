import {reconnectDelay} from './backoff.js';
import {AbortCause, runConnection, type ConnectionOutcome} from './connection.js';
import {applyRecord, connectedDuration, createCounters, type StreamCounters} from './counters.js';
import {defaultFetch, type FetchLike} from './fetch.js';
import type {RecordListener, StreamRecord, SummaryRecord, SummaryStatus} from './records.js';
import {buildRequest} from './request.js';
import type {StreamController} from './stream-controller.js';
import {resolveStreamSpec, type ResolvedStreamSpec, type StreamSpec} from './stream-spec.js';
import {summaryText} from './summary-text.js';

export type SseStreamOptions = {
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Awaited between body chunks when it returns a promise: lets a slow writer hold the reader back. */
  readonly waitForConsumer?: () => Promise<void> | undefined;
};

type Finish = {readonly status: SummaryStatus; readonly reason: string};

/** State of one run: from start() to its summary. */
type Run = {
  readonly startedAt: number;
  readonly counters: StreamCounters;
  attempt: number;
  failures: number;
  eventsThisConnection: number;
  openedThisConnection: boolean;
  connection: AbortController | undefined;
  finish: Finish | undefined;
  wake: (() => void) | undefined;
  readonly done: Promise<SummaryRecord>;
};

/**
 * The engine for one stream: connects, parses, reconnects by policy and emits
 * records. Reconnect rules (see README "Reconnects"):
 * - a clean end reconnects after exactly the reconnection time under `always`,
 *   and finishes the stream under `on-error` and `never`;
 * - retryable failures (network, timeouts, 408/429/5xx) back off
 *   exponentially; a connection that delivered events resets the backoff, one
 *   that delivered none counts as a failure;
 * - only GET is re-sent automatically once its response started;
 * - more than `retries` consecutive failures fail the stream.
 */
export class SseStream implements StreamController {
  readonly name: string;
  readonly #listeners = new Set<RecordListener>();
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #waitForConsumer: SseStreamOptions['waitForConsumer'];
  #run: Run | undefined;
  #lastEventId = '';
  #reconnectionTimeMs: number;
  #bytesReceived = 0;

  #resolved: ResolvedStreamSpec;

  constructor(resolved: ResolvedStreamSpec, options: SseStreamOptions = {}) {
    this.#resolved = resolved;
    this.name = resolved.name;
    this.#fetch = options.fetch ?? defaultFetch;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#waitForConsumer = options.waitForConsumer;
    this.#reconnectionTimeMs = resolved.spec.retryDelay;
  }

  get resolved(): ResolvedStreamSpec {
    return this.#resolved;
  }

  get running(): boolean {
    return this.#run !== undefined;
  }

  get lastEventId(): string {
    return this.#lastEventId;
  }

  subscribe(listener: RecordListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(spec?: StreamSpec): Promise<SummaryRecord> {
    if (this.#run) return this.#run.done;
    if (spec) this.#resolved = resolveStreamSpec({...spec, name: this.name});
    let resolveDone!: (summary: SummaryRecord) => void;
    const run: Run = {
      startedAt: this.#now(),
      counters: createCounters(),
      attempt: 0,
      failures: 0,
      eventsThisConnection: 0,
      openedThisConnection: false,
      connection: undefined,
      finish: undefined,
      wake: undefined,
      done: new Promise((resolve) => (resolveDone = resolve)),
    };
    this.#run = run;
    void this.#loop(run).then((summary) => {
      this.#run = undefined;
      resolveDone(summary);
    });
    return run.done;
  }

  stop(): void {
    this.#end(new AbortCause('stop', 'stopped'), {status: 'stopped', reason: 'stopped'});
  }

  reconnect(): void {
    const run = this.#run;
    if (!run) {
      void this.start();
      return;
    }
    if (run.finish) return;
    run.connection?.abort(new AbortCause('manual', 'manual reconnect'));
    run.wake?.();
  }

  /** Ends the run with `finish` (first one wins) and aborts what is in flight. */
  #end(cause: AbortCause, finish: Finish): void {
    const run = this.#run;
    if (!run || run.finish) return;
    run.finish = finish;
    run.connection?.abort(cause);
    run.wake?.();
  }

  #emit(run: Run, record: StreamRecord): void {
    applyRecord(run.counters, record);
    for (const listener of this.#listeners) listener(record);
  }

  #base(): {stream: string; timestamp: number; bytesReceived: number} {
    return {stream: this.name, timestamp: this.#now(), bytesReceived: this.#bytesReceived};
  }

  async #loop(run: Run): Promise<SummaryRecord> {
    const {maxDurationMs} = this.resolved;
    const durationTimer =
      maxDurationMs === undefined
        ? undefined
        : setTimeout(
            () =>
              this.#end(new AbortCause('limit', 'max duration reached'), {
                status: 'completed',
                reason: 'max duration reached',
              }),
            maxDurationMs,
          );
    try {
      while (!run.finish) {
        run.attempt++;
        this.#emit(run, {
          ...this.#base(),
          type: 'status',
          state: 'connecting',
          attempt: run.attempt,
        });
        const outcome = await this.#connect(run);
        if (run.finish) break;
        const delayMs = this.#nextDelay(run, outcome);
        if (delayMs === undefined) break;
        await this.#sleep(run, delayMs);
      }
    } finally {
      clearTimeout(durationTimer);
    }
    return this.#summarize(run, run.finish ?? {status: 'stopped', reason: 'stopped'});
  }

  async #connect(run: Run): Promise<ConnectionOutcome> {
    const controller = new AbortController();
    run.connection = controller;
    run.eventsThisConnection = 0;
    run.openedThisConnection = false;
    const sentAt = this.#now();
    const {resolved} = this;
    const outcome = await runConnection(
      {
        request: buildRequest(resolved.spec, this.#lastEventId),
        fetch: this.#fetch,
        controller,
        timeoutMs: resolved.timeoutMs,
        idleTimeoutMs: resolved.idleTimeoutMs,
        maxBufferSize: resolved.spec.maxBufferSize,
        lastEventId: this.#lastEventId,
        now: this.#now,
      },
      {
        onOpen: ({httpStatus, contentType}) => {
          run.openedThisConnection = true;
          this.#emit(run, {
            ...this.#base(),
            type: 'status',
            state: 'open',
            attempt: run.attempt,
            httpStatus,
            contentType,
            headersMs: this.#now() - sentAt,
          });
        },
        onBytes: (count) => {
          this.#bytesReceived += count;
        },
        onEvent: (event) => {
          this.#lastEventId = event.lastEventId;
          if (run.finish) return;
          run.eventsThisConnection++;
          this.#emit(run, {
            ...this.#base(),
            type: 'event',
            eventNumber: run.counters.events + 1,
            eventType: event.type,
            data: event.data,
            eventId: event.lastEventId,
          });
          const {maxEvents} = resolved.spec;
          if (maxEvents !== undefined && run.counters.events >= maxEvents) {
            this.#end(new AbortCause('limit', 'max events reached'), {
              status: 'completed',
              reason: 'max events reached',
            });
          }
        },
        onLastEventId: (id) => {
          // Also covers an id-only block after the last event.
          this.#lastEventId = id;
        },
        onRetry: (milliseconds) => {
          this.#reconnectionTimeMs = milliseconds;
        },
        onKeepAlive: (kind) => {
          if (!run.finish) this.#emit(run, {...this.#base(), type: 'keepalive', kind});
        },
        waitForConsumer: this.#waitForConsumer,
      },
    );
    run.connection = undefined;
    return outcome;
  }

  /** Applies the reconnect policy: the delay before the next attempt, or undefined to finish. */
  #nextDelay(run: Run, outcome: ConnectionOutcome): number | undefined {
    const {resolved} = this;
    const responseStarted = run.openedThisConnection;
    if (run.eventsThisConnection > 0) run.failures = 0;
    const fail = (error: string, httpStatus?: number) => {
      this.#emit(run, {...this.#base(), type: 'error', status: 'failed', error, httpStatus});
      run.finish = {status: 'failed', reason: error};
      return undefined;
    };

    switch (outcome.kind) {
      case 'stop': {
        run.finish = {status: 'completed', reason: outcome.reason};
        return undefined;
      }
      case 'aborted': {
        // Only a manual reconnect gets here without run.finish set.
        run.failures = 0;
        return this.#scheduleReconnect(run, 0, 'manual reconnect');
      }
      case 'ended': {
        if (resolved.reconnect !== 'always') {
          run.finish = {status: 'completed', reason: 'stream ended'};
          return undefined;
        }
        if (!resolved.resendAfterStart) {
          run.finish = {
            status: 'completed',
            reason: `stream ended (a ${resolved.spec.method} is not re-sent automatically)`,
          };
          return undefined;
        }
        if (run.eventsThisConnection > 0) {
          return this.#scheduleReconnect(run, this.#reconnectionTimeMs, 'stream ended');
        }
        run.failures++;
        if (run.failures > resolved.retries) {
          return fail(`stream ended without events ${run.failures} times in a row`);
        }
        return this.#scheduleReconnect(run, this.#backoff(run), 'stream ended without events');
      }
      case 'error': {
        const {error, httpStatus} = outcome;
        if (!outcome.retryable || resolved.reconnect === 'never') return fail(error, httpStatus);
        if (responseStarted && (resolved.reconnect === 'on-error' || !resolved.resendAfterStart)) {
          const why = resolved.resendAfterStart
            ? 'reconnect on-error only retries before the response starts'
            : `a ${resolved.spec.method} is not re-sent once its response started`;
          return fail(`${error} (${why})`, httpStatus);
        }
        run.failures++;
        if (run.failures > resolved.retries) {
          return fail(`${error} (gave up after ${run.failures} consecutive failures)`, httpStatus);
        }
        this.#emit(run, {...this.#base(), type: 'error', status: 'retrying', error, httpStatus});
        const delay = Math.max(this.#backoff(run), outcome.retryAfterMs ?? 0);
        return this.#scheduleReconnect(run, delay, error);
      }
    }
  }

  #backoff(run: Run): number {
    return reconnectDelay({
      baseMs: this.#reconnectionTimeMs,
      failures: run.failures,
      capMs: this.resolved.maxRetryDelayMs,
      random: this.#random,
    });
  }

  #scheduleReconnect(run: Run, delayMs: number, reason: string): number {
    this.#emit(run, {
      ...this.#base(),
      type: 'status',
      state: 'reconnecting',
      delayMs,
      reason,
      attempt: run.attempt + 1,
      failures: run.failures,
      maxFailures: this.resolved.retries,
    });
    return delayMs;
  }

  /** Waits, unless stop(), a limit or a manual reconnect wakes us early. */
  #sleep(run: Run, delayMs: number): Promise<void> {
    if (delayMs <= 0 || run.finish) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, delayMs);
      function done() {
        clearTimeout(timer);
        run.wake = undefined;
        resolve();
      }
      run.wake = done;
    });
  }

  #summarize(run: Run, finish: Finish): SummaryRecord {
    const base = this.#base();
    const {counters} = run;
    const connectionDuration = Math.round(base.timestamp - run.startedAt) / 1000;
    const summary: SummaryRecord = {
      ...base,
      type: 'summary',
      status: finish.status,
      reason: finish.reason,
      totalEvents: counters.events,
      connectionDuration,
      connectedMs: connectedDuration(counters, base.timestamp),
      reconnects: counters.reconnects,
      errors: counters.errors,
      eventsByType: {...counters.eventsByType},
      headersMs: counters.headersMs,
      firstEventMs: counters.firstEventMs,
      lastEventId: this.#lastEventId,
      summary: summaryText(finish, counters.events, connectionDuration, counters.reconnects),
    };
    this.#emit(run, summary);
    return summary;
  }
}
