/**
 * Events per second over the last few seconds, from per-second arrival
 * buckets. The store fills the meter at ingest; the UI computes the rate from
 * an immutable sample and its own clock, so the rate decays to 0 when a
 * stream goes quiet even though no new snapshot is published.
 */

export const RATE_WINDOW_SECONDS = 5;
/** Seconds of per-second counts kept: the pane's sparkline shows the last minute. */
export const RATE_HISTORY_SECONDS = 60;

/** Arrival counts per whole second (epoch seconds), newest last. */
export type RateSample = {
  readonly seconds: readonly number[];
  readonly counts: readonly number[];
  /** When the first counted arrival happened (ms), for short-lived streams. */
  readonly since: number | undefined;
};

export const emptyRateSample: RateSample = {seconds: [], counts: [], since: undefined};

export type RateMeter = {
  add(nowMs: number): void;
  sample(): RateSample;
};

export function createRateMeter(windowSeconds = RATE_HISTORY_SECONDS): RateMeter {
  // A bounded ring in effect: one slot per second that had arrivals, trimmed
  // once a second, never per event.
  const keep = windowSeconds + 1;
  let seconds: number[] = [];
  let counts: number[] = [];
  let since: number | undefined;
  return {
    add(nowMs) {
      since ??= nowMs;
      const second = Math.floor(nowMs / 1000);
      const last = seconds.length - 1;
      if (last >= 0 && seconds[last] === second) {
        counts[last] = (counts[last] ?? 0) + 1;
        return;
      }
      seconds.push(second);
      counts.push(1);
      if (seconds.length > keep) {
        seconds = seconds.slice(-keep);
        counts = counts.slice(-keep);
      }
    },
    sample() {
      return {seconds: [...seconds], counts: [...counts], since};
    },
  };
}

/** Average events per second over the window ending at `nowMs`. */
export function eventsPerSecond(
  sample: RateSample,
  nowMs: number,
  windowSeconds = RATE_WINDOW_SECONDS,
): number {
  if (sample.since === undefined) return 0;
  const nowSecond = Math.floor(nowMs / 1000);
  const oldest = nowSecond - windowSeconds + 1;
  let total = 0;
  sample.seconds.forEach((second, index) => {
    if (second >= oldest && second <= nowSecond) total += sample.counts[index] ?? 0;
  });
  // The window spans the whole seconds before now plus the current partial one,
  // and never more time than the stream has been sending.
  const windowMs = (windowSeconds - 1) * 1000 + (nowMs % 1000);
  const elapsedMs = Math.min(windowMs, nowMs - sample.since);
  return total / Math.max(1, elapsedMs / 1000);
}
