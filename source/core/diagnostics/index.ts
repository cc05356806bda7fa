export {DiagnosticsCollector} from './collector.js';
export type {CollectorOptions} from './collector.js';
export {findingsOf} from './findings.js';
export {bufferingHints} from './header-hints.js';
export {diagnosticsWire} from './wire.js';
export {DEFAULT_THRESHOLDS, HISTORY_LIMIT} from './types.js';
export type * from './types.js';
