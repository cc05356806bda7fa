/** Largest distance from the epoch a Date can hold, in ms (ECMAScript TimeClip). */
const MAX_TIME = 8.64e15;

let lastMs = Number.NaN;
let lastText = '';
/** Start (ms) of the second whose ISO text up to the "." is `secondPrefix`. */
let secondStart = Number.NaN;
let secondPrefix = '';

/**
 * Exactly `new Date(ms).toISOString()`, cheap for the timestamps of records:
 * the text of the last millisecond is reused, and the date and time up to the
 * seconds are formatted once per second, so a flood of records formats no
 * dates. Invalid times throw the same RangeError as Date.
 */
export function isoTimestamp(ms: number): string {
  if (ms === lastMs) return lastText;
  // Date truncates toward zero; `%` on whole numbers is exact.
  const time = Math.trunc(ms);
  if (!(Math.abs(time) <= MAX_TIME)) return new Date(ms).toISOString();
  let milli = time % 1000;
  if (milli < 0) milli += 1000;
  const start = time - milli;
  if (start !== secondStart) {
    const iso = new Date(start).toISOString();
    // ".000Z" off the end; years past 9999 ("+010000-...") keep their form.
    secondPrefix = iso.slice(0, -4);
    secondStart = start;
  }
  lastText = `${secondPrefix}${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  lastMs = ms;
  return lastText;
}
