export {
  applyDifyRunRecord,
  clearRunHistory,
  createDifyRunState,
  currentRun,
  difyRunSnapshot,
  liveNodes,
  liveRunNumber,
  markStopRequested,
  setReattachOutcome,
} from './dify-run-fold.js';
export type {DifyRunState, DifyRunStateOptions} from './dify-run-fold.js';
export {RUN_DETAIL_BUDGET} from './node-details.js';
export type * from './types.js';
export type * from './form-types.js';
export type * from './check-types.js';
export {clampPingWait, DEFAULT_PING_WAIT_MS, runChecks, waitingNode} from './checks.js';
export type {RunCheckOptions} from './checks.js';
export {checkWire, nodeWire, runSummaryFields} from './wire.js';
