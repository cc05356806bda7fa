import {describe, expect, it} from 'vitest';
import {
  answerSnapshot,
  applyAnswerRecord,
  createAnswerState,
  latestConversationId,
  setAnswerQuery,
  type AnswerState,
} from '../../../source/core/answer/answer-fold.js';
import type {StreamRecord} from '../../../source/core/records.js';
import {connectingRecord, eventRecord, runStart, summaryRecord} from './sse-records.js';

const chat = (event: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    event,
    conversation_id: 'conv-1',
    message_id: 'msg-1',
    created_at: 1778220111,
    task_id: 'task-1',
    ...fields,
  });

function apply(state: AnswerState, ...records: StreamRecord[]): boolean[] {
  return records.map((record) => applyAnswerRecord(state, record));
}

describe('metrics', () => {
  it('measures TTFT from the run start to the first visible answer chunk', () => {
    const state = createAnswerState('dify');
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(chat('message', {answer: ''}), runStart + 200),
      eventRecord(chat('message', {answer: '<think>hmm'}), runStart + 250),
      eventRecord(chat('message', {answer: '</think>Hi'}), runStart + 320),
      eventRecord(chat('message', {answer: ' there'}), runStart + 400),
    );
    const {metrics} = answerSnapshot(state).current;
    expect(metrics.startedAt).toBe(runStart);
    expect(metrics.firstAnswerAt).toBe(runStart + 320);
    expect(metrics.ttftMs).toBe(320);
    expect(metrics.chunkCount).toBe(3);
    expect(metrics.answerChars).toBe('Hi there'.length);
    expect(metrics.reasoningChars).toBe('hmm'.length);
  });

  it('has no TTFT without a connecting record', () => {
    const state = createAnswerState('dify');
    apply(state, eventRecord(chat('message', {answer: 'Hi'}), runStart + 100));
    expect(answerSnapshot(state).current.metrics.ttftMs).toBeUndefined();
  });

  it('estimates tokens per second from characters until usage arrives, then uses usage', () => {
    const state = createAnswerState('openai');
    const chunk = (content: string) =>
      JSON.stringify({object: 'chat.completion.chunk', choices: [{index: 0, delta: {content}}]});
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(chunk('abcdefgh'), runStart + 1000),
      // 8 Latin characters ≈ 2 tokens, 4 CJK characters ≈ 4 tokens.
      eventRecord(chunk('你好世界'), runStart + 1500),
    );
    let metrics = answerSnapshot(state).current.metrics;
    expect(metrics.tokensEstimated).toBe(true);
    expect(metrics.outputTokens).toBe(6);
    expect(metrics.tokensPerSecond).toBeCloseTo(6 / 0.5);

    apply(
      state,
      eventRecord(
        JSON.stringify({
          choices: [],
          usage: {prompt_tokens: 5, completion_tokens: 20, total_tokens: 25},
        }),
        runStart + 2000,
      ),
      eventRecord('[DONE]', runStart + 2100),
    );
    metrics = answerSnapshot(state).current.metrics;
    expect(metrics.tokensEstimated).toBe(false);
    expect(metrics.outputTokens).toBe(20);
    expect(metrics.tokensPerSecond).toBeCloseTo(20 / 0.5);
    expect(metrics.totalLatencyMs).toBe(2100);
  });

  it("falls back to the server's generation time when everything came in one chunk", () => {
    const state = createAnswerState('dify');
    const usage = {completion_tokens: 90, total_tokens: 100, time_to_generate: 3};
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(chat('message', {answer: 'whole answer at once'}), runStart + 500),
      eventRecord(chat('message_end', {metadata: {usage}}), runStart + 600),
    );
    const {metrics} = answerSnapshot(state).current;
    expect(metrics.tokensPerSecond).toBeCloseTo(30);
    expect(metrics.tokensEstimated).toBe(false);
  });

  it('counts reasoning into the generation span and the estimate', () => {
    const state = createAnswerState('anthropic');
    const delta = (type: string, field: string, text: string) =>
      JSON.stringify({type: 'content_block_delta', index: 0, delta: {type, [field]: text}});
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(
        delta('thinking_delta', 'thinking', 'abcd'),
        runStart + 100,
        'content_block_delta',
      ),
      eventRecord(delta('text_delta', 'text', 'efgh'), runStart + 1100, 'content_block_delta'),
    );
    const {metrics} = answerSnapshot(state).current;
    expect(metrics.outputTokens).toBe(2);
    expect(metrics.tokensPerSecond).toBeCloseTo(2);
    expect(metrics.ttftMs).toBe(1100);
  });
});

