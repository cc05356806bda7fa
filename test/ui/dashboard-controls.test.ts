import {describe, expect, it} from 'vitest';
import type {RecordListener, StreamRecord, SummaryRecord} from '../../source/core/records.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import type {StreamController} from '../../source/core/stream-controller.js';
import {
  parseStreamSpec,
  resolveStreamSpec,
  type ResolvedStreamSpec,
  type StreamSpec,
} from '../../source/core/stream-spec.js';
import {CONVERSATION, dify, difyRun} from './answer-fixtures.js';
import {records, T0} from './fixtures.js';
import {controlsFor} from '../helpers/controls.js';

type FakeDify = StreamController & {
  starts: (StreamSpec | undefined)[];
  emit(record: StreamRecord): void;
  /** Ends the running run with a summary. */
  finish(status: SummaryRecord['status']): void;
};

function fakeDify(name: string, url: string, options: {stopHangs?: boolean} = {}): FakeDify {
  const listeners = new Set<RecordListener>();
  let resolved: ResolvedStreamSpec = resolveStreamSpec(
    parseStreamSpec({
      name,
      url,
      method: 'POST',
      auth: {type: 'bearer', token: 'app-key'},
      body: {query: 'first', inputs: {x: 1}, user: 'alice', conversation_id: ''},
    }),
  );
  let done: ((summary: SummaryRecord) => void) | undefined;
  let running = false;
  const stream: FakeDify = {
    name,
    get resolved() {
      return resolved;
    },
    get running() {
      return running;
    },
    starts: [],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start(spec) {
      stream.starts.push(spec);
      if (spec) resolved = resolveStreamSpec({...spec, name});
      running = true;
      return new Promise<SummaryRecord>((resolve) => (done = resolve));
    },
    stop() {
      if (!options.stopHangs) stream.finish('stopped');
    },
    reconnect() {},
    emit: (record) => listeners.forEach((listener) => listener(record)),
    finish(status) {
      running = false;
      const summary = records.summary(name, status, status);
      stream.emit(summary);
      done?.(summary);
    },
  };
  return stream;
}

function setup(stream: FakeDify, stopWaitMs = 1000) {
  const store = createStreamStore({notifyIntervalMs: 10_000, now: () => T0});
  const stops: {spec: StreamSpec; taskId: string}[] = [];
  const {runs, controls} = controlsFor([stream], store, {
    stopWaitMs,
    stopTask: async (spec, taskId) => {
      stops.push({spec, taskId});
      return {ok: true, message: `stop requested for task ${taskId}`};
    },
  });
  return {store, runs, controls, stops};
}

const CHAT_URL = 'http://127.0.0.1/v1/chat-messages';

describe('dashboard controls for Dify', () => {
  it('re-attach needs a stream that can: it says so instead', () => {
    const stream = fakeDify('chat', CHAT_URL);
    const {controls} = setup(stream);
    expect(controls.reattach('chat')).toEqual({
      ok: false,
      message: 'chat: cannot re-attach (not a Dify stream)',
    });
  });

  it('sends a follow-up in the same conversation, the rest of the body as before', async () => {
    const stream = fakeDify('chat', CHAT_URL);
    const {store, runs, controls} = setup(stream);
    runs.start(stream);
    for (const record of difyRun('chat', ['Hi'])) stream.emit(record);
    stream.finish('completed');
    const result = await controls.askFollowUp('chat', 'and then?');
    expect(result).toEqual({ok: true, message: 'asked chat in the same conversation'});
    const spec = stream.starts.at(-1);
    expect(spec?.body).toEqual({
      query: 'and then?',
      inputs: {x: 1},
      user: 'alice',
      conversation_id: CONVERSATION,
      response_mode: 'streaming',
    });
    // The new run records its question.
    stream.emit(records.connecting('chat', 1, T0 + 9000));
    store.flush();
    expect(store.getAnswerSnapshot('chat')?.current.query).toBe('and then?');
    expect(store.getAnswerSnapshot('chat')?.history.map((run) => run.text)).toEqual(['Hi']);
  });

  it('stops a run still going and waits for its summary before sending', async () => {
    const stream = fakeDify('chat', CHAT_URL);
    const {controls, runs} = setup(stream);
    runs.start(stream);
    stream.emit(records.connecting('chat'));
    stream.emit(dify.message('chat', 1, 'still talking'));
    expect(stream.running).toBe(true);
    const result = await controls.askFollowUp('chat', 'stop and answer this');
    expect(result.ok).toBe(true);
    expect(stream.starts).toHaveLength(2);
    expect((stream.starts[1]?.body as Record<string, unknown>)['query']).toBe(
      'stop and answer this',
    );
  });

  it('asks Dify to stop the abandoned task before sending a follow-up', async () => {
    const stream = fakeDify('chat', CHAT_URL);
    const {controls, runs, store, stops} = setup(stream);
    runs.start(stream);
    stream.emit(records.connecting('chat'));
    stream.emit(dify.message('chat', 1, 'still talking'));
    store.flush();
    const taskId = store.getAnswerSnapshot('chat')?.current.ids.taskId;
    expect(taskId).toEqual(expect.any(String));
    expect((await controls.askFollowUp('chat', 'next')).ok).toBe(true);
    expect(stops.map((stop) => stop.taskId)).toEqual([taskId]);
  });

  it('does not send when the running request will not stop', async () => {
    const stream = fakeDify('chat', CHAT_URL, {stopHangs: true});
    const {controls, runs} = setup(stream, 50);
    runs.start(stream);
    const result = await controls.askFollowUp('chat', 'hello?');
    expect(result).toEqual({
      ok: false,
      message: 'chat: the running request did not stop; not sent',
    });
    expect(stream.starts).toHaveLength(1);
  });

  it('refuses follow-ups on workflows and on streams without an answer preset', async () => {
    const workflow = fakeDify('flow', 'http://127.0.0.1/v1/workflows/run');
    expect((await setup(workflow).controls.askFollowUp('flow', 'q')).ok).toBe(false);
    const other = fakeDify('other', 'http://127.0.0.1/stream');
    const result = await setup(other).controls.askFollowUp('other', 'q');
    expect(result).toEqual({ok: false, message: 'other has no answer preset'});
    expect(workflow.starts).toEqual([]);
    expect(other.starts).toEqual([]);
  });

  it('x stops the running task with the stream spec, only while a task runs', async () => {
    const stream = fakeDify('chat', CHAT_URL);
    const {store, controls, runs, stops} = setup(stream);
    expect((await controls.stopAnswer('chat')).message).toBe('chat: no running answer to stop');
    runs.start(stream);
    stream.emit(records.connecting('chat'));
    stream.emit(records.open('chat'));
    store.flush();
    expect((await controls.stopAnswer('chat')).message).toBe(
      'chat: no task id yet; try again in a moment',
    );
    stream.emit(dify.message('chat', 1, 'Long', {task: 'task-9'}));
    store.flush();
    const result = await controls.stopAnswer('chat');
    expect(result).toEqual({ok: true, message: 'chat: stop requested for task task-9'});
    expect(stops).toHaveLength(1);
    expect(stops[0]?.taskId).toBe('task-9');
    expect(stops[0]?.spec.url).toBe(CHAT_URL);
    // The stream was not stopped locally: it reads on to its end.
    expect(stream.running).toBe(true);
  });
});
