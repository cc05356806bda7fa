import type {ConnectionInfo} from '../core/store/types.js';
import {formatCountdown} from './format.js';

/** The state badge text of a pane, e.g. "RETRY in 3s (attempt 2/5)". */
export function badgeText(connection: ConnectionInfo, now: number): string {
  switch (connection.kind) {
    case 'idle':
      return 'IDLE';
    case 'connecting':
      return connection.attempt > 1 ? `CONNECTING (attempt ${connection.attempt})` : 'CONNECTING';
    case 'open':
      return 'OPEN';
    case 'retry': {
      const {failures, maxFailures} = connection;
      const attempt =
        failures === 0
          ? ''
          : Number.isFinite(maxFailures)
            ? ` (attempt ${failures}/${maxFailures})`
            : ` (attempt ${failures})`;
      return `RETRY ${formatCountdown(connection.retryAt - now)}${attempt}`;
    }
    case 'closed':
      return `CLOSED (${connection.reason})`;
    case 'failed':
      return `FAILED ${connection.short}`;
  }
}

export function pausedText(arrivals: number): string {
  return arrivals > 0 ? `PAUSED (+${arrivals})` : 'PAUSED';
}
