import {describe, expect, it} from 'vitest';
import {answerSnapshot} from '../../source/core/answer/index.js';
import {answerLayoutOf} from '../../source/ui/answer/layout.js';
import {connectingRecord, eventRecord, foldRecords, runStart} from '../core/answer/sse-records.js';

const CONV = '4bf3e801-b13c-495e-aa3c-c9beec1b3d8f';
const snapshot = answerSnapshot(
  foldRecords('dify', [
    connectingRecord(runStart),
    eventRecord(
      JSON.stringify({event: 'message', answer: 'hi', conversation_id: CONV, task_id: 't-1'}),
      runStart + 1,
    ),
  ]),
);
const layout = (height: number, width = 80) =>
  answerLayoutOf(snapshot, {
    width,
    height,
    reasoning: false,
    input: undefined,
    scrollTop: undefined,
  });

describe('the answer view ids line', () => {
  it('sits above the status line when the pane is tall enough', () => {
    const {pinned} = layout(8);
    expect(pinned.map((row) => row.text)).toEqual([`conv ${CONV} · task t-1`, expect.any(String)]);
    expect(pinned[0]?.tone).toBe('note');
    expect(pinned[1]?.text).toMatch(/^streaming/);
  });

  it('is left out when it would leave fewer than 3 rows of answer', () => {
    expect(layout(4).pinned).toHaveLength(1);
    expect(layout(5).pinned).toHaveLength(2);
  });

  it('fits the pane width (margins included)', () => {
    const {pinned} = layout(8, 46);
    expect(pinned[0]?.text).toBe(`conv ${CONV}`);
  });
});
