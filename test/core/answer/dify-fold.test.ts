import {describe, expect, it} from 'vitest';
import {
  answerSnapshot,
  applyAnswerRecord,
  createAnswerState,
} from '../../../source/core/answer/answer-fold.js';
import type {AnswerRun} from '../../../source/core/answer/answer-types.js';
import type {StreamRecord} from '../../../source/core/records.js';
import {connectingRecord, eventRecord, runStart, summaryRecord} from './sse-records.js';

type Payload = Record<string, unknown>;

const chat = (event: string, fields: Payload = {}): Payload => ({
  event,
  conversation_id: 'conv-1',
  message_id: 'msg-1',
  created_at: 1778220111,
  task_id: 'task-1',
  ...fields,
});
const flow = (event: string, data: Payload): Payload =>
  chat(event, {workflow_run_id: 'run-1', data});

/** Folds Dify payloads (plus optional engine records) as one run and returns the final answer. */
function fold(
  items: ReadonlyArray<Payload | StreamRecord>,
  end: StreamRecord | null = summaryRecord(runStart + 9999),
): AnswerRun {
  const state = createAnswerState('dify');
  applyAnswerRecord(state, connectingRecord(runStart));
  items.forEach((item, index) => {
    const record =
      'type' in item && 'stream' in item
        ? (item as StreamRecord)
        : eventRecord(JSON.stringify(item), runStart + 10 * (index + 1));
    applyAnswerRecord(state, record);
  });
  if (end !== null) applyAnswerRecord(state, end);
  return answerSnapshot(state).current;
}

const message = (answer: string) =>
  chat('message', {id: 'msg-1', answer, from_variable_selector: null});
const messageEnd = chat('message_end', {
  id: 'msg-1',
  metadata: {usage: {total_tokens: 12}, retriever_resources: []},
});
const workflowFinished = (status: string, extra: Payload = {}) =>
  flow('workflow_finished', {
    id: 'run-1',
    status,
    outputs: {},
    error: null,
    elapsed_time: 1.5,
    total_tokens: 12,
    total_steps: 3,
    ...extra,
  });

describe('Dify answer text', () => {
  it('appends message and agent_message answers', () => {
    expect(fold([message('Hel'), message('lo'), messageEnd]).text).toBe('Hello');
    const agent = fold([
      chat('agent_message', {id: 'msg-1', answer: 'Let me'}),
      chat('agent_message', {id: 'msg-1', answer: ' see'}),
      messageEnd,
    ]);
    expect(agent.text).toBe('Let me see');
  });

  it('message_replace replaces the whole answer and later chunks append to it', () => {
    const run = fold([
      message('bad'),
      message(' words'),
      chat('message_replace', {answer: 'Clean.', reason: ''}),
      message(' More.'),
      messageEnd,
    ]);
    expect(run.text).toBe('Clean. More.');
  });

  it('a New Agent closing message replaces the agent_message deltas instead of duplicating them', () => {
    const run = fold([
      chat('agent_message', {id: 'msg-1', answer: 'Hi'}),
      chat('agent_message', {id: 'msg-1', answer: ' you'}),
      message('Hi you'),
      messageEnd,
    ]);
    expect(run.text).toBe('Hi you');
  });

  it('text_chunk appends data.text and text_replace replaces it', () => {
    const chunk = (text: string) =>
      flow('text_chunk', {text, from_variable_selector: ['n', 'text']});
    const run = fold([
      chunk('one'),
      chunk(' two'),
      flow('text_replace', {text: 'three'}),
      chunk('!'),
      workflowFinished('succeeded'),
    ]);
    expect(run.text).toBe('three!');
  });

  it('a message_file with answer and no url is text; one with a url is a file', () => {
    const run = fold([
      chat('message_file', {
        id: 'f1',
        type: 'image',
        belongs_to: 'assistant',
        url: 'https://files/x.png',
        answer: 'not text',
      }),
      chat('message_file', {id: 'msg-1', answer: 'text', from_variable_selector: null}),
      messageEnd,
    ]);
    expect(run.text).toBe('text');
  });

  it('reasoning_chunk goes to the reasoning, a paragraph per node', () => {
    const reasoning = (text: string, node: string) =>
      chat('reasoning_chunk', {
        data: {message_id: 'msg-1', reasoning: text, node_id: node, is_final: false},
      });
    const run = fold([
      reasoning('a', 'n1'),
      reasoning('b', 'n1'),
      reasoning('c', 'n2'),
      message('answer'),
      messageEnd,
    ]);
    expect(run.reasoning).toBe('ab\n\nc');
    expect(run.text).toBe('answer');
  });

  it('uses the single string output of a workflow that streamed no text', () => {
    expect(fold([workflowFinished('succeeded', {outputs: {result: 'only'}})]).text).toBe('only');
    expect(fold([workflowFinished('succeeded', {outputs: {a: 'x', b: 'y'}})]).text).toBe('');
    expect(fold([workflowFinished('succeeded', {outputs: {count: 3}})]).text).toBe('');
    const streamed = fold([
      flow('text_chunk', {text: 'streamed'}),
      workflowFinished('succeeded', {outputs: {text: 'other'}}),
    ]);
    expect(streamed.text).toBe('streamed');
  });

  it('tolerates a [DONE] added by a proxy without treating it as the end', () => {
    const state = createAnswerState('dify');
    applyAnswerRecord(state, eventRecord(JSON.stringify(message('x')), runStart));
    applyAnswerRecord(state, eventRecord('[DONE]', runStart + 1));
    applyAnswerRecord(state, summaryRecord(runStart + 2));
    const run = answerSnapshot(state).current;
    expect(run.invalidJsonCount).toBe(0);
    expect(run.terminalEvents).toEqual([]);
    expect(run.status).toBe('incomplete');
  });
});

