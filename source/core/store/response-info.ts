import type {Redactor} from '../redact.js';
import {redactHeaders} from '../redact.js';
import type {OpenRecord} from '../records.js';
import {sanitize} from '../sanitize.js';
import type {ResponseInfo} from './types.js';

/** Headers kept per response for the details (a hostile server may send thousands). */
export const MAX_DETAIL_HEADERS = 64;
const MAX_HEADER_VALUE_CHARS = 512;

/**
 * The status line and headers of an opened response for the pane's details:
 * sensitive header values masked, known secrets replaced, everything sanitized.
 */
export function responseInfo(record: OpenRecord, redact: Redactor): ResponseInfo {
  const clean = (text: string) => sanitize(redact(text.slice(0, MAX_HEADER_VALUE_CHARS)));
  const masked = redactHeaders(record.headers ?? {});
  const headers = Object.entries(masked)
    .slice(0, MAX_DETAIL_HEADERS)
    .map(([name, value]) => [clean(name), clean(value)] as const);
  const ms = Math.round(record.headersMs);
  return {
    statusLine: clean(`HTTP ${record.httpStatus} ${record.contentType} · headers in ${ms}ms`),
    headers,
  };
}
