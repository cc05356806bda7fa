import {DEFAULT_AUTH_HEADER, type StreamSpecInput} from '../core/stream-spec.js';
import type {Flags} from './flags.js';
import {hasRequestFlags, type RequestFlags} from './specs-from-flags.js';
import {UsageError} from './usage-error.js';

/**
 * Which streams the request flags (-X, -H, -d, --query k=v, --bearer,
 * --api-key) apply to: the URLs on the command line when there are any,
 * else the streams picked with -p/--stream. Returns the flags to merge into
 * the profile streams, or undefined when they go to the URLs (or are none).
 */
export function profileRequestFlags(
  request: RequestFlags,
  flags: Flags,
  urlCount: number,
): RequestFlags | undefined {
  if (urlCount > 0 || !hasRequestFlags(request)) return undefined;
  if (flags.profile.length === 0) {
    throw new UsageError(
      `${firstRequestFlag(request)} applies to URLs or to -p profile streams, and neither was given`,
    );
  }
  return request;
}

function firstRequestFlag(request: RequestFlags): string {
  if (request.method !== undefined) return '-X/--method';
  if (request.headers.length > 0) return '-H/--header';
  if (request.body !== undefined) return '-d/--data';
  if (request.query.length > 0) return '--query';
  return request.auth?.type === 'api_key' ? '--api-key' : '--bearer';
}

/**
 * Merges the request flags into a profile stream, like curl and xh merge a
 * config with the command line: -H adds or replaces a header by name (any
 * case), --bearer/--api-key replace the profile's auth, --query k=v adds or
 * replaces a key (also one written in the URL), -d replaces the body (and
 * makes a GET a POST), -X replaces the method.
 */
export function withRequestFlags(input: StreamSpecInput, request: RequestFlags): StreamSpecInput {
  const headers: Record<string, string> = {...input.headers};
  let auth = input.auth;
  for (const [name, value] of request.headers) {
    deleteName(headers, name);
    headers[name] = value;
    // A header of the auth's own name replaces the auth (it would win otherwise).
    if (authHeaderName(auth)?.toLowerCase() === name.toLowerCase()) auth = {type: 'none'};
  }
  if (request.auth !== undefined) auth = request.auth;
  if (request.impliedContentType !== undefined && !hasName(headers, 'content-type')) {
    headers['Content-Type'] = request.impliedContentType;
  }

  let url = input.url;
  const query = {...input.query};
  for (const [key, value] of request.query) {
    url = withoutUrlParameter(url, key);
    query[key] = value;
  }

  const body = request.body ?? input.body;
  const profileMethod = input.method ?? 'GET';
  const method =
    request.method ??
    (request.body !== undefined && /^(GET|HEAD)$/i.test(profileMethod) ? 'POST' : profileMethod);
  return {...input, url, method, headers, query, body, auth};
}

function authHeaderName(auth: StreamSpecInput['auth']): string | undefined {
  if (auth?.type === 'bearer') return DEFAULT_AUTH_HEADER;
  if (auth?.type === 'api_key') return auth.header ?? DEFAULT_AUTH_HEADER;
  return undefined;
}

function hasName(headers: Record<string, string>, lower: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lower);
}

function deleteName(headers: Record<string, string>, name: string): void {
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === name.toLowerCase()) delete headers[key];
  }
}

/** The URL without `key` in its query string (left as written when it has none). */
function withoutUrlParameter(raw: string, key: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (!url.searchParams.has(key)) return raw;
  url.searchParams.delete(key);
  return url.href;
}