describe('Dify endings', () => {
  it('reads to the end: message_end and workflow_finished in either order give the same answer', () => {
    const newOrder = fold([message('A'), messageEnd, workflowFinished('succeeded')]);
    const oldOrder = fold([message('A'), workflowFinished('succeeded'), messageEnd]);
    expect(newOrder.terminalEvents).toEqual(['message_end', 'workflow_finished']);
    expect(oldOrder.terminalEvents).toEqual(['workflow_finished', 'message_end']);
    for (const run of [newOrder, oldOrder]) {
      expect(run.status).toBe('done');
      expect(run.text).toBe('A');
      expect(run.usage?.totalTokens).toBe(12);
    }
  });

  it('a failed workflow is an error even without an error event or message_end', () => {
    const failedNode = flow('node_finished', {
      node_id: 'n3',
      node_type: 'code',
      title: 'Parse',
      status: 'failed',
      error: 'KeyError: x',
    });
    const run = fold([message('partial'), failedNode, workflowFinished('failed', {error: null})]);
    expect(run.status).toBe('error');
    expect(run.error?.message).toBe('KeyError: x');
    expect(run.text).toBe('partial');
    expect(run.progress.failedNode).toMatchObject({title: 'Parse', status: 'failed'});
  });

  it('keeps the first error when the trailing error event follows the failed workflow', () => {
    const run = fold([
      workflowFinished('failed', {error: 'Node LLM run failed: timeout'}),
      chat('error', {
        code: 'invalid_param',
        status: 400,
        message: 'Run failed: Node LLM run failed: timeout',
      }),
    ]);
    expect(run.error).toEqual({
      code: undefined,
      status: undefined,
      message: 'Node LLM run failed: timeout',
    });
    expect(run.terminalEvents).toEqual(['workflow_finished', 'error']);
  });

  it('a stopped workflow is stopped, and the message_end after it adds usage', () => {
    const run = fold([message('Once'), workflowFinished('stopped'), messageEnd]);
    expect(run.status).toBe('stopped');
    expect(run.usage?.totalTokens).toBe(12);
  });

  it('an error event keeps the partial answer and shows code, status and message', () => {
    const run = fold([
      message('partial'),
      chat('error', {code: 'provider_quota_exceeded', status: 400, message: 'quota'}),
    ]);
    expect(run).toMatchObject({
      text: 'partial',
      status: 'error',
      statusReason: 'provider_quota_exceeded (400): quota',
    });
  });

  it('an object without event but with code and message is an error', () => {
    const run = fold([{code: 'invalid_param', message: 'query is required', status: 400}]);
    expect(run.error).toEqual({code: 'invalid_param', status: 400, message: 'query is required'});
  });

  it('flags a stream that ends with neither message_end nor workflow_finished', () => {
    const run = fold([flow('workflow_started', {id: 'run-1', inputs: {}}), message('cut')]);
    expect(run.status).toBe('incomplete');
    expect(run.statusReason).toBe('ended without a terminal event');
    expect(run.metrics.totalLatencyMs).toBe(9999);
  });

  it('a connection failure or a stop by ssedeck ends an unfinished answer', () => {
    const failure: StreamRecord = {
      type: 'error',
      status: 'failed',
      error: 'HTTP 401 Unauthorized',
      httpStatus: 401,
      stream: 'test',
      timestamp: runStart + 50,
      bytesReceived: 0,
    };
    const failed = fold([failure], summaryRecord(runStart + 60, 'failed', 'HTTP 401 Unauthorized'));
    expect(failed.status).toBe('error');
    expect(failed.error).toEqual({code: undefined, status: 401, message: 'HTTP 401 Unauthorized'});
    const stopped = fold(
      [message('half')],
      summaryRecord(runStart + 60, 'stopped', 'stopped by user'),
    );
    expect(stopped).toMatchObject({
      status: 'stopped',
      statusReason: 'stopped by user',
      text: 'half',
    });
  });
});

