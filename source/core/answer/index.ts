export {
  answerPresets,
  detectAnswerPreset,
  detectDifyEndpoint,
  isAnswerPreset,
} from './answer-preset.js';
export type {AnswerPreset, DifyEndpoint} from './answer-preset.js';
export {
  answerSnapshot,
  applyAnswerRecord,
  clearAnswerHistory,
  createAnswerState,
  latestConversationId,
  noTerminalEventReason,
  setAnswerQuery,
} from './answer-fold.js';
export type {AnswerState, AnswerStateOptions} from './answer-fold.js';
export {pausedReason} from './dify-workflow.js';
export {
  answerErrorText,
  answerStatusLine,
  formatCount,
  formatDuration,
  formatPrice,
} from './answer-status-line.js';
export {estimateTokens} from './token-estimate.js';
export {answerTextDelta} from './text-delta.js';
export type {AnswerTextDelta} from './text-delta.js';
export type * from './answer-types.js';
