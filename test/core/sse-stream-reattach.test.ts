import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
  createAnswerState,
  applyAnswerRecord,
  answerSnapshot,
} from '../../source/core/answer/index.js';
import {submitHumanInput} from '../../source/core/dify-human-input.js';
import type {StreamRecord} from '../../source/core/records.js';
import {HUMAN_INPUT_WAIT_REASON} from '../../source/core/sse-stream.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {errorsOf, eventsOf, makeStream, reconnectsOf, waitForRecord} from '../helpers/streams.js';

/**
 * Re-attaching to a Dify run (GET /workflow/{id}/events) against the demo
 * server's flows: after a drop with `resume: true`, after a human input
 * pause held for its form, and against a server without the endpoint.
 */
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({timeScale: 0.05});
});
afterAll(async () => {
  await demo.close();
});

const difyStream = (query: string, extra: Record<string, unknown> = {}) => ({
  url: `${demo.url}/v1/chat-messages`,
  method: 'POST',
  auth: {type: 'bearer' as const, token: 'app-ssedeck-demo'},
  body: {query, inputs: {}, response_mode: 'streaming', user: 'tester', conversation_id: ''},
  ...extra,
});

const names = (records: StreamRecord[]) =>
  eventsOf(records).map((record) => (JSON.parse(record.data) as {event: string}).event);

function answerOf(records: StreamRecord[]) {
  const state = createAnswerState('dify');
  for (const record of records) applyAnswerRecord(state, record);
  return answerSnapshot(state);
}

describe('re-attaching to a Dify run', () => {
  it('resume: true re-attaches after a drop and the same run finishes', async () => {
    const {stream, records} = makeStream(difyStream('drop the line', {resume: true}));
    const summary = await stream.start();
    expect(summary.status).toBe('completed');
    const [reconnect] = reconnectsOf(records);
    expect(reconnect?.reason).toContain('re-attaching to the Dify run');
    expect(names(records).slice(-2)).toEqual(['message_end', 'workflow_finished']);
    expect(names(records).filter((name) => name === 'workflow_started')).toHaveLength(1);
    // Every node that started also finished: nothing was lost at the drop.
    const count = (name: string) => names(records).filter((event) => event === name).length;
    expect(count('node_finished')).toBe(count('node_started'));
    const answer = answerOf(records);
    expect(answer.history).toHaveLength(0);
    expect(answer.current.status).toBe('done');
    expect(answer.current.text).toContain('Summaries:');
  });

  it('without resume, a dropped POST fails as before (not re-sent)', async () => {
    const {stream} = makeStream(difyStream('drop the line'));
    const summary = await stream.start();
    expect(summary.status).toBe('failed');
    expect(summary.reason).toContain('not re-sent');
  });

  it('holds a paused run until the form is submitted, then re-attaches and finishes', async () => {
    const {stream, records} = makeStream(difyStream('ask for approval'), {holdPausedRuns: true});
    const done = stream.start();
    await waitForRecord(
      stream,
      (record) =>
        record.type === 'status' &&
        record.state === 'waiting' &&
        record.reason === HUMAN_INPUT_WAIT_REASON,
    );
    expect(stream.running).toBe(true);
    // Held for a person, not retried: no reconnect, no error.
    expect(reconnectsOf(records)).toEqual([]);
    expect(errorsOf(records)).toEqual([]);
    const required = eventsOf(records)
      .map((record) => JSON.parse(record.data) as {event: string; data?: {form_token?: string}})
      .find((event) => event.event === 'human_input_required');
    const formToken = String(required?.data?.form_token);
    const result = await submitHumanInput(stream.resolved.spec, {
      formToken,
      inputs: {comment: 'looks good'},
      action: 'approve',
    });
    expect(result).toEqual({ok: true, message: 'form submitted (approve)'});
    expect(stream.reattach()).toBe(true);
    const summary = await done;
    expect(summary.status).toBe('completed');
    expect(summary.reconnects).toBe(0);
    const connecting = records.filter(
      (record) => record.type === 'status' && record.state === 'connecting',
    );
    expect(connecting.map((record) => 'reattach' in record && record.reattach)).toEqual([
      false,
      true,
    ]);
    expect(names(records)).toContain('human_input_form_filled');
    expect(names(records).at(-1)).toBe('workflow_finished');
    const answer = answerOf(records);
    expect(answer.history).toHaveLength(0);
    expect(answer.current.status).toBe('done');
    expect(answer.current.text).toContain('looks good');
  });

  it('a headless run ends at the pause (nobody can fill the form)', async () => {
    const {stream} = makeStream(difyStream('ask for approval'));
    const summary = await stream.start();
    expect(summary.status).toBe('completed');
    expect(stream.workflowRunId).toBeDefined();
  });

  it('a 404 from the events endpoint says re-attach needs Dify 1.14', async () => {
    const {stream, records} = makeStream(difyStream('legacy drop', {resume: true}));
    const summary = await stream.start();
    expect(summary.status).toBe('failed');
    expect(errorsOf(records).at(-1)?.error).toContain('re-attach needs Dify 1.14');
  });

  it('reattach() after the run ended starts a run whose first request is the re-attach', async () => {
    const {stream, records} = makeStream(difyStream('drop the line'));
    await stream.start();
    expect(answerOf(records).current.status).toBe('error');
    expect(stream.reattach()).toBe(true);
    await waitForRecord(stream, (record) => record.type === 'summary');
    expect(names(records).at(-1)).toBe('workflow_finished');
    // The re-attached events continue the same answer turn.
    const answer = answerOf(records);
    expect(answer.history).toHaveLength(0);
    expect(answer.current.status).toBe('done');
    expect(answer.current.error).toBeUndefined();
    expect(answer.current.text).toContain('Summaries:');
  });

  it('reattach() is false once the run finished (workflow_finished seen)', async () => {
    const {stream, records} = makeStream(difyStream('walk the branches'));
    const summary = await stream.start();
    expect(summary.status).toBe('completed');
    expect(names(records).at(-1)).toBe('workflow_finished');
    const count = records.length;
    expect(stream.reattach()).toBe(false);
    expect(stream.running).toBe(false);
    expect(records).toHaveLength(count);
  });

  it('reattach() is false for a stream that saw no Dify run', async () => {
    const {stream} = makeStream({url: `${demo.url}/ticker?interval=10`, maxEvents: 2});
    await stream.start();
    expect(stream.reattach()).toBe(false);
  });
});
