import type {Redactor} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';
import type {DashboardResult} from '../ui/run-dashboard.js';
import type {CliIo} from './main.js';
import {formatSummaryLines} from './summary-lines.js';

/**
 * After the dashboard closed: each stream's summary line on stdout, a crash
 * as one line on stderr (sanitized and redacted); the exit code to return.
 */
export function reportDashboardResult(
  result: DashboardResult,
  io: CliIo,
  redact: Redactor,
): number {
  if (result.summaries.length > 0) {
    io.stdout.write(`${formatSummaryLines(result.summaries, redact)}\n`);
  }
  if (result.error !== undefined) {
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    io.stderr.write(`ssedeck: the dashboard crashed: ${sanitize(redact(message))}\n`);
  }
  return result.exitCode;
}
