import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {fixtureRecords} from '../core/dify-run/run-records.js';
import {KEYS, makeStore, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

/** A store whose one Dify stream ("test") has folded the fixture. */
function storeWith(fixture: string) {
  const store = makeStore(['test'], 500, {test: 'dify'});
  for (const record of fixtureRecords(fixture, 7)) store.ingest(record);
  return store;
}

describe('the run view (f)', () => {
  it('shows the header, nested iteration steps and parallel branches', async () => {
    const app = await renderApp(storeWith('chatflow-iteration-parallel.sse'), {
      size: {columns: 120, rows: 30},
    });
    const frame = await app.press('f');
    const lines = rows(frame);
    expect(lines.find((line) => line.startsWith('SUCCEEDED chatflow'))).toBeDefined();
    const steps = lines.filter((line) => /^ {4}#\d /.test(line));
    expect(steps).toHaveLength(3);
    expect(lines.filter((line) => line.includes('‖ '))).toHaveLength(3);
    // f again: back to the events.
    const back = await app.press('f');
    expect(rows(back).some((line) => line.startsWith('SUCCEEDED'))).toBe(false);
  });

  it('draws ASCII marks in a non-UTF-8 locale', async () => {
    const app = await renderApp(storeWith('chatflow-iteration-parallel.sse'), {
      size: {columns: 120, rows: 30},
      ascii: true,
    });
    const frame = await app.press('f');
    expect(rows(frame).filter((line) => line.includes('|| '))).toHaveLength(3);
    expect(frame).not.toContain('‖');
  });

  it('fills a paused form field by field, then the action, and submits it', async () => {
    const app = await renderApp(storeWith('human-input-paused.sse'), {
      size: {columns: 100, rows: 30},
    });
    let frame = await app.press('f');
    expect(frame).toContain('Human input: Approval');
    expect(frame).toContain('Please review the draft.');
    expect(frame).toContain('actions: approve (Approve), reject (Reject)');
    frame = await app.press('i');
    expect(frame).toContain('comment›');
    await app.press('ship it');
    frame = await app.press(KEYS.enter);
    expect(frame).toContain('action (approve/reject)›');
    await app.press('maybe');
    frame = await app.press(KEYS.enter);
    expect(frame).toContain('pick one of: approve, reject');
    expect(app.controls.calls).toEqual([]);
    for (let index = 0; index < 5; index++) await app.press(KEYS.backspace);
    await app.press('approve');
    await app.press(KEYS.enter);
    expect(app.controls.calls).toEqual(['submit-form test: approve {"comment":"ship it"}']);
  });

  it('Esc cancels the form; u asks to re-attach', async () => {
    const app = await renderApp(storeWith('human-input-paused.sse'), {
      size: {columns: 100, rows: 30},
    });
    await app.press('f');
    await app.press('i');
    const frame = await app.press(KEYS.escape);
    expect(frame).not.toContain('comment›');
    await app.press('u');
    expect(app.controls.calls).toEqual(['reattach test']);
  });

  it('shows the checks as warnings and marks a pane not in the run view', async () => {
    const store = storeWith(
      'chatflow-no-finish.sse'.replace('chatflow-no-finish', 'workflow-no-finish'),
    );
    const app = await renderApp(store, {size: {columns: 120, rows: 30}});
    let frame = await app.settle();
    expect(frame).toMatch(/run: \d+ warnings? \(f\)/);
    frame = await app.press('f');
    expect(frame).toContain('⚑');
  });
});

describe('node details (zoomed run view, j/k + Enter)', () => {
  it('opens the selected node: pretty JSON with sizes; Esc goes back to the timeline', async () => {
    const app = await renderApp(storeWith('chatflow-iteration-parallel.sse'), {
      size: {columns: 100, rows: 40},
    });
    await app.press('f');
    await app.press(KEYS.enter);
    await app.press('g');
    let frame = await app.press(KEYS.enter);
    expect(frame).toContain('Esc back');
    expect(frame).toMatch(/(inputs|outputs) \(\d+(\.\d)? (B|KB)/);
    await app.press(KEYS.escape);
    frame = await app.settle();
    expect(frame).not.toMatch(/(inputs|outputs) \(\d/);
    expect(frame).toContain('Start start succeeded');
  });
});

describe('--ping-wait in the dashboard', () => {
  /** The failed-node run cut after "Fetch order" started, then only a ping. */
  function waitingStore(runCheckOptions?: {pingWaitMs: number}) {
    const store = createStreamStore({
      streams: [{name: 'test', answer: 'dify'}],
      notifyIntervalMs: 10_000,
      ...(runCheckOptions ? {runCheckOptions} : {}),
    });
    const records = fixtureRecords('chatflow-failed-node.sse', 0);
    const started = records.findIndex(
      (record) =>
        record.type === 'event' &&
        record.data.includes('"node_started"') &&
        record.data.includes('"Fetch order"'),
    );
    const kept = records.slice(0, started + 1);
    for (const record of kept) store.ingest(record);
    const last = kept.at(-1)!;
    store.ingest({
      stream: 'test',
      type: 'keepalive',
      kind: 'ping',
      timestamp: last.timestamp + 500,
      bytesReceived: last.bytesReceived,
    });
    return {store, now: last.timestamp + 5000};
  }

  it('warns about a node waited on with pings only once the threshold has passed', async () => {
    const quick = waitingStore({pingWaitMs: 2000});
    const app = await renderApp(quick.store, {size: {columns: 120, rows: 30}, now: quick.now});
    expect(await app.settle()).toContain('run: 1 warning (f)');
    expect(await app.press('f')).toMatch(/only pings for 5 ?s \(1 ping\) while waiting on node/);
    cleanup();

    // The default (30 s) has not passed after 5 s: no warning.
    const slow = waitingStore();
    const calm = await renderApp(slow.store, {size: {columns: 120, rows: 30}, now: slow.now});
    expect(await calm.settle()).not.toContain('warning');
  });
});
