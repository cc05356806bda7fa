import type {IncomingMessage, OutgoingHttpHeaders, ServerResponse} from 'node:http';

/** Sends `body` as compact JSON with the given status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: OutgoingHttpHeaders = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Reads the whole request body as UTF-8 text, refusing more than `limit` bytes. */
export async function readBodyText(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export type JsonBody =
  | {readonly ok: true; readonly value: Record<string, unknown>}
  | {readonly ok: false; readonly reason: 'invalid-json' | 'not-an-object' | 'too-large'};

/** Reads and parses a JSON object body; an empty body counts as `{}`. */
export async function readJsonObject(req: IncomingMessage): Promise<JsonBody> {
  let text: string;
  try {
    text = await readBodyText(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return {ok: false, reason: 'too-large'};
    throw error;
  }
  if (text.trim() === '') return {ok: true, value: {}};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {ok: false, reason: 'invalid-json'};
  }
  if (!isRecord(value)) return {ok: false, reason: 'not-an-object'};
  return {ok: true, value};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An integer query parameter clamped to [min, max]; `fallback` when absent or not a number. */
export function intParam(
  url: URL,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/**
 * The Last-Event-ID request header as the client meant it. Node hands header
 * values over as latin1 strings; clients send the id's UTF-8 bytes, so the
 * bytes are re-read as UTF-8.
 */
export function readLastEventId(req: IncomingMessage): string | undefined {
  const header = req.headers['last-event-id'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  return Buffer.from(value, 'latin1').toString('utf8');
}

/** The next sequence number after a numeric Last-Event-ID, or 1. */
export function nextSeqAfter(lastEventId: string | undefined): number {
  if (lastEventId === undefined || !/^\d+$/.test(lastEventId)) return 1;
  const last = Number(lastEventId);
  return Number.isSafeInteger(last + 1) ? last + 1 : 1;
}

export type BearerAuth =
  | {readonly kind: 'missing'}
  | {readonly kind: 'wrong-scheme'}
  | {readonly kind: 'token'; readonly token: string};

/** Splits an Authorization header the way Dify does: "<scheme> <token>", scheme case-insensitive. */
export function parseBearer(req: IncomingMessage): BearerAuth {
  const header = req.headers.authorization;
  if (header === undefined || !header.trim().includes(' ')) return {kind: 'missing'};
  const [scheme = '', ...rest] = header.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer') return {kind: 'wrong-scheme'};
  return {kind: 'token', token: rest.join(' ')};
}
