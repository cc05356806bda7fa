import {createRedactor, isSensitiveHeader, redactHeaders, secretsOfSpec} from '../redact.js';
import {buildRequest} from '../request.js';
import type {StreamSpec} from '../stream-spec.js';

/** The request a stream sends, as the details view shows it: secrets redacted. */
export type RequestView = {
  readonly method: string;
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  /** Body size in bytes (UTF-8), 0 when there is none. */
  readonly bodyBytes: number;
  /** A curl command that sends the same request, `${VAR}` in place of each secret. */
  readonly curl: string;
};

const SCHEME = /^(bearer|basic|token)\s+/i;

/** The environment variable a secret header's value is read from in the curl command. */
export function secretVariable(header: string): string {
  const lower = header.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') return 'API_TOKEN';
  return (
    lower
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .toUpperCase() || 'SECRET'
  );
}

/** Quotes one argument for a POSIX shell: `${VAR}` placeholders stay live, all else literal. */
export function shellArgument(text: string): string {
  const parts = text.split(/(\$\{[A-Z_][A-Z0-9_]*\})/);
  if (parts.length === 1 && /^[\w@%+=:,./-]+$/.test(text)) return text;
  const escaped = parts
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/(["\\$`])/g, '\\$1')))
    .join('');
  return `"${escaped}"`;
}

/**
 * What the stream sends on its next connection (with `lastEventId` as
 * Last-Event-ID): method, URL, headers and body size redacted with the one
 * redactor, and a curl command for the same request with `${VAR}` where a
 * secret was (API_TOKEN for Authorization, the header's name for other
 * credential headers, SECRET elsewhere).
 */
export function requestView(spec: StreamSpec, lastEventId: string): RequestView {
  const request = buildRequest(spec, lastEventId);
  const redact = createRedactor(secretsOfSpec(spec));
  const placeholder = createRedactor(secretsOfSpec(spec), '${SECRET}');
  const masked = redactHeaders(request.headers);
  const args = ['curl', '-N'];
  if (request.method !== 'GET') args.push('-X', request.method);
  for (const [name, value] of Object.entries(request.headers)) {
    let shown = value;
    if (isSensitiveHeader(name)) {
      const scheme = SCHEME.exec(value)?.[0] ?? '';
      shown = `${scheme}\${${secretVariable(name)}}`;
    } else shown = placeholder(value);
    args.push('-H', `${name}: ${shown}`);
  }
  if (request.body !== undefined) args.push('--data-raw', placeholder(request.body));
  args.push(placeholder(request.url));
  return {
    method: request.method,
    url: redact(request.url),
    headers: Object.entries(masked).map(([name, value]) => [name, redact(value)] as const),
    bodyBytes: request.body === undefined ? 0 : Buffer.byteLength(request.body),
    curl: args.map(shellArgument).join(' '),
  };
}
