import {describe, expect, it} from 'vitest';
import {
  answerIdsLine,
  answerSnapshot,
  type AnswerPreset,
} from '../../../source/core/answer/index.js';
import {connectingRecord, eventRecord, foldRecords, runStart} from './sse-records.js';

const CONV = '4bf3e801-b13c-495e-aa3c-c9beec1b3d8f';
const MSG = '8a2c0f11-0000-4000-8000-000000000001';
const TASK = 'c0ffee00-0000-4000-8000-000000000002';
const RUN = 'deadbeef-0000-4000-8000-000000000003';

function runOf(preset: AnswerPreset, ...events: object[]) {
  const records = [
    connectingRecord(runStart),
    ...events.map((event, index) => eventRecord(JSON.stringify(event), runStart + index + 1)),
  ];
  return answerSnapshot(foldRecords(preset, records)).current;
}

const difyRun = (conversation = CONV) =>
  runOf('dify', {
    event: 'message',
    answer: 'hi',
    conversation_id: conversation,
    message_id: MSG,
    task_id: TASK,
    workflow_run_id: RUN,
  });

describe('answerIdsLine', () => {
  it('shows every Dify id, whole, when the width allows', () => {
    expect(answerIdsLine(difyRun(), 'dify', 200)).toBe(
      `conv ${CONV} · msg ${MSG} · task ${TASK} · run ${RUN}`,
    );
  });

  it('leaves out ids that do not fit whole, most wanted first', () => {
    const line = answerIdsLine(difyRun(), 'dify', 100, '|');
    expect(line).toBe(`conv ${CONV} | msg ${MSG}`);
    expect(line.length).toBeLessThanOrEqual(100);
  });

  it('cuts the first id with an ellipsis when nothing fits whole', () => {
    expect(answerIdsLine(difyRun(), 'dify', 20)).toBe('conv 4bf3e801-b13c-…');
    expect(answerIdsLine(difyRun(), 'dify', 20, '|', '...')).toBe('conv 4bf3e801-b13...');
  });

  it('shows the OpenAI response id and the Anthropic message id', () => {
    const openai = runOf('openai', {id: 'chatcmpl-42', choices: [{delta: {content: 'x'}}]});
    expect(answerIdsLine(openai, 'openai', 80)).toBe('id chatcmpl-42');
    const anthropic = runOf('anthropic', {type: 'message_start', message: {id: 'msg_01ABC'}});
    expect(answerIdsLine(anthropic, 'anthropic', 80)).toBe('id msg_01ABC');
  });

  it('is empty without ids, and never carries raw control characters', () => {
    expect(answerIdsLine(runOf('dify'), 'dify', 80)).toBe('');
    const line = answerIdsLine(difyRun('x\u001b]0;pwned\u0007y'), 'dify', 200);
    // eslint-disable-next-line no-control-regex
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(line.startsWith('conv x')).toBe(true);
  });
});
