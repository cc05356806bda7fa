import {afterEach, describe, expect, it, vi} from 'vitest';
import {
  applyDifyRunRecord,
  createDifyRunState,
  currentRun,
  runChecks,
} from '../../../source/core/dify-run/index.js';
import type {KeepAliveRecord, StreamRecord} from '../../../source/core/records.js';
import {createStreamStore} from '../../../source/core/store/stream-store.js';
import {connectingRecord, eventRecord, summaryRecord} from '../answer/sse-records.js';
import {difyStore, fixtureRecords, ingestAll} from './run-records.js';

const runId = 'd20bbed0-0000-4000-8000-00000000000c';

function ping(timestamp: number): KeepAliveRecord {
  return {type: 'keepalive', kind: 'ping', stream: 'test', timestamp, bytesReceived: 0};
}

function workflowEvent(event: string, data: Record<string, unknown>, at: number): StreamRecord {
  return eventRecord(JSON.stringify({event, workflow_run_id: runId, task_id: 't1', data}), at);
}

function nodeStarted(id: string, nodeId: string, title: string, at: number): StreamRecord {
  return workflowEvent(
    'node_started',
    {id, node_id: nodeId, node_type: 'llm', title, index: 1, predecessor_node_id: null},
    at,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the store and the Dify run', () => {
  it('has no run for streams that are not Dify', () => {
    const store = createStreamStore({streams: [{name: 'test', answer: 'openai'}, {name: 'plain'}]});
    store.ingest(connectingRecord(1));
    store.flush();
    expect(store.getSnapshot('test').difyRun).toBeUndefined();
    expect(store.getRunSnapshot('test')).toBeUndefined();
    expect(store.getSnapshot('plain').difyRun).toBeUndefined();
    store.markStopRequested('test', 5);
    store.setReattachOutcome('test', {kind: 'attached', at: 5});
    expect(store.getRunSnapshot('test')).toBeUndefined();
  });

  it('publishes a new run snapshot only when the run changed, and holds it while paused', () => {
    const store = difyStore();
    store.ingest(connectingRecord(1000));
    store.ingest(nodeStarted('e1', 'llm', 'LLM', 1100));
    store.flush();
    const first = store.getSnapshot('test').difyRun;
    expect(first?.current.nodes.map((node) => node.title)).toEqual(['LLM']);
    expect(store.getRunSnapshot('test')).toBe(first);
    // A message chunk of a chatflow changes nothing the run view shows.
    store.ingest(eventRecord(JSON.stringify({event: 'text_chunk', data: {text: ''}}), 1150));
    store.flush();
    expect(store.getSnapshot('test').difyRun).toBe(first);

    store.setPaused('test', true);
    store.ingest(nodeStarted('e2', 'tool', 'Tool', 1200));
    store.flush();
    expect(store.getSnapshot('test').difyRun).toBe(first);
    store.setPaused('test', false);
    store.flush();
    expect(store.getSnapshot('test').difyRun?.current.nodes.map((node) => node.title)).toEqual([
      'LLM',
      'Tool',
    ]);
  });

  it('parses each event once for the answer fold and the run fold', () => {
    const store = difyStore();
    store.ingest(connectingRecord(1000));
    const parse = vi.spyOn(JSON, 'parse');
    store.ingest(nodeStarted('e1', 'llm', 'LLM', 1100));
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('starts a new run on a re-run and keeps the earlier one in history', () => {
    const store = difyStore();
    ingestAll(store, fixtureRecords('chatflow-failed-node.sse', 0));
    ingestAll(store, fixtureRecords('chat-message-replace.sse', 0, 12, 10_000));
    const snapshot = store.getRunSnapshot('test')!;
    expect(snapshot.current.runNumber).toBe(2);
    expect(snapshot.current.header.appType).toBe('chat');
    expect(snapshot.current.nodes).toEqual([]);
    expect(snapshot.history.map((run) => run.header.status)).toEqual(['failed']);
    // History keeps sizes, not the values of node details.
    expect(snapshot.history[0]!.nodes.every((node) => node.details?.dropped !== false)).toBe(true);
    store.clear('test');
    store.flush();
    expect(store.getRunSnapshot('test')!.history).toEqual([]);
  });

  it('records a re-attach outcome: the check says what happened', () => {
    const store = difyStore();
    const records = fixtureRecords('workflow-no-finish.sse', 0);
    ingestAll(store, records);
    const end = records.at(-1)!.timestamp;
    expect(
      runChecks(store.getRunSnapshot('test')!.current, end).map((check) => check.code),
    ).toEqual(['no-terminal-event', 'reattach-possible']);
    store.setReattachOutcome('test', {
      kind: 'unsupported',
      at: end + 1,
      message: 're-attach needs Dify 1.14 (the server answered 404)',
    });
    store.flush();
    expect(runChecks(store.getRunSnapshot('test')!.current, end).at(-1)).toEqual({
      code: 'reattach-unsupported',
      severity: 'warn',
      message: 're-attach needs Dify 1.14 (the server answered 404)',
    });
    store.setReattachOutcome('test', {kind: 'attached', at: end + 2});
    store.flush();
    expect(
      runChecks(store.getRunSnapshot('test')!.current, end).map((check) => check.code),
    ).toEqual(['no-terminal-event']);
  });

  it('a failed re-attach stream leaves the dropped run as it was', () => {
    const store = difyStore();
    ingestAll(store, fixtureRecords('workflow-no-finish.sse', 0));
    const before = store.getRunSnapshot('test');
    store.ingest(connectingRecord(50_000));
    store.ingest({
      type: 'error',
      status: 'failed',
      error: 'HTTP 404',
      httpStatus: 404,
      stream: 'test',
      timestamp: 50_010,
      bytesReceived: 0,
    });
    store.ingest(summaryRecord(50_020, 'failed', 'HTTP 404'));
    store.flush();
    expect(store.getRunSnapshot('test')).toBe(before);
  });
});

describe('the ping-wait check', () => {
  const fold = () => {
    const state = createDifyRunState();
    applyDifyRunRecord(state, connectingRecord(0));
    applyDifyRunRecord(state, workflowEvent('workflow_started', {id: runId}, 100));
    applyDifyRunRecord(state, nodeStarted('e1', 'llm', 'Slow LLM', 200));
    return state;
  };

  it('names the node the run waits on once only pings came for longer than the threshold', () => {
    const state = fold();
    expect(runChecks(currentRun(state), 60_000)).toEqual([]);
    applyDifyRunRecord(state, ping(10_200));
    applyDifyRunRecord(state, ping(20_200));
    expect(runChecks(currentRun(state), 30_100)).toEqual([]);
    expect(runChecks(currentRun(state), 30_200)).toEqual([
      {
        code: 'ping-wait',
        severity: 'warn',
        message: 'only pings for 30 s (2 pings) while waiting on node "Slow LLM" (llm)',
      },
    ]);
    // An event ends the wait.
    applyDifyRunRecord(
      state,
      workflowEvent('node_finished', {id: 'e1', node_id: 'llm', status: 'succeeded'}, 30_300),
    );
    expect(runChecks(currentRun(state), 90_000)).toEqual([]);
  });

  it('takes its threshold from the caller, clamped', () => {
    const state = fold();
    applyDifyRunRecord(state, ping(1_200));
    expect(
      runChecks(currentRun(state), 5_200, {pingWaitMs: 5_000}).map((check) => check.code),
    ).toEqual(['ping-wait']);
    expect(runChecks(currentRun(state), 1_200, {pingWaitMs: 0}).map((check) => check.code)).toEqual(
      ['ping-wait'],
    );
    expect(runChecks(currentRun(state), 1_000, {pingWaitMs: 0})).toEqual([]);
    expect(runChecks(currentRun(state), 3_000_000, {pingWaitMs: Number.POSITIVE_INFINITY})).toEqual(
      [],
    );
  });
});

describe('stop tracking', () => {
  it('counts what still arrives after stop until the run ends', () => {
    const state = createDifyRunState();
    applyDifyRunRecord(state, connectingRecord(0));
    applyDifyRunRecord(state, workflowEvent('workflow_started', {id: runId}, 100));
    expect(runChecks(currentRun(state), 100)).toEqual([]);
    const store = difyStore();
    store.ingest(connectingRecord(0));
    store.ingest(workflowEvent('workflow_started', {id: runId}, 100));
    store.markStopRequested('test', 150);
    store.flush();
    expect(runChecks(store.getRunSnapshot('test')!.current, 160)).toEqual([
      {code: 'stop', severity: 'info', message: 'stop requested; waiting for the run to end'},
    ]);
    store.ingest(nodeStarted('e1', 'llm', 'LLM', 200));
    store.ingest(nodeStarted('e2', 'tool', 'Tool', 300));
    store.flush();
    expect(runChecks(store.getRunSnapshot('test')!.current, 400)).toEqual([
      {code: 'stop', severity: 'warn', message: 'still running after stop: 2 events, 2 nodes'},
    ]);
    // The stream ends with no terminal event: the stop counts as done then.
    store.ingest(summaryRecord(900));
    store.flush();
    const run = store.getRunSnapshot('test')!.current;
    expect(run.stop).toMatchObject({outcome: 'stopped', endedAt: 900});
    expect(runChecks(run, 900).find((check) => check.code === 'stop')).toEqual({
      code: 'stop',
      severity: 'warn',
      message: 'stopped after 750 ms, still running after stop: 2 events, 2 nodes',
    });
  });
});

describe('node details', () => {
  it('keeps the values of the newest nodes within the budget, sizes and flags of all', () => {
    const state = createDifyRunState({detailBudget: 100});
    applyDifyRunRecord(state, connectingRecord(0));
    const output = {text: 'x'.repeat(30)}; // {"text":"xxx…"} is 41 units
    for (let index = 1; index <= 4; index++) {
      applyDifyRunRecord(
        state,
        nodeStarted(`e${index}`, `n${index}`, `Node ${index}`, index * 100),
      );
      applyDifyRunRecord(
        state,
        workflowEvent(
          'node_finished',
          {
            id: `e${index}`,
            node_id: `n${index}`,
            status: 'succeeded',
            outputs: output,
            outputs_truncated: index === 1,
          },
          index * 100 + 50,
        ),
      );
    }
    const details = currentRun(state).nodes.map((node) => node.details);
    expect(details.map((detail) => detail?.dropped)).toEqual([true, true, false, false]);
    expect(details.map((detail) => detail?.outputs?.size)).toEqual([41, 41, 41, 41]);
    expect(details[0]?.outputs).toEqual({value: undefined, truncated: true, size: 41});
    expect(details[3]?.outputs?.value).toEqual(output);
  });
});
