import {STATUS_CODES} from 'node:http';
import type {OpenRecord} from '../core/records.js';
import {redactHeaders, type Redactor} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';

/**
 * `-i/--include` and `-v/--verbose` headless: the response's status line and
 * headers on stderr, curl -v style ("< "), each line naming its stream.
 * Credential headers are redacted by name, secrets by value.
 */
export function formatResponseHead(record: OpenRecord, redact: Redactor): string {
  const reason = STATUS_CODES[record.httpStatus];
  const lines = [`HTTP ${record.httpStatus}${reason ? ` ${reason}` : ''}`];
  for (const [name, value] of Object.entries(redactHeaders(record.headers))) {
    lines.push(`${name}: ${value}`);
  }
  return lines.map((line) => `< ${sanitize(redact(`${record.stream}: ${line}`))}\n`).join('');
}
