import {describe, expect, it} from 'vitest';
import type {DifyRun} from '../../../source/core/dify-run/index.js';
import type {StreamRecord} from '../../../source/core/records.js';
import {
  checksAt,
  currentRunOf,
  difyStore,
  fixtureRecords,
  ingestAll,
  isEvent,
  seeds,
  timeline,
  type StopAt,
} from './run-records.js';

/**
 * Every Dify run fixture (test/fixtures/dify-run, built from the documented
 * payloads of reference §3.3) folded through the real decoder and store,
 * whole and cut at seeded random points: the same timeline, header and
 * checks each time.
 */

type Case = {
  readonly file: string;
  readonly stopAt?: StopAt;
  readonly check: (run: DifyRun, endedAt: number) => void;
};

const cases: Case[] = [
  {
    file: 'chatflow-iteration-parallel.sse',
    check(run, endedAt) {
      expect(timeline(run)).toEqual([
        'Start succeeded',
        'Each city succeeded, steps 3',
        '  Summarize succeeded, iteration step 0',
        '  Summarize succeeded, iteration step 1',
        '  Summarize succeeded, iteration step 2',
        'Weather API succeeded, branch weather of iter (overlap)',
        'News API succeeded, branch news of iter (overlap)',
        'Digest news succeeded, branch news of iter (overlap)',
        'Answer succeeded',
      ]);
      expect(run.header).toMatchObject({
        appType: 'chatflow',
        workflowRunId: 'e8041804-0000-4000-8000-00000000000a',
        status: 'succeeded',
        elapsedSeconds: 2.7,
        totalTokens: 30,
        totalPrice: '0.00003',
        currency: 'USD',
        totalSteps: 10,
        serverTtftSeconds: 0.31,
      });
      expect(run.header.clientTtftMs).toBeGreaterThan(0);
      const summarize = run.nodes.filter((node) => node.nodeId === 'summ');
      expect(summarize.map((node) => node.tokens)).toEqual([10, 10, 10]);
      expect(summarize.map((node) => node.nesting?.containerNodeId)).toEqual([
        'iter',
        'iter',
        'iter',
      ]);
      expect(summarize[1]!.details?.outputs).toEqual({
        value: {text: 'city 1'},
        truncated: false,
        size: 17,
      });
      expect(run.terminalEvents).toEqual(['message_end', 'workflow_finished']);
      expect(checksAt(run, endedAt)).toEqual([]);
    },
  },
  {
    file: 'chatflow-failed-node.sse',
    check(run, endedAt) {
      expect(timeline(run)).toEqual(['Start succeeded', 'Fetch order failed, retries 1']);
      expect(run.nodes[1]).toMatchObject({
        retryIndex: 1,
        elapsedSeconds: 3.2,
        error: 'HTTP 503 from upstream',
      });
      expect(run.header.status).toBe('failed');
      expect(run.errorEvent).toBeUndefined();
      expect(checksAt(run, endedAt)).toEqual([
        {
          code: 'run-failed',
          severity: 'error',
          message:
            'run failed at node "Fetch order" (http-request): HTTP 503 from upstream (no error event)',
        },
      ]);
    },
  },
  {
    file: 'workflow-no-finish.sse',
    check(run, endedAt) {
      expect(timeline(run)).toEqual(['Start succeeded', 'Write running']);
      expect(run.header).toMatchObject({appType: 'workflow', status: 'incomplete'});
      // Left running by the stream: its time ends with the stream.
      expect(run.nodes[1]!.finishedAt).toBe(endedAt);
      expect(checksAt(run, endedAt)).toEqual([
        {
          code: 'no-terminal-event',
          severity: 'warn',
          message: 'stream ended without workflow_finished (workflow)',
        },
        {
          code: 'reattach-possible',
          severity: 'info',
          message:
            're-attach possible: GET /workflow/d20bbed0-0000-4000-8000-00000000000c/events (Dify 1.14+)',
        },
      ]);
    },
  },
  {
    file: 'chat-message-replace.sse',
    check(run, endedAt) {
      expect(run.header).toMatchObject({appType: 'chat', status: 'succeeded', totalTokens: 63});
      expect(run.replacements).toEqual([
        {
          event: 'message_replace',
          reason: 'output_moderation',
          previousText: 'The secret plan is ',
          text: "Sorry, I can't talk about that.",
          at: expect.any(Number) as number,
        },
      ]);
      expect(checksAt(run, endedAt)).toEqual([
        {
          code: 'answer-replaced',
          severity: 'warn',
          message:
            'answer replaced by message_replace (output_moderation); the replaced text (19 chars) is kept',
        },
      ]);
    },
  },
  {
    file: 'agent-two-tools.sse',
    check(run, endedAt) {
      expect(run.header).toMatchObject({
        appType: 'agent-chat',
        status: 'succeeded',
        totalPrice: '0.0004',
      });
      expect(run.nodes).toEqual([]);
      expect(
        run.agentSteps.map(({id, position, tool, toolInput, observation, message}) => ({
          id,
          position,
          tool,
          toolInput,
          observation,
          message,
        })),
      ).toEqual([
        {
          id: 't1',
          position: 1,
          tool: 'weather',
          toolInput: '{"weather": {"city": "Paris"}}',
          observation: '18 C, sunny',
          message: 'Let me check the weather.',
        },
        {
          id: 't2',
          position: 2,
          tool: 'news_search',
          toolInput: '{"news_search": {"query": "Paris"}}',
          observation: '3 headlines',
          message: 'And the news.',
        },
        {
          id: 't3',
          position: 3,
          tool: '',
          toolInput: '',
          observation: '',
          message: 'Paris: 18 C and sunny.',
        },
      ]);
      expect(checksAt(run, endedAt)).toEqual([]);
    },
  },
  {
    file: 'chatflow-stop-ignored.sse',
    stopAt: (record) => isEvent(record, 'node_started', 'llm'),
    check(run, endedAt) {
      expect(timeline(run)).toEqual(['Start succeeded', 'LLM succeeded', 'Answer succeeded']);
      // After the LLM node started: 2 messages, node_finished, node_started, node_finished, message_end, workflow_finished.
      expect(run.stop).toMatchObject({eventsAfter: 7, nodesAfter: 1, outcome: 'ignored'});
      const [check] = checksAt(run, endedAt);
      expect(check).toMatchObject({code: 'stop', severity: 'warn'});
      expect(check!.message).toMatch(
        /^stop did not stop the run: it finished succeeded \d+ ms later; still running after stop: 7 events, 1 node$/,
      );
    },
  },
  {
    file: 'chatflow-stop-stopped.sse',
    stopAt: (record) => isEvent(record, 'node_started', 'llm'),
    check(run, endedAt) {
      expect(timeline(run)).toEqual(['Start succeeded', 'LLM stopped']);
      expect(run.header.status).toBe('stopped');
      expect(run.stop).toMatchObject({eventsAfter: 2, nodesAfter: 0, outcome: 'stopped'});
      const stop = run.stop!;
      expect(checksAt(run, endedAt)).toEqual([
        {
          code: 'stop',
          severity: 'info',
          message: `stopped after ${stop.endedAt! - stop.requestedAt} ms`,
        },
      ]);
    },
  },
  {
    file: 'workflow-legacy-parallel.sse',
    check(run, endedAt) {
      expect(timeline(run)).toEqual([
        'Start succeeded',
        'A one succeeded, branch a1 of par-1 (event)',
        'A two succeeded, branch a1 of par-1 (event)',
        'B one succeeded, branch b1 of par-1 (event)',
        'End succeeded',
      ]);
      expect(run.header).toMatchObject({appType: 'workflow', status: 'succeeded', totalSteps: 5});
      expect(checksAt(run, endedAt)).toEqual([]);
    },
  },
];

