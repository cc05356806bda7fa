import {describe, expect, it} from 'vitest';
import type {ConnectionOutcome} from '../../source/core/connection.js';
import {decideReconnect, type ConnectionFacts} from '../../source/core/reconnect-policy.js';
import {
  parseStreamSpec,
  resolveStreamSpec,
  type StreamSpecInput,
} from '../../source/core/stream-spec.js';

const resolved = (input: Partial<StreamSpecInput> = {}) =>
  resolveStreamSpec(parseStreamSpec({name: 's', url: 'http://h/e', ...input}));
const facts = (
  outcome: ConnectionOutcome,
  more: Partial<ConnectionFacts> = {},
): ConnectionFacts => ({
  outcome,
  opened: true,
  events: 0,
  failures: 0,
  reconnectionTimeMs: 1000,
  ...more,
});
const ended: ConnectionOutcome = {kind: 'ended'};
const networkError: ConnectionOutcome = {
  kind: 'error',
  error: 'network error: reset',
  retryable: true,
  httpStatus: undefined,
  retryAfterMs: undefined,
};
const noJitter = () => 0;

describe('decideReconnect', () => {
  it('waits exactly the reconnection time after a clean end that delivered events', () => {
    expect(decideReconnect(resolved(), facts(ended, {events: 3, failures: 4}), noJitter)).toEqual({
      kind: 'reconnect',
      delayMs: 1000,
      reason: 'stream ended',
      failures: 0,
      delaySource: 'reconnection-time',
      clamped: false,
    });
  });

  it('counts a clean end without events as a failure and backs off', () => {
    const decision = decideReconnect(resolved(), facts(ended, {failures: 2}), noJitter);
    expect(decision).toMatchObject({kind: 'reconnect', delayMs: 4000, failures: 3});
  });

  it('finishes on a clean end under on-error and never, and for a POST under always', () => {
    expect(
      decideReconnect(resolved({reconnect: 'on-error'}), facts(ended, {events: 1}), noJitter),
    ).toMatchObject({kind: 'finish', status: 'completed', reason: 'stream ended'});
    expect(
      decideReconnect(
        resolved({method: 'POST', reconnect: 'always'}),
        facts(ended, {events: 1}),
        noJitter,
      ),
    ).toMatchObject({kind: 'finish', status: 'completed'});
  });

  it('retries a network error of a GET even after its response started, resetting after events', () => {
    expect(
      decideReconnect(resolved(), facts(networkError, {events: 5, failures: 7}), noJitter),
    ).toMatchObject({
      kind: 'reconnect',
      delayMs: 1000,
      failures: 1,
      failure: {error: 'network error: reset'},
    });
  });

  it('never re-sends a POST whose response started', () => {
    const decision = decideReconnect(
      resolved({method: 'POST', reconnect: 'always'}),
      facts(networkError),
      noJitter,
    );
    expect(decision).toMatchObject({
      kind: 'finish',
      status: 'failed',
      reason: 'network error: reset (a POST is not re-sent once its response started)',
    });
  });

  it('retries a POST that failed before its response (on-error), up to retries', () => {
    const before = facts(networkError, {opened: false});
    expect(decideReconnect(resolved({method: 'POST'}), before, noJitter)).toMatchObject({
      kind: 'reconnect',
      failures: 1,
    });
    expect(
      decideReconnect(resolved({method: 'POST'}), {...before, failures: 3}, noJitter),
    ).toMatchObject({
      kind: 'finish',
      status: 'failed',
      reason: 'network error: reset (gave up after 4 consecutive failures)',
    });
  });

  it('with retries 0, the first failure ends the stream and says no retries were allowed', () => {
    expect(
      decideReconnect(resolved({retries: 0}), facts(networkError, {opened: false}), noJitter),
    ).toMatchObject({kind: 'finish', reason: 'network error: reset (no retries allowed)'});
  });

  it('keeps every delay between the floor and the cap, noting a clamped server retry', () => {
    const zero = facts(ended, {reconnectionTimeMs: 0, reconnectionTimeFromServer: true});
    expect(decideReconnect(resolved(), {...zero, events: 1}, noJitter)).toMatchObject({
      delayMs: 250,
      reason: 'stream ended',
    });
    expect(decideReconnect(resolved(), {...zero, failures: 2}, noJitter)).toMatchObject({
      delayMs: 1000,
      failures: 3,
    });
    const huge = facts(ended, {
      events: 1,
      reconnectionTimeMs: 99_999_999_999,
      reconnectionTimeFromServer: true,
    });
    expect(decideReconnect(resolved(), huge, noJitter)).toEqual({
      kind: 'reconnect',
      delayMs: 30_000,
      reason: 'stream ended (server asked retry: 99999999999 ms, clamped to 30 s)',
      failures: 0,
      delaySource: 'retry',
      clamped: true,
    });
    expect(
      decideReconnect(resolved({maxRetryDelay: 0.1}), {...zero, failures: 5}, noJitter),
    ).toMatchObject({delayMs: 250});
  });

  it('fails at once on a non-retryable error and under never', () => {
    const unauthorized: ConnectionOutcome = {
      kind: 'error',
      error: 'HTTP 401',
      retryable: false,
      httpStatus: 401,
      retryAfterMs: undefined,
    };
    expect(
      decideReconnect(resolved(), facts(unauthorized, {opened: false}), noJitter),
    ).toMatchObject({kind: 'finish', status: 'failed', failure: {httpStatus: 401}});
    expect(
      decideReconnect(
        resolved({reconnect: 'never'}),
        facts(networkError, {opened: false}),
        noJitter,
      ),
    ).toMatchObject({kind: 'finish', status: 'failed'});
  });

  it('waits at least Retry-After', () => {
    const busy: ConnectionOutcome = {
      kind: 'error',
      error: 'HTTP 503',
      retryable: true,
      httpStatus: 503,
      retryAfterMs: 20_000,
    };
    expect(decideReconnect(resolved(), facts(busy, {opened: false}), noJitter)).toMatchObject({
      kind: 'reconnect',
      delayMs: 20_000,
      delaySource: 'retry-after',
      clamped: false,
    });
    const longer = {...busy, retryAfterMs: 3_600_000};
    expect(decideReconnect(resolved(), facts(longer, {opened: false}), noJitter)).toMatchObject({
      delayMs: 30_000,
      delaySource: 'retry-after',
      clamped: true,
    });
  });

  it('stops for good on 204 and reconnects at once on a manual reconnect', () => {
    expect(
      decideReconnect(resolved(), facts({kind: 'stop', reason: 'HTTP 204'}), noJitter),
    ).toEqual({kind: 'finish', status: 'completed', reason: 'HTTP 204'});
    expect(
      decideReconnect(
        resolved(),
        facts(
          {
            kind: 'aborted',
            cause: {kind: 'manual', message: 'manual reconnect'},
          } as ConnectionOutcome,
          {failures: 3},
        ),
        noJitter,
      ),
    ).toEqual({
      kind: 'reconnect',
      delayMs: 0,
      reason: 'manual reconnect',
      failures: 0,
      delaySource: 'manual',
      clamped: false,
    });
  });
});
