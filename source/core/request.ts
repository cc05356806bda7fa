import type {StreamSpec} from './stream-spec.js';
import {DEFAULT_AUTH_HEADER} from './stream-spec.js';
import type {TlsSettings} from './tls-config.js';
import {USER_AGENT} from './version.js';

/** What one connection attempt sends. */
export type PreparedRequest = {
  readonly url: string;
  readonly method: string;
  /** Header values are ready for fetch: non-Latin-1 text is sent as its UTF-8 bytes. */
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly tls: TlsSettings;
};

const defaultHeaders: Readonly<Record<string, string>> = {
  Accept: 'text/event-stream',
  'Cache-Control': 'no-cache',
  // Compressed event streams get buffered by proxies and clients.
  'Accept-Encoding': 'identity',
  'User-Agent': USER_AGENT,
};

/** The URL actually fetched: the spec's query appended, user info removed (it becomes Basic auth). */
export function buildUrl(spec: Pick<StreamSpec, 'url' | 'query'>): string {
  const url = new URL(spec.url);
  for (const [key, value] of Object.entries(spec.query))
    url.searchParams.append(key, String(value));
  url.username = '';
  url.password = '';
  return url.href;
}

/** User info of a URL, percent-decoded; undefined when it has none. */
export function urlUserInfo(
  rawUrl: string,
): {readonly user: string; readonly password: string} | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  if (url.username === '' && url.password === '') return undefined;
  return {user: safeDecode(url.username), password: safeDecode(url.password)};
}

/** `Basic base64(user:password)` for a URL's user info, as curl sends it. */
export function basicAuthOfUrl(rawUrl: string): string | undefined {
  const info = urlUserInfo(rawUrl);
  if (!info) return undefined;
  return `Basic ${Buffer.from(`${info.user}:${info.password}`, 'utf8').toString('base64')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function buildBody(spec: Pick<StreamSpec, 'body'>): string | undefined {
  if (spec.body === undefined) return undefined;
  return typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
}

/** The body as a JSON object when it is one (or a string holding one); otherwise undefined. */
export function bodyAsJsonObject(body: StreamSpec['body']): Record<string, unknown> | undefined {
  let value: unknown = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Headers in order of precedence, lowest first: defaults, Basic auth from the
 * URL's user info, the JSON content type of an object body, the spec's own
 * headers, the auth header, Last-Event-ID.
 * Names are merged case-insensitively; the latest spelling wins.
 */
export function buildHeaders(spec: StreamSpec, lastEventId: string): Record<string, string> {
  const merged = new Map<string, [string, string]>();
  const set = (name: string, value: string) => merged.set(name.toLowerCase(), [name, value]);
  for (const [name, value] of Object.entries(defaultHeaders)) set(name, value);
  const basic = basicAuthOfUrl(spec.url);
  if (basic !== undefined) set('Authorization', basic);
  if (spec.body !== undefined && typeof spec.body !== 'string') {
    set('Content-Type', 'application/json');
  }
  for (const [name, value] of Object.entries(spec.headers)) set(name, value);
  const {auth} = spec;
  if (auth.type === 'bearer' && auth.token) set('Authorization', `Bearer ${auth.token}`);
  if (auth.type === 'api_key' && auth.token) set(auth.header ?? DEFAULT_AUTH_HEADER, auth.token);
  if (lastEventId !== '') set('Last-Event-ID', lastEventId);

  const headers: Record<string, string> = {};
  for (const [name, value] of merged.values()) headers[name] = toHeaderValue(value);
  return headers;
}

export function buildRequest(spec: StreamSpec, lastEventId: string): PreparedRequest {
  return {
    url: buildUrl(spec),
    method: spec.method,
    headers: buildHeaders(spec, lastEventId),
    body: buildBody(spec),
    tls: {insecure: spec.insecure, caFile: spec.caFile},
  };
}

/**
 * fetch only accepts Latin-1 header strings and sends each char as one byte.
 * Text outside Latin-1 (a non-ASCII Last-Event-ID, say) goes out as its UTF-8
 * bytes, which is what servers decode.
 */
export function toHeaderValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(value)) return value;
  return Buffer.from(value, 'utf8').toString('latin1');
}
