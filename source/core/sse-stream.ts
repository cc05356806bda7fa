import {AbortCause, runConnection, type ConnectionOutcome} from './connection.js';
import {RECONNECT_FLOOR_MS} from './backoff.js';
import {applyRecord} from './counters.js';
import type {DiagnosticsThresholds, StreamDiagnostics} from './diagnostics/types.js';
import {decideNextConnection, reattachSpecOf} from './dify-reconnect.js';
import {createDifyRunWatch, observeDifyEvent, type DifyRunWatch} from './dify-run-watch.js';
import {defaultFetch, type FetchLike} from './fetch.js';
import type {RecordListener, StreamRecord, SummaryRecord} from './records.js';
import {policyRecords} from './policy-records.js';
import {buildRequest} from './request.js';
import type {StreamController} from './stream-controller.js';
import {resolveStreamSpec, type ResolvedStreamSpec, type StreamSpec} from './stream-spec.js';
import {checkTlsSettings} from './tls-config.js';
import {createRun, limitTimer, sleepUnlessWoken, waitUntilWoken, type Run} from './stream-run.js';
import {buildSummary, type RunEnd} from './summary-record.js';

export type SseStreamOptions = {
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  readonly random?: () => number;
  /** Awaited between body chunks when it returns a promise: lets a slow writer hold the reader back. */
  readonly waitForConsumer?: () => Promise<void> | undefined;
  /**
   * Shortest automatic reconnect delay, RECONNECT_FLOOR_MS by default. Only
   * for tests that need fast reconnects; no spec, flag or server can lower it.
   */
  readonly reconnectFloorMs?: number;
  /** Detector thresholds of the diagnostics (tests make them small). */
  readonly diagnostics?: Partial<DiagnosticsThresholds>;
  /**
   * Keep a Dify run that paused for human input (workflow_paused, then the
   * stream ended) running, waiting for reattach() after the form is filled.
   * The dashboard sets it; headless runs end at the pause.
   */
  readonly holdPausedRuns?: boolean;
};

/** The reason of the `waiting` record of a run held at a Dify human input pause. */
export const HUMAN_INPUT_WAIT_REASON =
  'paused for human input: fill the form, then ssedeck re-attaches';

