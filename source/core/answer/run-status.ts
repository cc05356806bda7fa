import type {RunFold} from './run-fold.js';
import type {AnswerError, AnswerRun, AnswerStatus} from './answer-types.js';

/** How a run's status moves: only towards equal or more severe states, except a resume. */

/** Severity order: a run only moves to an equal or more severe status (see resumeRun). */
const statusRank: Readonly<Record<AnswerStatus, number>> = {
  waiting: 0,
  streaming: 1,
  done: 2,
  incomplete: 2,
  paused: 3,
  stopped: 4,
  error: 5,
};

export function settleStatus(fold: RunFold, status: AnswerStatus, reason = ''): void {
  const {run} = fold;
  if (statusRank[status] < statusRank[run.status]) return;
  if (status === run.status && reason === '') return;
  run.status = status;
  run.statusReason = reason;
}

export function markStreaming(fold: RunFold): void {
  settleStatus(fold, 'streaming');
}

/** A paused run continues (Dify human input filled or timed out on a resumed stream). */
export function resumeRun(fold: RunFold): void {
  const {run} = fold;
  if (run.status === 'paused') {
    run.status = 'streaming';
    run.statusReason = '';
  }
  markStreaming(fold);
}

export function isSettled(run: AnswerRun): boolean {
  return statusRank[run.status] >= statusRank.done;
}

/** Records the run's first error (later ones keep it) and settles the run as failed. */
export function failRun(fold: RunFold, error: AnswerError): void {
  const {run} = fold;
  run.error ??= error;
  settleStatus(fold, 'error', formatAnswerError(run.error));
}

export function formatAnswerError(error: AnswerError): string {
  if (error.code !== undefined && error.status !== undefined) {
    return `${error.code} (${error.status}): ${error.message}`;
  }
  if (error.code !== undefined) return `${error.code}: ${error.message}`;
  return error.message;
}