describe('runs and history', () => {
  it('starts a new answer on a new run and keeps the earlier ones in history', () => {
    const state = createAnswerState('dify', {query: 'first question'});
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(chat('message', {answer: 'First answer'}), runStart + 100),
      eventRecord(chat('message_end', {metadata: {usage: {total_tokens: 10}}}), runStart + 200),
      summaryRecord(runStart + 210),
    );
    expect(setAnswerQuery(state, 'follow-up')).toBe(false);
    expect(answerSnapshot(state).current.query).toBe('first question');

    const second = runStart + 10_000;
    const [newRun] = apply(state, connectingRecord(second));
    expect(newRun).toBe(true);
    let snapshot = answerSnapshot(state);
    expect(snapshot.history).toHaveLength(1);
    expect(snapshot.history[0]).toMatchObject({
      runNumber: 1,
      query: 'first question',
      text: 'First answer',
      status: 'done',
      ended: true,
    });
    expect(snapshot.current).toMatchObject({
      runNumber: 2,
      query: 'follow-up',
      text: '',
      status: 'waiting',
    });
    expect(snapshot.current.metrics.startedAt).toBe(second);

    apply(
      state,
      eventRecord(chat('message', {answer: 'Second', conversation_id: 'conv-1'}), second + 300),
    );
    snapshot = answerSnapshot(state);
    expect(snapshot.current.text).toBe('Second');
    expect(snapshot.current.metrics.ttftMs).toBe(300);
    expect(snapshot.history[0]?.text).toBe('First answer');
  });

  it('keeps the answer across reconnect attempts of the same run', () => {
    const state = createAnswerState('openai');
    const chunk = (content: string) => JSON.stringify({choices: [{index: 0, delta: {content}}]});
    apply(state, connectingRecord(runStart), eventRecord(chunk('a'), runStart + 10));
    const [reconnect] = apply(
      state,
      connectingRecord(runStart + 500, 2),
      eventRecord(chunk('b'), runStart + 600),
    );
    expect(reconnect).toBe(false);
    const snapshot = answerSnapshot(state);
    expect(snapshot.current.text).toBe('ab');
    expect(snapshot.history).toHaveLength(0);
  });

  it('bounds the history', () => {
    const state = createAnswerState('dify', {maxHistory: 2});
    for (let run = 0; run < 4; run++) {
      apply(
        state,
        connectingRecord(runStart + run * 1000),
        eventRecord(chat('message', {answer: `run ${run}`}), runStart + run * 1000 + 10),
        summaryRecord(runStart + run * 1000 + 20),
      );
    }
    const snapshot = answerSnapshot(state);
    expect(snapshot.history.map((run) => run.text)).toEqual(['run 1', 'run 2']);
    expect(snapshot.current.text).toBe('run 3');
  });

  it('finds the conversation of the latest run that has one', () => {
    const state = createAnswerState('dify');
    expect(latestConversationId(state)).toBeUndefined();
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(chat('message', {answer: 'a', conversation_id: 'conv-A'}), runStart + 1),
      summaryRecord(runStart + 2),
      connectingRecord(runStart + 100),
    );
    expect(latestConversationId(state)).toBe('conv-A');
    apply(
      state,
      eventRecord(chat('message', {answer: 'b', conversation_id: 'conv-B'}), runStart + 101),
    );
    expect(latestConversationId(state)).toBe('conv-B');
  });

  it('sets the query of a run that has not started yet', () => {
    const state = createAnswerState('dify');
    expect(setAnswerQuery(state, 'hello')).toBe(true);
    expect(setAnswerQuery(state, 'hello')).toBe(false);
    expect(answerSnapshot(state).current.query).toBe('hello');
  });
});

