import {MAX_PING_WAIT_MS, MIN_PING_WAIT_MS} from '../core/dify-run/checks.js';
import {MAX_DURATION_S, MAX_DURATION_TEXT} from '../core/stream-spec.js';
import {expandUrlShorthand} from '../core/url-shorthand.js';
import {UsageError} from './usage-error.js';

/** Flag value parsers that name the flag in their error. */

export function parseSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new UsageError(`${flag}: expected a positive number of seconds, got "${value}"`);
  }
  if (number > MAX_DURATION_S) {
    throw new UsageError(`${flag}: at most ${MAX_DURATION_TEXT}, got "${value}"`);
  }
  return number;
}

/** `--ping-wait SECONDS`: the ping-wait threshold of `--run`, in ms (1 s to 1 h). */
export function parsePingWait(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = /^\s*(\d+(\.\d+)?|\.\d+)\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= MIN_PING_WAIT_MS / 1000 && number <= MAX_PING_WAIT_MS / 1000)) {
    throw new UsageError(
      `--ping-wait: expected seconds from ${MIN_PING_WAIT_MS / 1000} to ${MAX_PING_WAIT_MS / 1000}, got "${value.slice(0, 40)}"`,
    );
  }
  return Math.round(number * 1000);
}

export function parseNonNegativeSeconds(
  flag: string,
  value: string | undefined,
): number | undefined {
  if (value === '0') return 0;
  return parseSeconds(flag, value);
}

export function parseCount(
  flag: string,
  value: string | undefined,
  {allowZero}: {allowZero: boolean},
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (
    !/^\d+$/.test(value.trim()) ||
    !Number.isSafeInteger(number) ||
    (!allowZero && number === 0)
  ) {
    const kind = allowZero ? 'a whole number (0 or more)' : 'a whole number above 0';
    throw new UsageError(`${flag}: expected ${kind}, got "${value}"`);
  }
  return number;
}

export function parseHeader(value: string): [string, string] {
  const colon = value.indexOf(':');
  const name = colon === -1 ? '' : value.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`-H/--header: expected "Name: value", got "${value.slice(0, 80)}"`);
  }
  return [name, value.slice(colon + 1).trim()];
}

export function parseQuery(value: string): [string, string] {
  const equals = value.indexOf('=');
  if (equals <= 0) throw new UsageError(`--query: expected key=value, got "${value.slice(0, 80)}"`);
  return [value.slice(0, equals), value.slice(equals + 1)];
}

export function parseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(expandUrlShorthand(value));
  } catch {
    throw new UsageError(`bad URL "${value.slice(0, 200)}": expected http://... or https://...`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`bad URL "${value.slice(0, 200)}": only http and https are supported`);
  }
  return url;
}

/**
 * `--query` is curl-like `k=v` (a URL query parameter) and also, from the
 * answer view's days, the Dify query text. A value whose start looks like
 * `key=` is a parameter; anything else is the Dify query (at most one).
 */
export function splitQueryFlags(values: readonly string[]): {
  params: string[];
  text: string | undefined;
} {
  const params: string[] = [];
  const texts: string[] = [];
  for (const value of values) (/^[\w.~%[\]-]+=/.test(value) ? params : texts).push(value);
  if (texts.length > 1) {
    throw new UsageError(
      '--query: the Dify query text is given once (k=v values are URL parameters)',
    );
  }
  return {params, text: texts[0]};
}
