// Moved to core/output: export (e) and recordings share this writer.
export * from '../core/output/line-writer.js';