describe('visible changes', () => {
  it('returns false for records that change nothing visible', () => {
    const state = createAnswerState('dify');
    apply(
      state,
      connectingRecord(runStart),
      eventRecord(chat('message', {answer: 'Hi'}), runStart + 1),
    );
    const version = state.version;
    const snapshot = answerSnapshot(state);
    const quiet: StreamRecord[] = [
      {type: 'keepalive', kind: 'ping', stream: 'test', timestamp: runStart + 2, bytesReceived: 0},
      {
        type: 'status',
        state: 'open',
        attempt: 1,
        httpStatus: 200,
        contentType: 'text/event-stream',
        headersMs: 5,
        headers: {'content-type': 'text/event-stream'},
        stream: 'test',
        timestamp: runStart + 3,
        bytesReceived: 0,
      },
      connectingRecord(runStart + 4, 2),
      {
        type: 'error',
        status: 'retrying',
        error: 'socket hang up',
        stream: 'test',
        timestamp: runStart + 5,
        bytesReceived: 0,
      },
      eventRecord(chat('message', {answer: ''}), runStart + 6),
      eventRecord(chat('tts_message', {audio: 'SUQzBAAAAAAA'}), runStart + 7),
      eventRecord(chat('tts_message_end', {audio: ''}), runStart + 8),
      eventRecord(chat('agent_log', {data: {label: 'ROUND 1'}}), runStart + 9),
      eventRecord(chat('ping'), runStart + 10),
      eventRecord(
        chat('message_file', {
          id: 'f1',
          type: 'image',
          belongs_to: 'assistant',
          url: 'https://x/y.png',
        }),
        runStart + 11,
      ),
      eventRecord('[DONE]', runStart + 12),
    ];
    for (const record of quiet)
      expect(applyAnswerRecord(state, record), JSON.stringify(record)).toBe(false);
    expect(state.version).toBe(version);
    expect(answerSnapshot(state)).toBe(snapshot);
  });

  it('returns true and gives a new snapshot when the answer changes', () => {
    const state = createAnswerState('dify');
    apply(state, connectingRecord(runStart));
    const before = answerSnapshot(state);
    expect(
      applyAnswerRecord(state, eventRecord(chat('message', {answer: 'Hi'}), runStart + 1)),
    ).toBe(true);
    const after = answerSnapshot(state);
    expect(after).not.toBe(before);
    expect(after.version).toBe(before.version + 1);
    expect(before.current.text).toBe('');
    expect(after.current.text).toBe('Hi');
    expect(Object.isFrozen(after.current)).toBe(true);
  });

  it('does nothing for the none preset', () => {
    const state = createAnswerState('none');
    const changes = apply(
      state,
      connectingRecord(runStart),
      eventRecord(chat('message', {answer: 'Hi'}), runStart + 1),
      summaryRecord(runStart + 2),
    );
    expect(changes).toEqual([false, false, false]);
    expect(answerSnapshot(state).current.text).toBe('');
  });
});

describe('bad data', () => {
  it('ignores and counts event data that is not a JSON object, never throws', () => {
    const state = createAnswerState('dify');
    const bad = ['{"event":"message","answer":"x"', 'not json', '[1,2]', 'null', '42', '"text"'];
    for (const data of bad)
      expect(() => applyAnswerRecord(state, eventRecord(data, runStart))).not.toThrow();
    const snapshot = answerSnapshot(state).current;
    expect(snapshot.invalidJsonCount).toBe(bad.length);
    expect(snapshot.text).toBe('');
  });

  it('reads mistyped fields as missing', () => {
    const state = createAnswerState('dify');
    apply(
      state,
      eventRecord(JSON.stringify({event: 'message', answer: 42, task_id: 7}), runStart),
      eventRecord(JSON.stringify({event: 'text_chunk', data: 'oops'}), runStart),
      eventRecord(
        JSON.stringify({event: 'message_end', metadata: {usage: {total_tokens: 'lots'}}}),
        runStart,
      ),
      eventRecord(JSON.stringify({event: 'node_started', data: null}), runStart),
    );
    const run = answerSnapshot(state).current;
    expect(run.text).toBe('');
    expect(run.ids.taskId).toBeUndefined();
    expect(run.usage?.totalTokens).toBeUndefined();
    expect(run.progress.nodesStarted).toBe(1);
    expect(run.status).toBe('done');
  });
});
