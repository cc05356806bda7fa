import type {Redactor} from '../redact.js';
import type {StreamDiagnostics} from './types.js';

/**
 * The diagnostics with known secrets replaced in every string that came
 * from outside (ids, error texts, header values quoted in findings). Runs
 * once per diagnostics record (about once a second), never per event.
 */
export function redactDiagnostics(
  diagnostics: StreamDiagnostics,
  redact: Redactor,
): StreamDiagnostics {
  const {ids} = diagnostics;
  return {
    ...diagnostics,
    ids: {
      ...ids,
      largestGap: ids.largestGap && {
        ...ids.largestGap,
        from: redact(ids.largestGap.from),
        to: redact(ids.largestGap.to),
      },
      lastRestart: ids.lastRestart && {
        sent: redact(ids.lastRestart.sent),
        got: redact(ids.lastRestart.got),
      },
    },
    history: diagnostics.history.map((entry) => ({
      ...entry,
      lastEventIdSent: redact(entry.lastEventIdSent),
      end: redact(entry.end),
    })),
    findings: diagnostics.findings.map((finding) => ({
      name: finding.name,
      evidence: redact(finding.evidence),
      fix: finding.fix,
    })),
  };
}
