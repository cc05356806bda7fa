import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {submitHumanInput} from '../../source/core/dify-human-input.js';
import type {StreamRecord} from '../../source/core/records.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {badgeText} from '../../source/ui/badge.js';
import {eventsOf, makeStream, waitForRecord} from '../helpers/streams.js';
import {controlsFor} from '../helpers/controls.js';

/**
 * A Dify run paused for human input, as the dashboard holds it: the pane
 * waits for the form (no reconnect, no "retried"), and `u` refuses a run
 * that already finished. Real engine, real demo server.
 */
let demo: DemoServer;
let dir: string;
beforeAll(async () => {
  demo = await startDemoServer({timeScale: 0.05});
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-pause-'));
});
afterAll(async () => {
  await demo.close();
  await rm(dir, {recursive: true, force: true});
});

const difyStream = (query: string) => ({
  url: `${demo.url}/v1/chat-messages`,
  method: 'POST',
  auth: {type: 'bearer' as const, token: 'app-ssedeck-demo'},
  body: {query, inputs: {}, response_mode: 'streaming', user: 'tester', conversation_id: ''},
});

function dashboardOf(query: string) {
  const {stream, records} = makeStream(difyStream(query), {holdPausedRuns: true});
  const store = createStreamStore({streams: [{name: 'test', answer: 'dify'}]});
  const {runs, controls} = controlsFor([stream], store, {exportDir: dir});
  return {stream, records, store, runs, controls};
}

const formTokenOf = (records: StreamRecord[]) =>
  eventsOf(records)
    .map((record) => JSON.parse(record.data) as {event: string; data?: {form_token?: string}})
    .find((event) => event.event === 'human_input_required')?.data?.form_token;

describe('a Dify run held at a human input pause', () => {
  it('waits for the form: WAITING, no reconnect counted, no retry wording', async () => {
    const {stream, records, store, runs} = dashboardOf('ask for approval');
    runs.start(stream);
    await waitForRecord(stream, (record) => record.type === 'status' && record.state === 'waiting');
    store.flush();
    const paused = store.getSnapshot('test');
    expect(paused.connection.kind).toBe('waiting');
    expect(badgeText(paused.connection, Date.now())).toBe('WAITING (human input)');
    expect(paused.counters.reconnects).toBe(0);
    expect(paused.counters.errors).toBe(0);
    expect(store.getOverviewSnapshot()).toMatchObject({retrying: 0, reconnects: 0});
    const lines = paused.entries.filter((entry) => entry.kind === 'notice').map((e) => e.line);
    expect(lines.at(-1)).toBe(
      'waiting: paused for human input: fill the form, then ssedeck re-attaches',
    );
    expect(lines.join('\n')).not.toMatch(/retried|reconnecting|retry/);

    // The export (e) tells the same: a waiting status, no reconnecting one.
    const path = join(dir, 'paused.ndjson');
    await store.exportEvents('test', path);
    const wire = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {type: string; state?: string; reason?: string});
    expect(wire.filter((record) => record.type === 'status').map((r) => r.state)).toEqual([
      'open',
      'waiting',
    ]);

    const result = await submitHumanInput(stream.resolved.spec, {
      formToken: String(formTokenOf(records)),
      inputs: {comment: 'fine'},
      action: 'approve',
    });
    expect(result.ok).toBe(true);
    expect(stream.reattach()).toBe(true);
    await waitForRecord(stream, (record) => record.type === 'summary');
    store.flush();
    const done = store.getSnapshot('test');
    expect(done.counters.reconnects).toBe(0);
    const after = done.entries.filter((entry) => entry.kind === 'notice').map((e) => e.line);
    expect(after).toContain('re-attaching to the Dify run (GET /workflow/{id}/events)');
    expect(after.some((line) => line.startsWith('re-attached (attempt 2): HTTP 200'))).toBe(true);
    expect(after.join('\n')).not.toMatch(/reconnected/);
    expect(after.join('\n')).not.toMatch(/retried/);
    expect(store.getAnswerSnapshot('test')?.history).toHaveLength(0);
    expect(store.getRunSnapshot('test')?.current.header.status).toBe('succeeded');
  });

  it('u on a run that already finished says so and re-attaches nothing', async () => {
    const {stream, records, store, runs, controls} = dashboardOf('walk the branches');
    runs.start(stream);
    expect(await runs.ended(stream, 5000)).toBe(true);
    store.flush();
    const count = records.length;
    expect(controls.reattach('test')).toEqual({
      ok: false,
      message: 'test: run already finished; nothing to re-attach',
    });
    store.flush();
    expect(stream.running).toBe(false);
    expect(records).toHaveLength(count);
    expect(store.getRunSnapshot('test')?.history).toHaveLength(0);
    expect(store.getAnswerSnapshot('test')?.history).toHaveLength(0);
  });
});
