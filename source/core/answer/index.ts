export {answerPresets, detectAnswerPreset, detectDifyEndpoint} from './answer-preset.js';
export type {AnswerPreset, DifyEndpoint} from './answer-preset.js';
export {
  answerSnapshot,
  applyAnswerRecord,
  clearAnswerHistory,
  createAnswerState,
  latestConversationId,
  latestResponseId,
  setAnswerQuery,
} from './answer-fold.js';
export type {AnswerState, AnswerStateOptions} from './answer-fold.js';
export {answerErrorText, answerStatusLine} from './answer-status-line.js';
export {answerIds, answerIdsLine} from './answer-ids-line.js';
export {answerTextDelta} from './text-delta.js';
export type {AnswerTextDelta} from './text-delta.js';
export type * from './answer-types.js';
