// Moved to core/output with the line writer.
export * from '../core/output/encode-batch.js';
