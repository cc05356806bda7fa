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
 * Builds a function that replaces every occurrence of the given secrets. For an
 * Authorization value like "Bearer abc123" both the whole value and the
 * credential after the scheme are secrets.
 */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const unique = new Set<string>();
  for (const secret of secrets) {
    for (const part of [secret, secret.replace(/^(bearer|basic|token)\s+/i, '')]) {
      const trimmed = part.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) unique.add(trimmed);
    }
  }
  if (unique.size === 0) return (text) => text;
  // Longest first so a secret that contains another is replaced whole.
  const sorted = [...unique].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  return (text) => (text.length === 0 ? text : text.replace(pattern, REDACTED));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every secret a spec carries: its token, sensitive header values, sensitive query values. */
export function secretsOfSpec(spec: {
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
    if (isSensitiveHeader(name)) secrets.push(String(value));
  }
  return secrets;
}
