import type {RecordListener} from '../core/records.js';
import type {Redactor} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';

/**
 * `-v` headless: each diagnostics finding on stderr as soon as it is made,
 * once per run and stream: "! ticker: buffered upstream: <evidence> (fix: ...)".
 * Redacted and sanitized like every line to a terminal.
 */
export function findingPrinter(write: (text: string) => void, redact: Redactor): RecordListener {
  const seen = new Map<string, Set<string>>();
  return (record) => {
    if (record.type === 'status' && record.state === 'connecting' && record.attempt === 1) {
      seen.delete(record.stream);
      return;
    }
    if (record.type !== 'diagnostics') return;
    let names = seen.get(record.stream);
    for (const finding of record.diagnostics.findings) {
      if (names?.has(finding.name)) continue;
      if (!names) seen.set(record.stream, (names = new Set()));
      names.add(finding.name);
      const line = `${record.stream}: ${finding.name}: ${finding.evidence} (fix: ${finding.fix})`;
      write(`! ${sanitize(redact(line))}\n`);
    }
  };
}