function foldFixture(file: string, seed: number, stopAt?: StopAt): {run: DifyRun; endedAt: number} {
  const store = difyStore();
  const records: StreamRecord[] = fixtureRecords(file, seed);
  ingestAll(store, records, stopAt);
  return {run: currentRunOf(store), endedAt: records.at(-1)!.timestamp};
}

describe('Dify run fixtures', () => {
  for (const testCase of cases) {
    describe(testCase.file, () => {
      for (const seed of seeds) {
        it(
          seed === 0
            ? 'folds the whole file'
            : `folds the same cut at random points (seed ${seed})`,
          () => {
            const {run, endedAt} = foldFixture(testCase.file, seed, testCase.stopAt);
            expect(run.ended).toBe(true);
            testCase.check(run, endedAt);
          },
        );
      }
    });
  }

  describe('human input: a paused stream, then the resumed one', () => {
    for (const seed of seeds) {
      it(`pauses, shows the form, resumes in the same run and finishes (seed ${seed})`, () => {
        const store = difyStore();
        ingestAll(store, fixtureRecords('human-input-paused.sse', seed));
        let run = currentRunOf(store);
        expect(run.header.status).toBe('paused');
        expect(timeline(run)).toEqual(['Start succeeded', 'Approval paused']);
        expect(run.humanInput).toEqual({
          formToken: 'tok_abc123',
          formId: 'form-1',
          nodeId: 'approval_node',
          nodeTitle: 'Approval',
          formContent: 'Please review the draft.',
          inputs: [{type: 'paragraph', outputVariableName: 'comment', default: null}],
          actions: [
            {id: 'approve', title: 'Approve', buttonStyle: 'primary'},
            {id: 'reject', title: 'Reject', buttonStyle: 'default'},
          ],
          resolvedDefaultValues: {comment: ''},
          expirationTime: 1_705_494_029,
          state: 'pending',
          actionId: undefined,
          actionText: undefined,
        });
        // A paused run is no dropped stream: nothing to warn about.
        expect(checksAt(run, run.header.endedAt!)).toEqual([]);

        const resumed = fixtureRecords('human-input-resumed.sse', seed, 12, 60_000);
        ingestAll(store, resumed);
        run = currentRunOf(store);
        expect(run.runNumber).toBe(1);
        expect(run.resumes).toBe(1);
        expect(store.getSnapshot('test').difyRun?.history).toEqual([]);
        expect(timeline(run)).toEqual([
          'Start succeeded',
          'Approval succeeded',
          'Answer succeeded',
        ]);
        expect(run.humanInput).toMatchObject({
          state: 'filled',
          actionId: 'approve',
          actionText: 'Approve',
        });
        expect(run.header).toMatchObject({status: 'succeeded', totalSteps: 3, elapsedSeconds: 41});
        expect(run.terminalEvents).toEqual(['workflow_paused', 'message_end', 'workflow_finished']);
        expect(checksAt(run, resumed.at(-1)!.timestamp)).toEqual([]);
      });
    }
  });
});
