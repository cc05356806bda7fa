/**
 * Secrets never reach an output: header values of sensitive headers are
 * masked in listings, and known secret strings (tokens, api keys, the values
 * of sensitive headers) are replaced wherever they appear in text we print.
 */

export const REDACTED = '[redacted]';

const sensitiveHeaderNames = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
]);

export function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return sensitiveHeaderNames.has(lower) || /token|secret|key|auth|session|password/.test(lower);
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = isSensitiveHeader(name) ? REDACTED : value;
  }
  return result;
}

/** Shorter strings are not treated as secrets: replacing them would shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

export type Redactor = (text: string) => string;

/**
 * The redactor of a run that has no secrets: it returns its input, so writers
 * on a hot path may skip calling it (`redact === noRedaction`).
 */
export const noRedaction: Redactor = (text) => text;

/**
 * Builds a function that replaces every occurrence of the given secrets (with
 * REDACTED, or `replacement`: "copy as curl" puts a `${VAR}` there). For an
 * Authorization value like "Bearer abc123" both the whole value and the
 * credential after the scheme are secrets.
 */
export function createRedactor(secrets: Iterable<string>, replacement = REDACTED): Redactor {
  const unique = new Set<string>();
  for (const secret of secrets) {
    for (const part of [secret, secret.replace(/^(bearer|basic|token)\s+/i, '')]) {
      const trimmed = part.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) unique.add(trimmed);
    }
  }
  if (unique.size === 0) return noRedaction;
  // Longest first so a secret that contains another is replaced whole.
  const sorted = [...unique].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  // A function when `$` is in the replacement (a curl `${VAR}`), so it is taken literally.
  const replace = replacement.includes('$') ? () => replacement : replacement;
  return (text) => (text.length === 0 ? text : text.replace(pattern, replace as string));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Query parameter names that carry credentials: api_key, apikey, api-key,
 * key, token, access_token, auth, secret, client_secret, password, passwd,
 * pwd, sig, signature, session, X-Amz-Signature, jwt, ... (case-insensitive;
 * words split on -, _, . and camelCase).
 */
const credentialQueryWords = new Set([
  'key',
  'apikey',
  'token',
  'auth',
  'authorization',
  'secret',
  'password',
  'passwd',
  'pwd',
  'pass',
  'sig',
  'signature',
  'session',
  'sessionid',
  'sid',
  'jwt',
  'credential',
  'credentials',
]);

export function isCredentialQueryName(name: string): boolean {
  if (isSensitiveHeader(name)) return true;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return words.some((word) => credentialQueryWords.has(word)) || /passw|signature/i.test(name);
}

/**
 * Every secret a spec carries: its token, sensitive header values, the values
 * of credential-like query parameters (in `query` and in the URL, raw and
 * percent-decoded), and the URL's user info password with the Basic token it
 * becomes.
 */
export function secretsOfSpec(spec: {
  readonly url: string;
  readonly auth: {readonly token?: string | undefined};
  readonly headers: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | number | boolean>>;
}): string[] {
  const secrets: string[] = [];
  if (spec.auth.token) secrets.push(spec.auth.token);
  for (const [name, value] of Object.entries(spec.headers)) {
    if (isSensitiveHeader(name)) secrets.push(value);
  }
  for (const [name, value] of Object.entries(spec.query)) {
    if (isCredentialQueryName(name)) secrets.push(...encodings(String(value)));
  }
  secrets.push(...secretsOfUrl(spec.url));
  return secrets;
}

/** Secrets inside a URL: the user info password (and its Basic token), credential-like query values. */
export function secretsOfUrl(rawUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return [];
  }
  const secrets: string[] = [];
  if (url.password !== '') {
    const user = safeDecode(url.username);
    const password = safeDecode(url.password);
    secrets.push(url.password, password);
    secrets.push(Buffer.from(`${user}:${password}`, 'utf8').toString('base64'));
  }
  for (const pair of url.search.replace(/^\?/, '').split('&')) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const name = safeDecode(pair.slice(0, equals).replace(/\+/g, ' '));
    const raw = pair.slice(equals + 1);
    if (isCredentialQueryName(name)) {
      secrets.push(raw, safeDecode(raw.replace(/\+/g, ' ')));
    }
  }
  return secrets;
}

/** A value as typed, as sent in a URL (percent-encoded), and as a form would encode it. */
function encodings(value: string): string[] {
  return [value, encodeURIComponent(value), new URLSearchParams({v: value}).toString().slice(2)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
