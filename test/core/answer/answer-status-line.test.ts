import {describe, expect, it} from 'vitest';
import {answerSnapshot, createAnswerState} from '../../../source/core/answer/answer-fold.js';
import {
  answerErrorText,
  answerStatusLine,
  formatDuration,
  formatPrice,
} from '../../../source/core/answer/answer-status-line.js';
import type {AnswerRun} from '../../../source/core/answer/answer-types.js';
import {foldChunks, readFixture} from './sse-records.js';

const blank: AnswerRun = answerSnapshot(createAnswerState('dify')).current;

function runWith(overrides: Partial<AnswerRun>): AnswerRun {
  return {...blank, ...overrides};
}

const usage = {
  promptTokens: 1033,
  completionTokens: 128,
  totalTokens: 1161,
  totalPrice: '0.0012890',
  currency: 'USD',
  latencySeconds: 0.768,
  timeToFirstTokenSeconds: undefined,
  timeToGenerateSeconds: undefined,
  retrieverResources: undefined,
};

describe('answerStatusLine', () => {
  it('shows node progress, TTFT, speed, tokens and cost', () => {
    const run = runWith({
      status: 'streaming',
      progress: {
        ...blank.progress,
        currentNode: {nodeId: 'n', title: 'LLM', type: 'llm'},
        nodesStarted: 5,
        nodesFinished: 3,
      },
      metrics: {
        ...blank.metrics,
        ttftMs: 320,
        tokensPerSecond: 41.2,
        tokensEstimated: false,
        answerChars: 500,
      },
      usage,
    });
    expect(answerStatusLine(run)).toBe(
      'LLM (llm) · 3/5 nodes · TTFT 320 ms · 41 tok/s · 1,161 tokens · $0.00129',
    );
    expect(answerStatusLine({current: run})).toBe(answerStatusLine(run));
  });

  it('marks estimated speed and falls back to characters without usage', () => {
    const run = runWith({
      status: 'streaming',
      metrics: {
        ...blank.metrics,
        ttftMs: 1500,
        tokensPerSecond: 12.4,
        tokensEstimated: true,
        answerChars: 1234,
      },
    });
    expect(answerStatusLine(run)).toBe('streaming · TTFT 1.50 s · ~12 tok/s · 1,234 chars');
  });

  it('names the failed node, the pause and the missing end', () => {
    const failedNode = {
      nodeId: 'n3',
      title: 'HTTP Request',
      type: 'http-request',
      status: 'failed',
      error: 'boom',
    };
    expect(
      answerStatusLine(runWith({status: 'error', progress: {...blank.progress, failedNode}})),
    ).toBe('error in HTTP Request (http-request)');
    expect(
      answerStatusLine(
        runWith({status: 'paused', statusReason: 'paused: waiting for human input'}),
      ),
    ).toBe('paused: waiting for human input');
    expect(
      answerStatusLine(
        runWith({status: 'incomplete', statusReason: 'ended without a terminal event'}),
      ),
    ).toBe('incomplete: ended without a terminal event');
    expect(answerStatusLine(runWith({status: 'done', stopReason: 'length'}))).toBe('done (length)');
    expect(answerStatusLine(runWith({status: 'done', stopReason: 'end_turn'}))).toBe('done');
    expect(answerStatusLine(runWith({status: 'waiting'}))).toBe('waiting');
  });

  it('shows the iteration or loop a node runs in', () => {
    const run = runWith({
      status: 'streaming',
      progress: {
        ...blank.progress,
        currentNode: {nodeId: 'c', title: 'Code', type: 'code'},
        cycle: {kind: 'iteration', title: 'Each item', index: 1, length: 3},
      },
    });
    expect(answerStatusLine(run)).toBe('Code (code) · Each item 1/3');
  });

  it('escapes control characters that a server put in names', () => {
    const run = runWith({
      status: 'streaming',
      progress: {
        ...blank.progress,
        currentNode: {nodeId: 'n', title: 'Evil\u001b[2J', type: 'llm'},
      },
    });
    expect(answerStatusLine(run)).toBe('Evil\\x1b[2J (llm)');
  });

  it('summarises a finished fixture run', () => {
    const run = foldChunks('dify', [readFixture('dify-chatflow-two-answers.sse')]);
    const line = answerStatusLine(run);
    expect(line).toMatch(
      /^done · 5\/5 nodes · TTFT 220 ms · \d+ tok\/s · 1,161 tokens · \$0\.00129 · 1 source · \d+ ms total$/,
    );
  });
});

describe('formatting', () => {
  it('formats prices', () => {
    expect(formatPrice('0.0012890', 'USD')).toBe('$0.00129');
    expect(formatPrice('0', 'USD')).toBe('$0');
    expect(formatPrice('12.5', undefined)).toBe('$12.50');
    expect(formatPrice('0.0000001', 'USD')).toBe('<$0.00001');
    expect(formatPrice('0.0123', 'RMB')).toBe('0.0123 RMB');
    expect(formatPrice('n/a', 'USD')).toBeUndefined();
    expect(formatPrice(undefined, 'USD')).toBeUndefined();
  });

  it('formats durations', () => {
    expect(formatDuration(320)).toBe('320 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(95_000)).toBe('95 s');
  });

  it('formats errors as one safe line', () => {
    expect(
      answerErrorText({code: 'completion_request_error', status: 400, message: 'Rate limit'}),
    ).toBe('completion_request_error (400): Rate limit');
    expect(
      answerErrorText({code: 'overloaded_error', status: undefined, message: 'Overloaded'}),
    ).toBe('overloaded_error: Overloaded');
    expect(answerErrorText({code: undefined, status: undefined, message: 'line1\nline2'})).toBe(
      'line1\\nline2',
    );
  });
});
