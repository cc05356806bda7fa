// Small statistics over samples.
import {setTimeout} from 'node:timers';
export const sorted = (values) => [...values].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100) of `values`. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const rank = Math.ceil((p / 100) * ordered.length);
  return ordered[Math.min(ordered.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
}

/** {median, min, max, samples} of `values`. */
export function summarize(values) {
  return {
    median: median(values),
    min: values.length ? Math.min(...values) : Number.NaN,
    max: values.length ? Math.max(...values) : Number.NaN,
    samples: values,
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
