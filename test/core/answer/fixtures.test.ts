import {readdirSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {AnswerRun} from '../../../source/core/answer/answer-types.js';
import {fixtureExpectations, type FixtureExpectation} from './fixture-expectations.js';
import {
  foldChunks,
  foldRecords,
  randomOffsets,
  readFixture,
  recordsFromChunks,
  seededRandom,
  splitAt,
} from './sse-records.js';

function expectMatches(run: AnswerRun, expected: FixtureExpectation): void {
  expect(run.text).toBe(expected.text);
  expect(run.reasoning).toBe(expected.reasoning);
  expect(run.status).toBe(expected.status);
  expect(run.terminalEvents).toEqual(expected.terminalEvents);
  expect(run.invalidJsonCount).toBe(0);
  expect(run.ended).toBe(true);
  if (expected.statusReason !== undefined) expect(run.statusReason).toBe(expected.statusReason);
  if (expected.stopReason !== undefined) expect(run.stopReason).toBe(expected.stopReason);
  if (expected.query !== undefined) expect(run.query).toBe(expected.query);
  if (expected.ids !== undefined) expect(run.ids).toMatchObject(expected.ids);
  if (expected.usage !== undefined) expect(run.usage).toMatchObject(expected.usage);
  if (expected.progress !== undefined) expect(run.progress).toMatchObject(expected.progress);
  if (expected.chunkCount !== undefined) expect(run.metrics.chunkCount).toBe(expected.chunkCount);
  if (expected.ttftMs !== undefined) expect(run.metrics.ttftMs).toBe(expected.ttftMs);
  if (expected.error === undefined) expect(run.error).toBeUndefined();
  else expect(run.error).toEqual(expected.error);
}

describe('answer fixtures', () => {
  it('has an expectation for every fixture file', () => {
    const directory = fileURLToPath(new URL('../../fixtures/answer/', import.meta.url));
    const files = readdirSync(directory).filter((name) => name.endsWith('.sse'));
    expect(files.sort()).toEqual(fixtureExpectations.map((entry) => entry.file).sort());
  });

  for (const expected of fixtureExpectations) {
    describe(expected.file, () => {
      const bytes = readFixture(expected.file);
      const whole = foldChunks(expected.preset, [bytes]);

      it('folds to the expected answer', () => {
        expectMatches(whole, expected);
      });

      it('gives the same answer one byte at a time', () => {
        const bytewise = Array.from({length: bytes.length}, (_, index) =>
          bytes.subarray(index, index + 1),
        );
        expect(foldChunks(expected.preset, bytewise)).toEqual(whole);
      });

      it('gives the same answer for random splits', () => {
        const random = seededRandom(bytes.length);
        for (let round = 0; round < 30; round++) {
          const cuts = randomOffsets(bytes.length, 1 + Math.floor(random() * 12), random);
          expect(foldChunks(expected.preset, splitAt(bytes, cuts))).toEqual(whole);
        }
      });
    });
  }
});

describe('the CJK chatflow fixture split at every offset', () => {
  it('gives the same answer wherever the bytes are cut', () => {
    const bytes = readFixture('dify-chatflow-two-answers.sse');
    // The split must be able to cut inside multibyte characters: make sure there are some.
    expect(bytes.some((byte) => byte >= 0x80)).toBe(true);
    const whole = foldChunks('dify', [bytes]);
    const expected = JSON.stringify(whole);
    const differing: number[] = [];
    for (let offset = 1; offset < bytes.length; offset++) {
      const run = foldChunks('dify', splitAt(bytes, [offset]));
      if (JSON.stringify(run) !== expected) differing.push(offset);
    }
    expect(differing).toEqual([]);
    expect(whole.text).toBe('杭州是一座以西湖闻名的历史文化名城。\n推荐菜：西湖醋鱼 🐟。');
  }, 60_000);
});

describe('Dify JSON formats', () => {
  const legacy = readFixture('dify-chatflow-legacy-escaped.sse');
  const text = new TextDecoder().decode(legacy);

  it('the legacy fixture is the escaped json.dumps format and the new one is compact UTF-8', () => {
    expect(legacy.every((byte) => byte < 0x80)).toBe(true);
    expect(text).toContain('"event": "message", ');
    expect(text).toContain('\\u4f60\\u597d');
    expect(text).toContain('\\ud83d\\ude00');
    const compact = new TextDecoder().decode(readFixture('dify-chatflow-two-answers.sse'));
    expect(compact).toContain('{"event":"message","conversation_id":');
    expect(compact).toContain('西湖醋鱼 🐟');
  });

  it('folds the escaped format and its compact re-encoding to the same answer', () => {
    const reencoded = text.replace(/^data: (.*)$/gm, (_, json: string) => {
      return `data: ${JSON.stringify(JSON.parse(json))}`;
    });
    expect(reencoded).not.toBe(text);
    expect(reencoded).toContain('"answer":"我是 Dify 助手 😀"');
    const fromLegacy = foldChunks('dify', [legacy]);
    const fromCompact = foldChunks('dify', [new TextEncoder().encode(reencoded)]);
    expect(fromCompact).toEqual(fromLegacy);
    expect(fromLegacy.text).toBe('你好！我是 Dify 助手 😀，有什么可以帮你？');
  });
});

describe('fixture records', () => {
  it('turn the bare `event: ping` blocks into keep-alives, not events', () => {
    const records = recordsFromChunks([readFixture('dify-chatflow-ping-only.sse')]);
    expect(records.map((record) => record.type)).toEqual([
      'status',
      'status',
      'keepalive',
      'summary',
    ]);
    const state = foldRecords('dify', records);
    expect(state.fold.run.status).toBe('incomplete');
  });
});
