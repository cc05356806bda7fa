import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {
  answerSnapshot,
  applyAnswerRecord,
  createAnswerState,
} from '../../source/core/answer/index.js';
import {answerSummaryFields} from '../../source/core/answer-wire.js';
import {
  applyDifyRunRecord,
  createDifyRunState,
  currentRun,
  runSummaryFields,
} from '../../source/core/dify-run/index.js';
import {toNdjsonLine} from '../../source/core/ndjson.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {readFixture, recordsFromChunks} from './answer/sse-records.js';

let directory: string | undefined;
afterEach(async () => {
  if (directory) await rm(directory, {recursive: true, force: true});
  directory = undefined;
});

/** What `--json` writes for these records (the headless writer's steps). */
function headlessLines(records: ReturnType<typeof recordsFromChunks>): Record<string, unknown>[] {
  const answer = createAnswerState('dify');
  const run = createDifyRunState();
  const lines: Record<string, unknown>[] = [];
  for (const record of records) {
    applyAnswerRecord(answer, record);
    applyDifyRunRecord(run, record);
    const extra =
      record.type === 'summary'
        ? {
            ...answerSummaryFields(answerSnapshot(answer).current),
            ...runSummaryFields(currentRun(run), record.timestamp),
          }
        : undefined;
    const line = toNdjsonLine(record, undefined, extra);
    if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
  }
  return lines;
}

describe('dashboard export', () => {
  it('writes the --json shapes, the summary with its answer fields', async () => {
    const records = recordsFromChunks([readFixture('dify-chatflow-two-answers.sse')]);
    const store = createStreamStore({streams: [{name: records[0]!.stream, answer: 'dify'}]});
    for (const record of records) store.ingest(record);
    directory = await mkdtemp(join(tmpdir(), 'ssedeck-export-'));
    const {path} = await store.exportEvents(records[0]!.stream, join(directory, 'out.ndjson'));
    const exported = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const expected = headlessLines(records);
    const keysByType = (lines: Record<string, unknown>[]) =>
      Object.fromEntries(lines.map((line) => [String(line['type']), Object.keys(line)]));
    expect(keysByType(exported)).toEqual(keysByType(expected));
    const summary = exported.find((line) => line['type'] === 'summary');
    expect(summary).toEqual(expected.find((line) => line['type'] === 'summary'));
    expect(summary?.['answer']).toEqual(expect.any(String));
    expect(summary?.['answer']).not.toBe('');
    expect(exported.filter((line) => line['type'] === 'event')).toEqual(
      expected.filter((line) => line['type'] === 'event'),
    );
    store.dispose();
  });
});
