import type {ConnectionOutcome} from './connection.js';
import {difyReattachSpec, REATTACH_NEEDS_DIFY_1_14} from './dify-requests.js';
import type {DifyRunWatch} from './dify-run-watch.js';
import {decideReconnect, type ConnectionFacts, type PolicyDecision} from './reconnect-policy.js';
import type {ResolvedStreamSpec, StreamSpec} from './stream-spec.js';

/**
 * The reconnect policy with a Dify run in view: a run paused for human input
 * is held, a dropped run re-attaches instead of re-sending the request
 * (`resume: true`), and a re-attach refused with 404 says it needs Dify 1.14.
 */

/** The end of a `reconnecting` reason when the next request re-attaches to the Dify run. */
export const REATTACH_REASON = '(re-attaching to the Dify run)';

/**
 * The request that re-attaches to the watched run (GET
 * /workflow/{workflow_run_id}/events), when a run was seen and the stream's
 * URL is a Dify API one.
 */
export function reattachSpecOf(
  watch: DifyRunWatch | undefined,
  spec: StreamSpec,
): StreamSpec | undefined {
  const runId = watch?.workflowRunId;
  return runId === undefined ? undefined : difyReattachSpec(spec, runId);
}

/**
 * What the end of a connection means for the watched Dify run: `hold` it (it
 * paused for human input and the caller holds paused runs), `reattach` to it
 * (`resume: true` and the stream dropped before the run's terminal event),
 * or nothing special (undefined).
 */
export function afterDifyConnection(
  watch: DifyRunWatch | undefined,
  outcome: ConnectionOutcome,
  options: {readonly holdPausedRuns: boolean; readonly resume: boolean},
): 'hold' | 'reattach' | undefined {
  if (watch?.workflowRunId === undefined) return undefined;
  if (options.holdPausedRuns && outcome.kind === 'ended' && watch.terminal === 'paused') {
    return 'hold';
  }
  const dropped =
    (outcome.kind === 'error' && outcome.retryable) ||
    (outcome.kind === 'ended' && watch.terminal === undefined);
  return options.resume && dropped ? 'reattach' : undefined;
}

/** What follows a connection: hold the paused run, or the policy's decision (re-attaching or not). */
export type NextConnection =
  | {readonly kind: 'hold'}
  | {readonly kind: 'policy'; readonly decision: PolicyDecision; readonly reattach: boolean};

export type DifyContext = {
  readonly watch: DifyRunWatch | undefined;
  /** The dashboard holds runs paused for human input (SseStreamOptions.holdPausedRuns). */
  readonly holdPausedRuns: boolean;
  /** The connection that ended was a re-attach. */
  readonly reattached: boolean;
};

export function decideNextConnection(
  resolved: ResolvedStreamSpec,
  facts: ConnectionFacts,
  dify: DifyContext,
  random: () => number,
): NextConnection {
  const after = afterDifyConnection(dify.watch, facts.outcome, {
    holdPausedRuns: dify.holdPausedRuns,
    resume: resolved.spec.resume === true,
  });
  if (after === 'hold') return {kind: 'hold'};
  const {outcome} = facts;
  const explained =
    dify.reattached && outcome.kind === 'error' && outcome.httpStatus === 404
      ? {...outcome, error: `${outcome.error} (${REATTACH_NEEDS_DIFY_1_14})`}
      : outcome;
  const reattach = after === 'reattach';
  // A re-attach is a GET of the same run: it may follow any drop, even of a POST.
  const policy = reattach
    ? {...resolved, reconnect: 'always' as const, resendAfterStart: true}
    : resolved;
  const decided = decideReconnect(policy, {...facts, outcome: explained}, random);
  const decision =
    reattach && decided.kind === 'reconnect'
      ? {...decided, reason: `${decided.reason} ${REATTACH_REASON}`}
      : decided;
  return {kind: 'policy', decision, reattach};
}
