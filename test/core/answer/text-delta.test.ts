import {describe, expect, it} from 'vitest';
import {
  answerSnapshot,
  applyAnswerRecord,
  createAnswerState,
} from '../../../source/core/answer/answer-fold.js';
import type {AnswerRun} from '../../../source/core/answer/answer-types.js';
import {answerTextDelta, type AnswerTextDelta} from '../../../source/core/answer/text-delta.js';
import {connectingRecord, eventRecord, runStart, summaryRecord} from './sse-records.js';

const dify = (event: string, answer: string) => JSON.stringify({event, answer});

/** Feeds records and collects the deltas a printer would see after each one. */
function followAnswer(datas: readonly string[]): AnswerTextDelta[] {
  const state = createAnswerState('dify');
  applyAnswerRecord(state, connectingRecord(runStart));
  let previous: AnswerRun | undefined;
  const deltas: AnswerTextDelta[] = [];
  for (const data of datas) {
    applyAnswerRecord(state, eventRecord(data, runStart + 1));
    const current = answerSnapshot(state).current;
    deltas.push(answerTextDelta(previous, current));
    previous = current;
  }
  return deltas;
}

describe('answerTextDelta', () => {
  it('gives the new tail while the answer grows', () => {
    expect(
      followAnswer([dify('message', 'Hel'), dify('message', 'lo'), dify('message', '')]),
    ).toEqual([{kind: 'append', text: 'Hel'}, {kind: 'append', text: 'lo'}, {kind: 'none'}]);
  });

  it('gives the whole text again after a rewrite, then tails again', () => {
    expect(
      followAnswer([
        dify('message', 'bad'),
        dify('message_replace', 'Good.'),
        dify('message', ' More'),
      ]),
    ).toEqual([
      {kind: 'append', text: 'bad'},
      {kind: 'replace', text: 'Good.'},
      {kind: 'append', text: ' More'},
    ]);
  });

  it("does not reprint when New Agent's closing message repeats the answer", () => {
    expect(
      followAnswer([
        dify('agent_message', 'Hi'),
        dify('agent_message', ' you'),
        dify('message', 'Hi you!'),
      ]),
    ).toEqual([
      {kind: 'append', text: 'Hi'},
      {kind: 'append', text: ' you'},
      {kind: 'append', text: '!'},
    ]);
  });

  it('starts over on a new run', () => {
    const state = createAnswerState('dify');
    applyAnswerRecord(state, connectingRecord(runStart));
    applyAnswerRecord(state, eventRecord(dify('message', 'first'), runStart + 1));
    applyAnswerRecord(state, summaryRecord(runStart + 2));
    const first = answerSnapshot(state).current;
    applyAnswerRecord(state, connectingRecord(runStart + 3));
    applyAnswerRecord(state, eventRecord(dify('message', 'second'), runStart + 4));
    expect(answerTextDelta(first, answerSnapshot(state).current)).toEqual({
      kind: 'append',
      text: 'second',
    });
  });
});
