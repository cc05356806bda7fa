import type {SummaryRecord} from '../core/records.js';
import type {Redactor} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';

/** The streams' summaries as lines for the normal screen after the dashboard closes. */
export function formatSummaryLines(summaries: readonly SummaryRecord[], redact: Redactor): string {
  const width = Math.max(0, ...summaries.map((summary) => summary.stream.length));
  return summaries
    .map((summary) => sanitize(redact(`${summary.stream.padEnd(width)}  ${summary.summary}`)))
    .join('\n');
}
