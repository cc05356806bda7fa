/**
 * The one reconnect countdown text, shared by the state badge and the pane's
 * "reconnecting" line so they always agree: whole seconds rounded up (it never
 * shows 0s early), "now" once the time has come.
 */
export function formatCountdown(ms: number): string {
  return ms <= 0 ? 'now' : `in ${Math.ceil(ms / 1000)}s`;
}

/**
 * "reconnecting in 2s: stream ended" until the retry is due, then what
 * happened ("retried after 2s: stream ended"); `since` is when it was scheduled.
 */
export function reconnectingText(
  retryAt: number,
  now: number,
  reason: string,
  since: number = now,
): string {
  if (retryAt > now) return `reconnecting ${formatCountdown(retryAt - now)}: ${reason}`;
  return `retried after ${Math.ceil(Math.max(0, retryAt - since) / 1000)}s: ${reason}`;
}
