import type {AnswerRun} from './answer-types.js';

/**
 * How a stopped answer ended, for a person: "stopped: the answer above is
 * partial (312 characters)", or that none came. `where` names the answer
 * ("above" under --answer).
 */
export function stoppedNote(run: AnswerRun, where = 'the answer above'): string {
  const reason =
    run.statusReason === '' || run.statusReason === 'stopped' ? '' : ` (${run.statusReason})`;
  const chars = run.metrics.answerChars;
  return chars === 0
    ? `stopped${reason} before any answer text`
    : `stopped${reason}: ${where} is partial (${chars} characters)`;
}
