import {TlsConfigError} from './tls-config.js';

/**
 * The one mapping from what fetch (undici, node:net, node:tls) throws to a
 * line a person can read, and whether trying again can help. Internal codes
 * (UND_ERR_SOCKET, ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT) never reach the
 * message.
 *
 * - Network trouble that can heal (refused, DNS, reset, closed, timeouts):
 *   retryable, "network error: ...".
 * - A request fetch refuses outright (a "bad port", a bad header, a redirect
 *   it will not follow) and certificate/TLS problems: not retryable.
 */
export type ExplainedError = {readonly message: string; readonly retryable: boolean};

export const TLS_HINT =
  'to accept it anyway use -k/--insecure (profile: insecure: true), or trust its CA with --cacert FILE (profile: caFile)';

type ErrorDetails = {
  readonly code?: unknown;
  readonly hostname?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly errors?: unknown;
  readonly cert?: {readonly subjectaltname?: unknown; readonly subject?: {readonly CN?: unknown}};
};

const certificateWords: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  CERT_HAS_EXPIRED: 'certificate expired',
  CERT_NOT_YET_VALID: 'certificate not valid yet',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT: 'unknown certificate authority',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown certificate authority',
  CERT_UNTRUSTED: 'untrusted certificate',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'bad certificate signature',
  INVALID_CA: 'invalid certificate authority',
  CERT_CHAIN_TOO_LONG: 'certificate chain too long',
};

export function explainFetchError(error: unknown, url?: string): ExplainedError {
  if (error instanceof TlsConfigError) return {message: error.message, retryable: false};
  if (!(error instanceof Error))
    return {message: `network error: ${String(error)}`, retryable: true};
  if (error.name === 'SseBufferOverflowError') return {message: error.message, retryable: true};
  const cause = (error as {cause?: unknown}).cause;
  // fetch's own failures are TypeErrors; the useful part is in `cause`.
  if (!(error instanceof TypeError)) return explainCause(error, url, false);
  if (!(cause instanceof Error) && error.message === 'terminated') {
    // The body broke off with no more detail.
    return {message: 'network error: the connection ended unexpectedly', retryable: true};
  }
  if (!(cause instanceof Error)) {
    // fetch refused the request itself (a bad header, say): retrying cannot help.
    return {message: `invalid request: ${error.message}`, retryable: false};
  }
  return explainCause(cause, url, true);
}

function explainCause(cause: Error, url: string | undefined, fromFetch: boolean): ExplainedError {
  const details = cause as Error & ErrorDetails;
  const code = codeOf(details);
  if (code === undefined) {
    if (!fromFetch) return {message: `network error: ${cause.message}`, retryable: true};
    if (cause.message === 'bad port') {
      const port = url === undefined ? '' : ` ${portOf(url)}`;
      return {
        message: `request refused: port${port} is on fetch's list of blocked ports`,
        retryable: false,
      };
    }
    if (cause.name === 'AbortError' || cause.name === 'SocketError') {
      return {message: `network error: ${cause.message}`, retryable: true};
    }
    return {message: `request refused: ${cause.message}`, retryable: false};
  }
  if (isRequestCode(code)) {
    // The request itself is malformed (a header, the URL): the same request fails again.
    return {message: `request refused: ${cause.message}`, retryable: false};
  }
  const certificate = certificateWords[code];
  if (certificate !== undefined) return tlsFailure(certificate);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = details.cert?.subjectaltname ?? details.cert?.subject?.CN;
    const forWhom = typeof names === 'string' && names !== '' ? ` (${names})` : '';
    return tlsFailure(`certificate is for another host${forWhom}`);
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    // OpenSSL's messages are file paths and numbers; the code's words are the readable part.
    const words = code
      .replace(/^ERR_(SSL|TLS)_/, '')
      .toLowerCase()
      .replace(/_/g, ' ');
    const hint = code === 'ERR_SSL_WRONG_VERSION_NUMBER' ? ' (is the server really https?)' : '';
    return {message: `TLS handshake failed: ${words}${hint}`, retryable: false};
  }
  return {message: `network error: ${networkWords(code, details, cause.message)}`, retryable: true};
}

function tlsFailure(problem: string): ExplainedError {
  return {message: `TLS error: ${problem}; ${TLS_HINT}`, retryable: false};
}

function networkWords(code: string, details: ErrorDetails, message: string): string {
  const where = addressOf(details);
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused${where ? ` by ${where}` : ''}`;
    case 'ENOTFOUND':
      return `host not found: ${typeof details.hostname === 'string' ? details.hostname : where}`;
    case 'EAI_AGAIN':
      return `host name lookup failed for now: ${typeof details.hostname === 'string' ? details.hostname : where}`;
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'EPIPE':
      return 'connection broken (the server stopped reading)';
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return message === 'other side closed' || code === 'UND_ERR_CLOSED'
        ? 'server closed the connection'
        : `connection broken (${message})`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `connection timed out${where ? ` (${where})` : ''}`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'no response headers in time';
    case 'UND_ERR_BODY_TIMEOUT':
      return 'no data in time';
    case 'EHOSTUNREACH':
      return `host unreachable${where ? `: ${where}` : ''}`;
    case 'ENETUNREACH':
      return 'network unreachable';
    case 'ECONNABORTED':
      return 'connection aborted';
    default:
      return message.replace(code, '').replace(/\s+/g, ' ').trim() || 'connection failed';
  }
}

function isRequestCode(code: string): boolean {
  return (
    code.startsWith('ERR_INVALID_') ||
    code.startsWith('UND_ERR_INVALID_') ||
    code === 'UND_ERR_NOT_SUPPORTED' ||
    code === 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH' ||
    code === 'ERR_HTTP_INVALID_HEADER_VALUE'
  );
}

/** node:net reports several addresses (IPv4 and IPv6) as an AggregateError. */
function codeOf(details: ErrorDetails): string | undefined {
  if (typeof details.code === 'string') return details.code;
  if (Array.isArray(details.errors)) {
    const first = details.errors.find((inner): inner is ErrorDetails => typeof inner === 'object');
    if (first && typeof first.code === 'string') return first.code;
  }
  return undefined;
}

function addressOf(details: ErrorDetails): string {
  if (typeof details.address !== 'string') return '';
  return typeof details.port === 'number' ? `${details.address}:${details.port}` : details.address;
}

function portOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  } catch {
    return '';
  }
}
