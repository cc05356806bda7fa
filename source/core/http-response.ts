import {STATUS_CODES} from 'node:http';
import {parseRetryAfter} from './backoff.js';

/** What a response's status line and headers mean for the stream. */
export type ResponseVerdict =
  | {readonly kind: 'open'}
  /** 204: the server asks us to stop for good. Not a failure. */
  | {readonly kind: 'stop'; readonly reason: string}
  | {
      readonly kind: 'error';
      readonly retryable: boolean;
      readonly error: string;
      readonly retryAfterMs: number | undefined;
    };

/** The part of a fetch Response this module reads. */
export type ResponseLike = {
  readonly status: number;
  readonly statusText: string;
  readonly headers: {
    get(name: string): string | null;
    forEach(callback: (value: string, name: string) => void): void;
  };
  readonly body: ReadableStream<Uint8Array> | null;
};

export const ERROR_BODY_SNIPPET_BYTES = 512;

export function isEventStream(contentType: string | null): boolean {
  if (contentType === null) return false;
  const mediaType = contentType.split(';', 1)[0] ?? '';
  return mediaType.trim().toLowerCase() === 'text/event-stream';
}

/** 408, 429 and 5xx are worth another try; other statuses are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function statusLine(response: Pick<ResponseLike, 'status' | 'statusText'>): string {
  const text = response.statusText || STATUS_CODES[response.status] || '';
  return text ? `HTTP ${response.status} ${text}` : `HTTP ${response.status}`;
}

/**
 * Classifies a response. For anything that does not open, the error names the
 * status, the content type and the first 512 bytes of the body (Dify explains
 * itself there: {"code":"unauthorized","message":"Access token is invalid",...}).
 */
export async function classifyResponse(
  response: ResponseLike,
  now: number,
): Promise<ResponseVerdict> {
  const contentType = response.headers.get('content-type');
  if (response.status === 204) {
    await discardBody(response);
    return {kind: 'stop', reason: 'HTTP 204 No Content: the server asked not to reconnect'};
  }
  if (response.status === 200 && isEventStream(contentType)) return {kind: 'open'};

  const snippet = await readBodySnippet(response, ERROR_BODY_SNIPPET_BYTES);
  const type = contentType ?? 'none';
  const what =
    response.status === 200
      ? `${statusLine(response)} with content type ${type}, expected text/event-stream`
      : `${statusLine(response)} (content type ${type})`;
  return {
    kind: 'error',
    retryable: isRetryableStatus(response.status),
    error: snippet ? `${what}: ${snippet}` : what,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now),
  };
}

async function discardBody(response: ResponseLike): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Up to `limit` bytes of the body as text on one line; the rest is not read. */
export async function readBodySnippet(response: ResponseLike, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const {done, value} = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body that breaks off still explains what it got so far.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, limit);
  const text = new TextDecoder('utf-8').decode(bytes);
  const oneLine = text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return size > limit ? `${oneLine}…` : oneLine;
}
