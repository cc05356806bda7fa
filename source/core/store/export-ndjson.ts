import {writeFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {toNdjsonLine} from '../ndjson.js';
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

/** NDJSON text (the headless wire contract) of the entries, secrets redacted. */
export function entriesToNdjson(
  stream: string,
  entries: readonly DisplayEntry[],
  redact: Redactor,
): {text: string; count: number} {
  let text = '';
  let count = 0;
  for (const entry of entries) {
    for (const record of entryRecords(stream, entry)) {
      const extra = record.type === 'summary' ? entry.summaryExtra : undefined;
      const line = toNdjsonLine(record, redact, extra);
      if (line) {
        text += line;
        count++;
      }
    }
  }
  return {text, count};
}

const MAX_NAME_TRIES = 100;

export async function writeNdjsonExport(
  stream: string,
  entries: readonly DisplayEntry[],
  path: string,
  redact: Redactor,
): Promise<ExportResult> {
  const {text, count} = entriesToNdjson(stream, entries, redact);
  const absolute = resolve(path);
  const dot = absolute.lastIndexOf('.');
  const [stem, extension] =
    dot > absolute.lastIndexOf('/')
      ? [absolute.slice(0, dot), absolute.slice(dot)]
      : [absolute, ''];
  for (let copy = 1; ; copy++) {
    const candidate = copy === 1 ? absolute : `${stem}-${copy}${extension}`;
    try {
      // `wx`: never overwrite a file that is already there; try the next name.
      await writeFile(candidate, text, {encoding: 'utf8', flag: 'wx'});
      return {path: candidate, count};
    } catch (error) {
      const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
      if (!exists || copy >= MAX_NAME_TRIES) throw error;
    }
  }
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
