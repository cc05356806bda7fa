/**
 * Reconnect delays. The base is the reconnection time (the server's `retry`
 * or the spec's retryDelay), kept between the reconnect floor and the cap
 * (maxRetryDelay). With no failures the delay is exactly that base;
 * consecutive failures double it, add up to 30% jitter and cap it. No server
 * can push a delay below the floor (no reconnect storm) or above the cap (no
 * timer overflow).
 */
export type BackoffInput = {
  readonly baseMs: number;
  readonly failures: number;
  readonly capMs: number;
  readonly random: () => number;
  /** The shortest automatic reconnect delay; RECONNECT_FLOOR_MS unless a test says otherwise. */
  readonly floorMs?: number;
};

export const JITTER_RATIO = 0.3;

/** No automatic reconnect comes sooner than this, whatever `retry:` says. */
export const RECONNECT_FLOOR_MS = 250;

/** The cap never goes below the floor: a tiny maxRetryDelay still gets the floor. */
export function effectiveCap(capMs: number, floorMs = RECONNECT_FLOOR_MS): number {
  return Math.max(capMs, floorMs);
}

/** A delay held between the floor and the cap. */
export function clampDelay(ms: number, capMs: number, floorMs = RECONNECT_FLOOR_MS): number {
  return Math.min(effectiveCap(capMs, floorMs), Math.max(floorMs, ms));
}

export function reconnectDelay({
  baseMs,
  failures,
  capMs,
  random,
  floorMs = RECONNECT_FLOOR_MS,
}: BackoffInput): number {
  const cap = effectiveCap(capMs, floorMs);
  const base = clampDelay(baseMs, capMs, floorMs);
  if (failures <= 0) return base;
  const exponential = base * 2 ** Math.min(failures - 1, 30);
  const jittered = exponential * (1 + JITTER_RATIO * random());
  return Math.round(Math.max(base, Math.min(cap, jittered)));
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`; undefined when absent or bad. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** "30 s", "1.5 s", "250 ms" for reasons and errors. */
export function formatDelay(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(3))} s`;
}
