import {accessSync, constants, readFileSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {reconnectPolicies, type StreamSpecInput} from '../core/stream-spec.js';
import type {Flags} from './flags.js';
import {
  parseCount,
  parseHeader,
  parseNonNegativeSeconds,
  parseQuery,
  parseSeconds,
  parseUrl,
  splitQueryFlags,
} from './parse-values.js';
import {UsageError} from './usage-error.js';

/** Connection flags apply to every stream, from profiles too. */
export function connectionOverrides(flags: Flags, cwd: string): Partial<StreamSpecInput> {
  const overrides: Partial<StreamSpecInput> = {};
  if (flags.insecure) overrides.insecure = true;
  if (flags.cacert !== undefined) overrides.caFile = caFileOf(flags.cacert, cwd);
  const timeout = parseSeconds('--timeout', flags.timeout);
  const idleTimeout = parseNonNegativeSeconds('--idle-timeout', flags.idleTimeout);
  const maxEvents = parseCount('--max-events', flags.maxEvents, {allowZero: false});
  const maxDuration = parseSeconds('--max-duration', flags.maxDuration);
  const retries = parseCount('--retries', flags.retries, {allowZero: true});
  if (timeout !== undefined) overrides.timeout = timeout;
  if (idleTimeout !== undefined) overrides.idleTimeout = idleTimeout;
  if (maxEvents !== undefined) overrides.maxEvents = maxEvents;
  if (maxDuration !== undefined) overrides.maxDuration = maxDuration;
  if (retries !== undefined) overrides.retries = retries;
  if (flags.reconnect !== undefined) {
    const policy = reconnectPolicies.find((name) => name === flags.reconnect);
    if (!policy) {
      throw new UsageError(
        `--reconnect: expected one of ${reconnectPolicies.join(', ')}, got "${flags.reconnect}"`,
      );
    }
    overrides.reconnect = policy;
  }
  return overrides;
}

/** --cacert FILE, resolved against the working directory; it must be a readable file. */
function caFileOf(file: string, cwd: string): string {
  const path = resolve(cwd, file);
  try {
    accessSync(path, constants.R_OK);
    if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), {code: 'EISDIR'});
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`--cacert ${file}: cannot read the file (${code})`);
  }
  return path;
}

/** "host:port/path" — short and unique enough for a pane title. */
export function defaultStreamName(url: URL): string {
  return url.pathname === '/' ? url.host : `${url.host}${url.pathname}`;
}

/** What the request flags ask for, parsed once for URLs and for profile streams. */
export type RequestFlags = {
  /** -X, only when given. */
  readonly method: string | undefined;
  /** -H in order. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The Content-Type -d implies when -H sets none (JSON or form data). */
  readonly impliedContentType: string | undefined;
  /** --query k=v in order. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** -d joined with & (curl), when given. */
  readonly body: string | undefined;
  /** --bearer / --api-key, when given. */
  readonly auth: StreamSpecInput['auth'] | undefined;
};

/** Parses -X, -H, -d, --query k=v, --bearer, --api-key and --auth-header (usage errors name them). */
export function requestFlagsOf(flags: Flags, cwd: string): RequestFlags {
  if (flags.bearer !== undefined && flags.apiKey !== undefined) {
    throw new UsageError('--bearer and --api-key: choose one');
  }
  if (flags.authHeader !== undefined && flags.apiKey === undefined) {
    throw new UsageError('--auth-header names the header for --api-key, which is missing');
  }
  const headers = flags.header.map(parseHeader);
  const query = splitQueryFlags(flags.query).params.map(parseQuery);
  const body =
    flags.data.length > 0 ? flags.data.map((data) => readData(data, cwd)).join('&') : undefined;
  let impliedContentType: string | undefined;
  if (body !== undefined) {
    const typed = headers.findLast(([name]) => name.toLowerCase() === 'content-type');
    checkJsonBody(body, typed?.[1]);
    if (!typed) {
      impliedContentType = looksLikeJson(body)
        ? 'application/json'
        : 'application/x-www-form-urlencoded';
    }
  }
  if (body !== undefined && flags.method !== undefined && /^(GET|HEAD)$/i.test(flags.method)) {
    throw new UsageError(
      `-d/--data: a ${flags.method.toUpperCase()} request cannot have a body (use -X POST)`,
    );
  }
  const auth =
    flags.bearer !== undefined
      ? {type: 'bearer' as const, token: flags.bearer}
      : flags.apiKey !== undefined
        ? {type: 'api_key' as const, token: flags.apiKey, header: flags.authHeader}
        : undefined;
  return {method: flags.method, headers, impliedContentType, query, body, auth};
}

/** True when any request flag was given (they then apply to URLs, or else to profile streams). */
export function hasRequestFlags(request: RequestFlags): boolean {
  return (
    request.method !== undefined ||
    request.headers.length > 0 ||
    request.query.length > 0 ||
    request.body !== undefined ||
    request.auth !== undefined
  );
}

/** One spec input per URL from the request flags (curl-like: --data implies POST). */
export function specsFromUrls(
  urls: readonly string[],
  request: RequestFlags,
  names: readonly string[],
): StreamSpecInput[] {
  if (urls.length === 0) {
    if (names.length > 0) {
      throw new UsageError('--name names URLs given on the command line, and none was given');
    }
    return [];
  }
  if (names.length > urls.length) {
    throw new UsageError(`--name: ${names.length} names for ${urls.length} URL(s)`);
  }
  const headers = Object.fromEntries(request.headers);
  if (request.impliedContentType !== undefined) {
    headers['Content-Type'] = request.impliedContentType;
  }
  const query = Object.fromEntries(request.query);
  const {body} = request;
  const method = request.method ?? (body === undefined ? 'GET' : 'POST');
  const auth = request.auth ?? {type: 'none' as const};

  const seen = new Map<string, number>();
  return urls.map((raw, index) => {
    const url = parseUrl(raw);
    let name = names[index] ?? defaultStreamName(url);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) name = `${name} (${count})`;
    return {name, url: url.href, method, headers: {...headers}, query: {...query}, body, auth};
  });
}

function readData(data: string, cwd: string): string {
  if (!data.startsWith('@')) return data;
  const path = data.slice(1);
  try {
    return readFileSync(path === '-' ? 0 : new URL(path, `file://${cwd}/`), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`-d/--data ${data}: cannot read the file (${code})`);
  }
}

function looksLikeJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

/**
 * A body meant as JSON (a JSON content type, or text starting with { or [)
 * must parse: sending a typo as form data only fails later, on the server.
 */
function checkJsonBody(body: string, contentType: string | undefined): void {
  const meantAsJson =
    contentType === undefined ? /^\s*[{[]/.test(body) : /[/+]json\b/i.test(contentType);
  if (!meantAsJson) return;
  try {
    JSON.parse(body);
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    throw new UsageError(`-d/--data: not valid JSON (${problem.slice(0, 120)})`);
  }
}