describe('Dify human input', () => {
  const required = flow('human_input_required', {
    form_id: 'f',
    node_id: 'approval',
    node_title: 'Approval',
    form_token: 'tok',
    inputs: [],
    actions: [],
  });
  const paused = flow('workflow_paused', {
    workflow_run_id: 'run-1',
    paused_nodes: ['approval'],
    outputs: {},
    reasons: [],
    status: 'paused',
    elapsed_time: 0.5,
  });

  it('human_input_required and workflow_paused pause the run', () => {
    const run = fold([message('draft'), required, paused]);
    expect(run).toMatchObject({status: 'paused', statusReason: 'paused: waiting for human input'});
    expect(run.progress.humanInput).toEqual({nodeTitle: 'Approval', formToken: 'tok'});
  });

  it('a filled form on the resumed stream continues the run', () => {
    const state = createAnswerState('dify');
    applyAnswerRecord(state, eventRecord(JSON.stringify(required), runStart));
    expect(answerSnapshot(state).current.status).toBe('paused');
    applyAnswerRecord(
      state,
      eventRecord(
        JSON.stringify(
          flow('human_input_form_filled', {node_id: 'approval', node_title: 'Approval'}),
        ),
        runStart + 1,
      ),
    );
    const run = answerSnapshot(state).current;
    expect(run.status).toBe('streaming');
    expect(run.progress.humanInput).toBeUndefined();
  });
});

describe('Dify progress and ids', () => {
  it('tracks nodes, retries, iterations and loops', () => {
    const node = (event: string, title: string, extra: Payload = {}) =>
      flow(event, {node_id: title, node_type: 'code', title, ...extra});
    const state = createAnswerState('dify');
    const step = (payload: Payload) => {
      applyAnswerRecord(state, eventRecord(JSON.stringify(payload), runStart));
      return answerSnapshot(state).current.progress;
    };
    expect(
      step(flow('workflow_started', {id: 'run-1', inputs: {'sys.query': 'q'}})).workflowStatus,
    ).toBe('running');
    expect(answerSnapshot(state).current.query).toBe('q');
    expect(step(node('node_started', 'A'))).toMatchObject({
      nodesStarted: 1,
      currentNode: {title: 'A', type: 'code'},
    });
    expect(step(node('node_retry', 'A', {retry_index: 1})).nodeRetries).toBe(1);
    expect(step(node('node_finished', 'A', {status: 'succeeded'})).nodesFinished).toBe(1);
    const iteration = {id: 'it', node_id: 'it', node_type: 'iteration', title: 'Each'};
    expect(
      step(flow('iteration_started', {...iteration, metadata: {iterator_length: 3}})).cycle,
    ).toEqual({kind: 'iteration', title: 'Each', index: undefined, length: 3});
    expect(step(flow('iteration_next', {...iteration, index: 1})).cycle).toEqual({
      kind: 'iteration',
      title: 'Each',
      index: 1,
      length: 3,
    });
    expect(
      step(flow('iteration_completed', {...iteration, status: 'succeeded'})).cycle,
    ).toBeUndefined();
    const loop = {id: 'lp', node_id: 'lp', node_type: 'loop', title: 'Again'};
    expect(step(flow('loop_started', loop)).cycle).toMatchObject({kind: 'loop', title: 'Again'});
    expect(step(flow('loop_next', {...loop, index: 2})).cycle).toMatchObject({
      kind: 'loop',
      index: 2,
    });
    expect(step(flow('loop_completed', loop)).cycle).toBeUndefined();
  });

  it('takes the message id from message_id or a message event id, never from a thought or file id', () => {
    const thought = {
      event: 'agent_thought',
      conversation_id: 'c',
      task_id: 't',
      id: 'thought-1',
      position: 1,
      thought: '',
      tool: 'search',
    };
    const run = fold([
      thought,
      {event: 'message_file', id: 'file-1', url: 'https://x'},
      {event: 'agent_message', id: 'msg-9', answer: 'x'},
    ]);
    expect(run.ids).toMatchObject({conversationId: 'c', taskId: 't', messageId: 'msg-9'});
    expect(run.progress).toMatchObject({agentThoughts: 1, agentTool: 'search'});
  });

  it('keeps the first id it saw', () => {
    const run = fold([
      message('a'),
      chat('message', {answer: 'b', conversation_id: 'other', task_id: 'other'}),
    ]);
    expect(run.ids).toMatchObject({conversationId: 'conv-1', taskId: 'task-1', messageId: 'msg-1'});
  });
});
