import {
  clampDelay,
  effectiveCap,
  formatDelay,
  RECONNECT_FLOOR_MS,
  reconnectDelay,
} from './backoff.js';
import type {ConnectionOutcome} from './connection.js';
import type {DelaySource} from './diagnostics/types.js';
import type {SummaryStatus} from './records.js';
import type {ResolvedStreamSpec} from './stream-spec.js';

/** What one connection did, as far as the policy cares. */
export type ConnectionFacts = {
  readonly outcome: ConnectionOutcome;
  readonly opened: boolean;
  readonly events: number;
  /** Consecutive failures before this connection. */
  readonly failures: number;
  /** The server's `retry` or the spec's retryDelay. */
  readonly reconnectionTimeMs: number;
  /** True when reconnectionTimeMs came from the server's `retry:` field. */
  readonly reconnectionTimeFromServer?: boolean;
  /** Shortest automatic reconnect delay (RECONNECT_FLOOR_MS unless a test lowers it). */
  readonly floorMs?: number;
};

export type FailureReport = {readonly error: string; readonly httpStatus: number | undefined};

export type PolicyDecision =
  | {
      readonly kind: 'finish';
      readonly status: SummaryStatus;
      readonly reason: string;
      /** Reported as an error record with status "failed". */
      readonly failure?: FailureReport;
    }
  | {
      readonly kind: 'reconnect';
      readonly delayMs: number;
      readonly reason: string;
      readonly failures: number;
      /** Where the delay came from; `clamped`: a server's ask was held to the floor or cap. */
      readonly delaySource: DelaySource;
      readonly clamped: boolean;
      /** Reported as an error record with status "retrying". */
      readonly failure?: FailureReport;
    };

/**
 * The reconnect policy as one pure function (see README "Reconnects"):
 * - a clean end reconnects after exactly the reconnection time under `always`,
 *   and finishes the stream under `on-error` and `never`;
 * - retryable failures (network, timeouts, 408/429/5xx) back off
 *   exponentially; a connection that delivered events resets the backoff, one
 *   that delivered none counts as a failure;
 * - only GET is re-sent automatically once its response started;
 * - more than `retries` consecutive failures fail the stream;
 * - every automatic delay stays between the floor (RECONNECT_FLOOR_MS) and
 *   the cap (maxRetryDelay); a server's `retry:` or Retry-After above the cap
 *   is clamped, and the reconnecting reason says so.
 */
export function decideReconnect(
  resolved: ResolvedStreamSpec,
  facts: ConnectionFacts,
  random: () => number,
): PolicyDecision {
  const {outcome} = facts;
  const failuresBefore = facts.events > 0 ? 0 : facts.failures;
  const floorMs = facts.floorMs ?? RECONNECT_FLOOR_MS;
  const capMs = effectiveCap(resolved.maxRetryDelayMs, floorMs);
  const baseMs = clampDelay(facts.reconnectionTimeMs, capMs, floorMs);
  const fromServer = facts.reconnectionTimeFromServer === true;
  const baseSource: DelaySource = fromServer ? 'retry' : 'reconnection-time';
  const baseClamped = fromServer && baseMs !== facts.reconnectionTimeMs;
  const retryNote =
    fromServer && facts.reconnectionTimeMs > capMs
      ? clampNote(`retry: ${facts.reconnectionTimeMs} ms`, capMs)
      : '';
  const backoff = (failures: number) => reconnectDelay({baseMs, failures, capMs, random, floorMs});
  const fail = (error: string, httpStatus?: number): PolicyDecision => ({
    kind: 'finish',
    status: 'failed',
    reason: error,
    failure: {error, httpStatus},
  });

  switch (outcome.kind) {
    case 'stop':
      return {kind: 'finish', status: 'completed', reason: outcome.reason};
    case 'aborted':
      // Stop and limits finish the run before the policy is asked; this is a manual reconnect.
      return {
        kind: 'reconnect',
        delayMs: 0,
        reason: 'manual reconnect',
        failures: 0,
        delaySource: 'manual',
        clamped: false,
      };
    case 'ended': {
      if (resolved.reconnect !== 'always') {
        return {kind: 'finish', status: 'completed', reason: 'stream ended'};
      }
      if (!resolved.resendAfterStart) {
        const reason = `stream ended (a ${resolved.spec.method} is not re-sent automatically)`;
        return {kind: 'finish', status: 'completed', reason};
      }
      if (facts.events > 0) {
        return {
          kind: 'reconnect',
          delayMs: baseMs,
          reason: `stream ended${retryNote}`,
          failures: 0,
          delaySource: baseSource,
          clamped: baseClamped,
        };
      }
      const failures = failuresBefore + 1;
      if (failures > resolved.retries) {
        return fail(
          failures === 1
            ? 'stream ended without events'
            : `stream ended without events ${failures} times in a row`,
        );
      }
      return {
        kind: 'reconnect',
        delayMs: backoff(failures),
        reason: `stream ended without events${retryNote}`,
        failures,
        delaySource: 'backoff',
        clamped: baseClamped,
      };
    }
    case 'error': {
      const {error, httpStatus} = outcome;
      if (!outcome.retryable || resolved.reconnect === 'never') return fail(error, httpStatus);
      if (facts.opened && (resolved.reconnect === 'on-error' || !resolved.resendAfterStart)) {
        const why = resolved.resendAfterStart
          ? 'reconnect on-error only retries before the response starts'
          : `a ${resolved.spec.method} is not re-sent once its response started`;
        return fail(`${error} (${why})`, httpStatus);
      }
      const failures = failuresBefore + 1;
      if (failures > resolved.retries) {
        const gaveUp =
          failures === 1 ? 'no retries allowed' : `gave up after ${failures} consecutive failures`;
        return fail(`${error} (${gaveUp})`, httpStatus);
      }
      const retryAfterMs = outcome.retryAfterMs ?? 0;
      const backoffMs = backoff(failures);
      const delayMs = Math.min(capMs, Math.max(backoffMs, retryAfterMs));
      const note =
        retryAfterMs > capMs
          ? clampNote(`Retry-After ${Number((retryAfterMs / 1000).toFixed(3))} s`, capMs)
          : retryNote;
      const byRetryAfter = outcome.retryAfterMs !== undefined && retryAfterMs >= backoffMs;
      return {
        kind: 'reconnect',
        delayMs,
        reason: `${error}${note}`,
        failures,
        delaySource: byRetryAfter ? 'retry-after' : 'backoff',
        clamped: byRetryAfter ? retryAfterMs > capMs : baseClamped,
        failure: {error, httpStatus},
      };
    }
  }
}

function clampNote(asked: string, capMs: number): string {
  return ` (server asked ${asked}, clamped to ${formatDelay(capMs)})`;
}
