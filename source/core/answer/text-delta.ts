import type {AnswerRun} from './answer-types.js';

/**
 * What to print to follow an answer as it grows (headless `--answer`):
 * the new tail, or the whole text again when it was rewritten or a new run
 * began.
 */
export type AnswerTextDelta =
  | {readonly kind: 'none'}
  | {readonly kind: 'append'; readonly text: string}
  | {readonly kind: 'replace'; readonly text: string};

type TextView = Pick<AnswerRun, 'runNumber' | 'text' | 'textRevision'>;

export function answerTextDelta(before: TextView | undefined, after: TextView): AnswerTextDelta {
  const sameText =
    before !== undefined &&
    before.runNumber === after.runNumber &&
    before.textRevision === after.textRevision;
  if (sameText) {
    return after.text.length > before.text.length
      ? {kind: 'append', text: after.text.slice(before.text.length)}
      : {kind: 'none'};
  }
  if (before === undefined || before.runNumber !== after.runNumber) {
    return after.text.length > 0 ? {kind: 'append', text: after.text} : {kind: 'none'};
  }
  return {kind: 'replace', text: after.text};
}
