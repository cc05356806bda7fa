import type {ConnectionInfo} from '../core/store/types.js';
import {formatCountdown} from './format.js';
import {localizeMarks, unicodeGlyphs, type Glyphs} from './theme.js';

/**
 * The state badge text of a pane, e.g. "RETRY in 3s (attempt 2/5)"; a
 * reason or failure cut by the store ends in the theme's ellipsis.
 */
export function badgeText(
  connection: ConnectionInfo,
  now: number,
  glyphs: Glyphs = unicodeGlyphs,
): string {
  switch (connection.kind) {
    case 'idle':
      return connection.ready ? 'READY' : 'IDLE';
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
    case 'waiting':
      // Only a Dify run held at a human input pause waits: for its form, not for a timer.
      return 'WAITING (human input)';
    case 'closed':
      return `CLOSED (${localizeMarks(connection.reason, glyphs)})`;
    case 'failed':
      return `FAILED ${localizeMarks(connection.short, glyphs)}`;
  }
}

export function pausedText(arrivals: number): string {
  return arrivals > 0 ? `PAUSED (+${arrivals})` : 'PAUSED';
}
