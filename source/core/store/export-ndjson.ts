import {resolve} from 'node:path';
import {toNdjsonLine} from '../ndjson.js';
import {openNdjsonFile} from '../output/ndjson-file.js';
import type {Redactor} from '../redact.js';
import type {EventRecord, StreamRecord} from '../records.js';
import type {DisplayEntry, ExportResult} from './types.js';

/** The records an entry stands for; event data is the capped copy the store kept. */
export function entryRecords(stream: string, entry: DisplayEntry): readonly StreamRecord[] {
  if (entry.kind === 'notice') return entry.records ?? [];
  const record: EventRecord = {
    type: 'event',
    stream,
    timestamp: entry.timestamp,
    bytesReceived: entry.bytesReceived,
    eventNumber: entry.eventNumber,
    eventType: entry.eventType,
    data: entry.data,
    eventId: entry.eventId,
  };
  return [record];
}

/**
 * Writes the entries as NDJSON (the headless wire contract, secrets
 * redacted) to `path`, or "-2", "-3"... when it exists: never overwrites.
 * The same incremental writer as recordings (core/output/ndjson-file.ts).
 */
export async function writeNdjsonExport(
  stream: string,
  entries: readonly DisplayEntry[],
  path: string,
  redact: Redactor,
): Promise<ExportResult> {
  const file = openNdjsonFile(resolve(path), {exclusive: true});
  let count = 0;
  for (const entry of entries) {
    for (const record of entryRecords(stream, entry)) {
      const extra = record.type === 'summary' ? entry.summaryExtra : undefined;
      const line = toNdjsonLine(record, redact, extra);
      if (line) {
        file.write(line);
        count++;
      }
    }
  }
  await file.close();
  return {path: file.path, count};
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** "ssedeck-export-<name>-20261121-100000.ndjson" (the .gitignore knows this pattern). */
export function defaultExportFileName(stream: string, now: Date, kind = 'export'): string {
  const safeName = stream.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 64) || 'stream';
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}` +
    `-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `ssedeck-${kind}-${safeName}-${stamp}.ndjson`;
}
