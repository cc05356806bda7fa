import type {RateSample} from '../core/store/rate.js';

/** Bar heights, lowest (no events) first. */
export const SPARK_LEVELS = ' ▁▂▃▄▅▆▇█';
export const ASCII_SPARK_LEVELS = ' .:-=+*#%';
/** The sparkline covers at most the last minute, one column per second. */
export const SPARK_SECONDS = 60;

/**
 * Events per second over the last `width` whole seconds before `now` (the
 * current, partial second left out), one character each, scaled to the
 * busiest second shown. Only ASCII or single-width block characters.
 */
export function sparkline(
  sample: RateSample,
  now: number,
  width: number,
  levels: string = SPARK_LEVELS,
): string {
  const columns = Math.max(0, Math.min(SPARK_SECONDS, Math.floor(width)));
  if (columns === 0) return '';
  const last = Math.floor(now / 1000) - 1;
  const first = last - columns + 1;
  const counts = new Array<number>(columns).fill(0);
  let max = 0;
  sample.seconds.forEach((second, index) => {
    if (second < first || second > last) return;
    const count = sample.counts[index] ?? 0;
    counts[second - first] = count;
    if (count > max) max = count;
  });
  const top = levels.length - 1;
  let line = '';
  for (const count of counts) {
    line += count === 0 ? levels[0] : levels[Math.max(1, Math.ceil((count / max) * top))];
  }
  return line;
}
