import {describe, expect, it} from 'vitest';
import {
  answerSnapshot,
  applyAnswerRecord,
  createAnswerState,
} from '../../../source/core/answer/answer-fold.js';
import type {AnswerPreset} from '../../../source/core/answer/answer-preset.js';
import type {AnswerRun} from '../../../source/core/answer/answer-types.js';
import {connectingRecord, eventRecord, runStart, summaryRecord} from './sse-records.js';

type Item = string | {readonly event: string; readonly data: string};

function fold(preset: AnswerPreset, items: readonly Item[]): {run: AnswerRun; changes: boolean[]} {
  const state = createAnswerState(preset);
  applyAnswerRecord(state, connectingRecord(runStart));
  const changes = items.map((item, index) => {
    const at = runStart + 10 * (index + 1);
    const record =
      typeof item === 'string' ? eventRecord(item, at) : eventRecord(item.data, at, item.event);
    return applyAnswerRecord(state, record);
  });
  applyAnswerRecord(state, summaryRecord(runStart + 5000));
  return {run: answerSnapshot(state).current, changes};
}

const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) =>
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    model: 'm',
    choices: [{index: 0, delta, finish_reason: finishReason}],
  });

describe('OpenAI chat completions', () => {
  it('is done after finish_reason even when [DONE] never comes, incomplete without either', () => {
    expect(fold('openai', [chunk({content: 'Hi'}), chunk({}, 'length')]).run).toMatchObject({
      status: 'done',
      stopReason: 'length',
      text: 'Hi',
    });
    expect(fold('openai', [chunk({content: 'Hi'})]).run).toMatchObject({
      status: 'incomplete',
      statusReason: 'ended without a terminal event',
    });
  });

  it('reads reasoning from delta.reasoning too', () => {
    expect(
      fold('openai', [
        chunk({reasoning: 'think'}),
        chunk({content: 'ok'}),
        'data is not json',
        '[DONE]',
      ]).run,
    ).toMatchObject({
      reasoning: 'think',
      text: 'ok',
      invalidJsonCount: 1,
      status: 'done',
    });
  });

  it('takes choice 0 when several choices stream', () => {
    const twoChoices = JSON.stringify({
      choices: [
        {index: 1, delta: {content: 'B'}},
        {index: 0, delta: {content: 'A'}},
      ],
    });
    expect(fold('openai', [twoChoices]).run.text).toBe('A');
  });

  it('reads an error sent as `event: error`', () => {
    const {run} = fold('openai', [
      chunk({content: 'x'}),
      {
        event: 'error',
        data: JSON.stringify({error: {message: 'boom', type: 'server_error', code: 'E1'}}),
      },
    ]);
    expect(run.error).toEqual({code: 'E1', status: undefined, message: 'boom'});
    expect(run.status).toBe('error');
  });
});

describe('OpenAI Responses API', () => {
  const event = (type: string, fields: Record<string, unknown> = {}) => ({
    event: type,
    data: JSON.stringify({type, ...fields}),
  });

  it('names events by the SSE event line when the JSON has no type', () => {
    const {run} = fold('openai', [
      {event: 'response.output_text.delta', data: JSON.stringify({delta: 'Hi'})},
    ]);
    expect(run.text).toBe('Hi');
  });

  it('reads reasoning deltas and marks a max-token stop as incomplete', () => {
    const {run} = fold('openai', [
      event('response.reasoning_summary_text.delta', {delta: 'plan'}),
      event('response.output_text.delta', {delta: 'Partial'}),
      event('response.incomplete', {
        response: {
          id: 'resp_1',
          status: 'incomplete',
          incomplete_details: {reason: 'max_output_tokens'},
          usage: {input_tokens: 1, output_tokens: 2, total_tokens: 3},
        },
      }),
    ]);
    expect(run).toMatchObject({
      reasoning: 'plan',
      text: 'Partial',
      status: 'incomplete',
      statusReason: 'incomplete: max_output_tokens',
      stopReason: 'max_output_tokens',
    });
    expect(run.usage).toMatchObject({totalTokens: 3});
    expect(run.terminalEvents).toEqual(['response.incomplete']);
  });

  it('reads response.failed and error events', () => {
    const failed = fold('openai', [
      event('response.failed', {
        response: {
          id: 'resp_1',
          status: 'failed',
          error: {code: 'server_error', message: 'went wrong'},
        },
      }),
    ]).run;
    expect(failed).toMatchObject({
      status: 'error',
      error: {code: 'server_error', message: 'went wrong'},
    });
    const error = fold('openai', [
      event('error', {code: 'rate_limit_exceeded', message: 'slow down', param: null}),
    ]).run;
    expect(error.error).toEqual({
      code: 'rate_limit_exceeded',
      status: undefined,
      message: 'slow down',
    });
  });
});

describe('Anthropic', () => {
  const event = (type: string, fields: Record<string, unknown> = {}) => ({
    event: type,
    data: JSON.stringify({type, ...fields}),
  });

  it('ping and block stops change nothing visible', () => {
    const {changes} = fold('anthropic', [
      event('message_start', {
        message: {id: 'msg_1', model: 'claude', usage: {input_tokens: 3, output_tokens: 1}},
      }),
      event('ping'),
      event('content_block_start', {index: 0, content_block: {type: 'text', text: ''}}),
      event('content_block_delta', {index: 0, delta: {type: 'text_delta', text: 'Hi'}}),
      event('content_block_delta', {
        index: 0,
        delta: {type: 'input_json_delta', partial_json: '{"a'},
      }),
      event('content_block_stop', {index: 0}),
    ]);
    expect(changes).toEqual([true, false, false, true, false, false]);
  });

  it('is done when message_delta gave a stop reason even if message_stop was lost', () => {
    const {run} = fold('anthropic', [
      event('content_block_delta', {index: 0, delta: {type: 'text_delta', text: 'Hi'}}),
      event('message_delta', {
        delta: {stop_reason: 'max_tokens', stop_sequence: null},
        usage: {output_tokens: 2},
      }),
    ]);
    expect(run).toMatchObject({status: 'done', stopReason: 'max_tokens', text: 'Hi'});
    expect(run.usage).toMatchObject({completionTokens: 2, totalTokens: undefined});
  });
});
