import type {ErrorRecord, ReconnectingRecord, StreamRecord} from './records.js';
import type {PolicyDecision} from './reconnect-policy.js';

type Base = {readonly stream: string; readonly timestamp: number; readonly bytesReceived: number};

/**
 * The records a reconnect decision stands for: its failure (an error record,
 * `failed` when the run finishes, else `retrying`) and, for a reconnect, the
 * `reconnecting` status with the delay, its source and the next attempt.
 */
export function policyRecords(
  base: Base,
  decision: PolicyDecision,
  nextAttempt: number,
  maxFailures: number,
): StreamRecord[] {
  const records: StreamRecord[] = [];
  const {failure} = decision;
  if (failure) {
    const status = decision.kind === 'finish' ? 'failed' : 'retrying';
    records.push({...base, type: 'error', status, ...failure} satisfies ErrorRecord);
  }
  if (decision.kind === 'reconnect') {
    records.push({
      ...base,
      type: 'status',
      state: 'reconnecting',
      delayMs: decision.delayMs,
      reason: decision.reason,
      attempt: nextAttempt,
      failures: decision.failures,
      maxFailures,
      delaySource: decision.delaySource,
      clamped: decision.clamped,
    } satisfies ReconnectingRecord);
  }
  return records;
}
