export {
  applyDifyRunRecord,
  clearRunHistory,
  createDifyRunState,
  currentRun,
  difyRunSnapshot,
  markStopRequested,
  setReattachOutcome,
} from './dify-run-fold.js';
export type {DifyRunState, DifyRunStateOptions} from './dify-run-fold.js';
export {RUN_DETAIL_BUDGET} from './node-details.js';
export type * from './types.js';
