import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {makeStore, records, renderApp, T0} from './helpers.js';

afterEach(() => cleanup());

describe('counters after a restart', () => {
  it('count the latest run, as its summary does, and say which run', async () => {
    const store = makeStore(['s']);
    store.ingest(records.connecting('s'));
    for (let n = 1; n <= 3; n++) store.ingest(records.event('s', n, `a${n}`));
    store.ingest(records.summary('s', 'stopped', 'stopped'));
    store.ingest(records.connecting('s', 1, T0 + 6000));
    store.ingest(records.event('s', 1, 'b1', {at: T0 + 6100}));
    store.ingest(records.event('s', 2, 'b2', {at: T0 + 6200}));
    store.flush();
    const snapshot = store.getSnapshot('s');
    expect(snapshot.run).toBe(2);
    expect(snapshot.counters.events).toBe(2);
    const app = await renderApp(store, {size: {columns: 120, rows: 20}, now: T0 + 7000});
    expect(app.frame()).toContain('run 2: 2 ev');
    expect(app.frame()).not.toContain('5 ev');
  });

  it('shows no run label on the first run', async () => {
    const store = makeStore(['s']);
    store.ingest(records.connecting('s'));
    store.ingest(records.event('s', 1, 'a'));
    const app = await renderApp(store, {size: {columns: 120, rows: 20}});
    expect(app.frame()).toContain(' 1 ev ·');
    expect(app.frame()).not.toContain('run ');
  });
});
