/**
 * Reconnect delays. The base is the reconnection time (the server's `retry`
 * or the spec's retryDelay). With no failures the delay is exactly the base;
 * consecutive failures double it, add up to 30% jitter, cap it, and never go
 * below the base (a server asking for more than the cap gets what it asked).
 */
export type BackoffInput = {
  readonly baseMs: number;
  readonly failures: number;
  readonly capMs: number;
  readonly random: () => number;
};

export const JITTER_RATIO = 0.3;

export function reconnectDelay({baseMs, failures, capMs, random}: BackoffInput): number {
  if (failures <= 0) return baseMs;
  const exponential = baseMs * 2 ** Math.min(failures - 1, 30);
  const jittered = exponential * (1 + JITTER_RATIO * random());
  return Math.round(Math.max(baseMs, Math.min(capMs, jittered)));
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