/**
 * The engine for one stream: connects (connection.ts), decides what follows
 * each connection (reconnect-policy.ts), enforces the run's limits and emits
 * the records every consumer reads.
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
  #reconnectionTimeFromServer = false;
  readonly #reconnectFloorMs: number;
  readonly #thresholds: Partial<DiagnosticsThresholds> | undefined;
  #bytesReceived = 0;
  readonly #holdPausedRuns: boolean;
  /** The Dify run of the current engine run (chat and workflow endpoints only). */
  #watch: DifyRunWatch | undefined;

  #resolved: ResolvedStreamSpec;

  constructor(resolved: ResolvedStreamSpec, options: SseStreamOptions = {}) {
    // A caFile that cannot be read is the caller's mistake: say so now, not on every reconnect.
    checkTlsSettings(resolved.spec);
    this.#resolved = resolved;
    this.name = resolved.name;
    this.#fetch = options.fetch ?? defaultFetch;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#waitForConsumer = options.waitForConsumer;
    this.#reconnectionTimeMs = resolved.spec.retryDelay;
    this.#reconnectFloorMs = options.reconnectFloorMs ?? RECONNECT_FLOOR_MS;
    this.#thresholds = options.diagnostics;
    this.#holdPausedRuns = options.holdPausedRuns ?? false;
  }

  /** The workflow_run_id of the Dify run this stream last saw, if any. */
  get workflowRunId(): string | undefined {
    return this.#watch?.workflowRunId;
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
    this.#watch = createDifyRunWatch(this.#resolved.spec.url);
    return this.#startRun(false);
  }

  /**
   * Re-attaches to the stream's Dify run (GET /workflow/{id}/events): false
   * when there is no run to re-attach to (none seen, or it finished).
   */
  reattach(): boolean {
    if (!reattachSpecOf(this.#watch, this.#resolved.spec)) return false;
    if (this.#watch?.terminal === 'finished') return false;
    const run = this.#run;
    if (!run) {
      void this.#startRun(true);
      return true;
    }
    if (run.finish) return false;
    run.reattachNext = true;
    run.connection?.abort(new AbortCause('manual', 'manual re-attach'));
    run.wake?.();
    return true;
  }

  #startRun(reattach: boolean): Promise<SummaryRecord> {
    const run = createRun(this.#now(), {
      idleTimeoutMs: this.#resolved.idleTimeoutMs,
      thresholds: this.#thresholds,
    });
    run.reattachNext = reattach;
    this.#run = run;
    void this.#loop(run).then((summary) => {
      this.#run = undefined;
      run.resolveDone(summary);
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
  #end(cause: AbortCause, finish: RunEnd): void {
    const run = this.#run;
    if (!run || run.finish) return;
    run.finish = finish;
    run.connection?.abort(cause);
    run.wake?.();
  }

  #emit(run: Run, record: StreamRecord): void {
    applyRecord(run.counters, record);
    run.diagnostics.observe(record);
    for (const listener of this.#listeners) listener(record);
  }

  /** Emits the run's diagnostics now (with `onlyNewFindings`: only when its findings changed). */
  #emitDiagnostics(run: Run, onlyNewFindings = false): StreamDiagnostics {
    const base = this.#base();
    const {diagnostics, findingsChanged} = run.diagnostics.snapshot(base.timestamp);
    if (findingsChanged || !onlyNewFindings)
      this.#emit(run, {...base, type: 'diagnostics', diagnostics});
    return diagnostics;
  }

  /** Only for records that are not per event: it spreads into each one. */
  #base(): {stream: string; timestamp: number; bytesReceived: number} {
    return {stream: this.name, timestamp: this.#now(), bytesReceived: this.#bytesReceived};
  }

  async #loop(run: Run): Promise<SummaryRecord> {
    const durationTimer = limitTimer(this.resolved.maxDurationMs, () =>
      this.#end(new AbortCause('limit', 'max duration reached'), {
        status: 'completed',
        reason: 'max duration reached',
      }),
    );
    try {
      while (!run.finish) {
        run.attempt++;
        const reattachSpec = run.reattachNext
          ? reattachSpecOf(this.#watch, this.resolved.spec)
          : undefined;
        run.reattachNext = false;
        this.#emit(run, {
          ...this.#base(),
          type: 'status',
          state: 'connecting',
          attempt: run.attempt,
          lastEventId: reattachSpec ? '' : this.#lastEventId,
          ...(reattachSpec ? {reattach: true} : {}),
        });
        const outcome = await this.#connect(run, reattachSpec);
        if (run.finish) break;
        const delayMs = this.#nextDelay(run, outcome, reattachSpec !== undefined);
        if (delayMs === undefined) break;
        if (delayMs === 'hold') await waitUntilWoken(run);
        else await sleepUnlessWoken(run, delayMs);
      }
    } catch (error) {
      // A bug (in a consumer's listener, say) must end the run visibly, not hang it.
      const message = error instanceof Error ? error.message : String(error);
      run.connection?.abort(new AbortCause('stop', 'internal error'));
      run.finish ??= {status: 'failed', reason: `internal error: ${message}`};
    } finally {
      clearTimeout(durationTimer);
    }
    return this.#summarize(run, run.finish ?? {status: 'stopped', reason: 'stopped'});
  }

  async #connect(run: Run, reattachSpec: StreamSpec | undefined): Promise<ConnectionOutcome> {
    const controller = new AbortController();
    run.connection = controller;
    run.eventsThisConnection = 0;
    run.openedThisConnection = false;
    const sentAt = this.#now();
    const {resolved} = this;
    const {maxEvents} = resolved.spec;
    const watch = this.#watch;
    if (watch) watch.terminal = undefined;
    const outcome = await runConnection(
      {
        request: reattachSpec
          ? buildRequest(reattachSpec, '')
          : buildRequest(resolved.spec, this.#lastEventId),
        fetch: this.#fetch,
        controller,
        timeoutMs: resolved.timeoutMs,
        idleTimeoutMs: resolved.idleTimeoutMs,
        maxBufferSize: resolved.spec.maxBufferSize,
        lastEventId: this.#lastEventId,
        now: this.#now,
      },
      {
        onOpen: ({httpStatus, contentType, headers}) => {
          run.openedThisConnection = true;
          this.#emit(run, {
            ...this.#base(),
            type: 'status',
            state: 'open',
            attempt: run.attempt,
            httpStatus,
            contentType,
            headersMs: this.#now() - sentAt,
            headers,
            ...(reattachSpec ? {reattach: true} : {}),
          });
          this.#emitDiagnostics(run);
        },
        onBytes: (count) => {
          this.#bytesReceived += count;
          // Per chunk: a few numbers; a diagnostics record at most about once a second.
          run.diagnostics.chunk(count, this.#now());
        },
        afterChunk: () => {
          if (!run.finish && run.diagnostics.due(this.#now())) this.#emitDiagnostics(run);
        },
        onEvent: (event) => {
          const eventId = event.lastEventId;
          this.#lastEventId = eventId;
          if (run.finish) return;
          if (watch) observeDifyEvent(watch, event.data);
          run.eventsThisConnection++;
          // Hot path: one literal of a fixed shape, no spreads, nothing formatted.
          this.#emit(run, {
            stream: this.name,
            timestamp: this.#now(),
            bytesReceived: this.#bytesReceived,
            type: 'event',
            eventNumber: run.counters.events + 1,
            eventType: event.type,
            data: event.data,
            eventId,
          });
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
          this.#reconnectionTimeFromServer = true;
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

  /**
   * Applies the reconnect policy: emits its records, returns the delay, 'hold'
   * (wait for a re-attach), or undefined to finish. Dify runs: a paused run is
   * held when holdPausedRuns says so; with `resume: true` a dropped run with a
   * known workflow_run_id reconnects by re-attaching instead of failing.
   */
  #nextDelay(
    run: Run,
    outcome: ConnectionOutcome,
    reattached: boolean,
  ): number | 'hold' | undefined {
    const next = decideNextConnection(
      this.resolved,
      {
        outcome,
        opened: run.openedThisConnection,
        events: run.eventsThisConnection,
        failures: run.failures,
        reconnectionTimeMs: this.#reconnectionTimeMs,
        reconnectionTimeFromServer: this.#reconnectionTimeFromServer,
        floorMs: this.#reconnectFloorMs,
      },
      {watch: this.#watch, holdPausedRuns: this.#holdPausedRuns, reattached},
      this.#random,
    );
    if (next.kind === 'hold') return this.#hold(run);
    const {decision} = next;
    if (next.reattach) run.reattachNext = true;
    const {retries} = this.resolved;
    for (const record of policyRecords(this.#base(), decision, run.attempt + 1, retries)) {
      this.#emit(run, record);
    }
    if (decision.kind === 'finish') {
      run.finish = {status: decision.status, reason: decision.reason};
      return undefined;
    }

    run.failures = decision.failures;
    this.#emitDiagnostics(run);
    return decision.delayMs;
  }

  /**
   * A paused Dify run waits (no timer) for reattach(), a reconnect or a stop:
   * a `waiting` record, not a reconnect (nothing failed, nothing is retried).
   */
  #hold(run: Run): 'hold' {
    run.reattachNext = true;
    run.failures = 0;
    this.#emit(run, {
      ...this.#base(),
      type: 'status',
      state: 'waiting',
      reason: HUMAN_INPUT_WAIT_REASON,
      attempt: run.attempt + 1,
    });
    this.#emitDiagnostics(run);
    return 'hold';
  }

  #summarize(run: Run, end: RunEnd): SummaryRecord {
    run.diagnostics.finish(end.reason, this.#now());
    // New findings are reported as they are made (-v prints them), also at the very end.
    const diagnostics = this.#emitDiagnostics(run, true);
    const ended = {...run, lastEventId: this.#lastEventId};
    const summary = buildSummary(this.#base(), end, ended, diagnostics);
    this.#emit(run, summary);
    return summary;
  }
}
