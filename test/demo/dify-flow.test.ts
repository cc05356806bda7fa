import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {
  DIFY_KEY,
  eventOutline,
  joinAnswer,
  postChat,
  streamBody,
  type DifyEvent,
} from './dify-client.js';
import {jsonEvents, readSse} from './sse-reader.js';

const auth = {Authorization: `Bearer ${DIFY_KEY}`};

describe('demo Dify flows (branches, approval, stubborn, drop, legacy)', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({timeScale: 0.05});
  });
  afterAll(async () => {
    await server.close();
  });

  const events = async (response: Response): Promise<DifyEvent[]> =>
    jsonEvents(await readSse(response)) as DifyEvent[];
  const reattach = (runId: string, user = 'tester') =>
    fetch(`${server.url}/v1/workflow/${runId}/events?user=${encodeURIComponent(user)}`, {
      headers: auth,
    });
  const runIdOf = (list: readonly DifyEvent[]) =>
    String(list.find((event) => event.workflow_run_id !== undefined)?.workflow_run_id);

  it('"branches": an iteration of 3 steps, two overlapping branches, then the answer', async () => {
    const list = await events(await postChat(server.url, streamBody('show me the branches')));
    const outline = eventOutline(list);
    expect(outline.slice(0, 4)).toEqual([
      'workflow_started',
      'node_started',
      'node_finished',
      'iteration_started',
    ]);
    expect(outline.filter((name) => name === 'iteration_next')).toHaveLength(3);
    const inIteration = list.filter(
      (event) => event.event === 'node_started' && event.data?.['iteration_id'] === 'topics',
    );
    expect(inIteration).toHaveLength(3);
    const completed = list.find((event) => event.event === 'iteration_completed');
    expect(completed?.data?.['steps']).toBe(3);
    // Parallel: both branch nodes start before either finishes.
    const branch = list
      .filter((event) => ['search_docs', 'fetch_status'].includes(String(event.data?.['node_id'])))
      .map((event) => `${event.event}:${String(event.data?.['node_id'])}`);
    expect(branch).toEqual([
      'node_started:search_docs',
      'node_started:fetch_status',
      'node_finished:fetch_status',
      'node_finished:search_docs',
    ]);
    expect(outline.slice(-2)).toEqual(['message_end', 'workflow_finished']);
    expect(list.at(-1)?.data?.['status']).toBe('succeeded');
    expect(joinAnswer(list)).toContain('Summaries:');
    // A finished run re-attached sends only its workflow_finished.
    const again = await events(await reattach(runIdOf(list)));
    expect(again.map((event) => event.event)).toEqual(['workflow_finished']);
  });

  it('"approval": pauses on a form, which is filled over HTTP, and the run resumes on re-attach', async () => {
    const first = await events(await postChat(server.url, streamBody('ask for approval')));
    expect(eventOutline(first).slice(-2)).toEqual(['human_input_required', 'workflow_paused']);
    const required = first.at(-2)!;
    const token = String(required.data?.['form_token']);
    const runId = runIdOf(first);
    expect(required.data?.['actions']).toHaveLength(2);

    const form = await fetch(`${server.url}/v1/form/human_input/${token}`, {headers: auth});
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({form_content: expect.stringContaining('review')});

    // Re-attaching while paused repeats the pause.
    const paused = await events(await reattach(runId));
    expect(paused.map((event) => event.event)).toEqual(['human_input_required', 'workflow_paused']);

    const submit = (body: Record<string, unknown>) =>
      fetch(`${server.url}/v1/form/human_input/${token}`, {
        method: 'POST',
        headers: {...auth, 'Content-Type': 'application/json'},
        body: JSON.stringify(body),
      });
    expect((await submit({inputs: {}, action: 'maybe', user: 'tester'})).status).toBe(400);
    expect((await submit({inputs: {}, action: 'approve', user: 'other'})).status).toBe(404);
    const ok = await submit({inputs: {comment: 'ship it'}, action: 'approve', user: 'tester'});
    expect(await ok.json()).toEqual({result: 'success'});
    expect((await submit({inputs: {}, action: 'approve', user: 'tester'})).status).toBe(404);

    expect((await reattach(runId, 'other')).status).toBe(404);
    const rest = await events(await reattach(runId));
    const outline = eventOutline(rest);
    expect(outline[0]).toBe('human_input_form_filled');
    expect(rest[0]?.data).toMatchObject({
      action_id: 'approve',
      submitted_data: {comment: 'ship it'},
    });
    expect(outline.slice(-2)).toEqual(['message_end', 'workflow_finished']);
    expect(joinAnswer(rest)).toContain('ship it');
    expect(rest.every((event) => event.message_id === first[0]?.message_id)).toBe(true);
  });

  it('"stubborn": stop answers success but the run goes on and succeeds', async () => {
    const response = await postChat(server.url, streamBody('stubborn run'));
    let stopped = false;
    const read = await readSse(response, {
      onBlock: async (block) => {
        if (stopped || block.data === undefined) return;
        const event = JSON.parse(block.data) as DifyEvent;
        if (event.event !== 'node_finished') return;
        stopped = true;
        const answer = await fetch(`${server.url}/v1/chat-messages/${String(event.task_id)}/stop`, {
          method: 'POST',
          headers: {...auth, 'Content-Type': 'application/json'},
          body: JSON.stringify({user: 'tester'}),
        });
        expect(await answer.json()).toEqual({result: 'success'});
      },
    });
    const list = jsonEvents(read) as DifyEvent[];
    expect(stopped).toBe(true);
    expect(list.filter((event) => event.event === 'node_finished').length).toBeGreaterThan(4);
    expect(list.at(-1)?.data?.['status']).toBe('succeeded');
  });

  it('"drop": the connection is cut mid-run and a re-attach gets the rest', async () => {
    const read = await readSse(await postChat(server.url, streamBody('drop the line')));
    expect(read.error).toBeDefined();
    const first = jsonEvents(read) as DifyEvent[];
    expect(first.length).toBeGreaterThan(2);
    expect(first.some((event) => event.event === 'workflow_finished')).toBe(false);
    const rest = await events(await reattach(runIdOf(first)));
    const all = [...first, ...rest];
    // Nothing is sent twice: every node execution starts once.
    const starts = all
      .filter((event) => event.event === 'node_started')
      .map((event) => String(event.data?.['id']));
    expect(new Set(starts).size).toBe(starts.length);
    expect(starts.length).toBe(8);
    expect(eventOutline(all).slice(-2)).toEqual(['message_end', 'workflow_finished']);
  });

  it('"legacy": the events endpoint answers 404 like Dify before 1.14', async () => {
    const read = await readSse(await postChat(server.url, streamBody('legacy drop')));
    const first = jsonEvents(read) as DifyEvent[];
    const response = await reattach(runIdOf(first));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({code: 'not_found'});
  });

  it("an unknown run or form is 404 in Dify's envelope", async () => {
    expect((await reattach('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const form = await fetch(`${server.url}/v1/form/human_input/tok_nothing`, {headers: auth});
    expect(await form.json()).toMatchObject({code: 'not_found', status: 404});
  });
});
