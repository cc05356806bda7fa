/** What runChecks (checks.ts) reports about a run. */

export type RunCheckSeverity = 'info' | 'warn' | 'error';

/**
 * The codes of runChecks (checks.ts); see README "Dify run checks".
 * `reattach-unsupported` / `reattach-failed` come from a recorded re-attach outcome.
 */
export type RunCheckCode =
  | 'no-terminal-event'
  | 'run-failed'
  | 'answer-replaced'
  | 'stop'
  | 'ping-wait'
  | 'reattach-possible'
  | 'reattach-unsupported'
  | 'reattach-failed';

/** One warning about a run. `message` is raw: views sanitize and redact it like any server text. */
export type RunCheck = {
  readonly code: RunCheckCode;
  readonly severity: RunCheckSeverity;
  readonly message: string;
};
