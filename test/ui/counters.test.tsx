import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {makeStore, records, renderApp, rows, T0} from './helpers.js';

afterEach(() => cleanup());

describe('counters', () => {
  it('shows events, events/s, bytes, reconnects, time since the last event, last id and time to first event', async () => {
    const store = makeStore(['s']);
    store.ingest(records.connecting('s', 1, T0));
    store.ingest(records.open('s', T0 + 20));
    store.ingest(records.event('s', 1, 'a', {at: T0 + 100, id: 'evt-1', bytes: 1000}));
    store.ingest(records.event('s', 2, 'b', {at: T0 + 200, id: 'evt-2', bytes: 1500}));
    store.ingest(records.reconnecting('s', {at: T0 + 250}));
    store.ingest(records.connecting('s', 2, T0 + 260));
    store.ingest(records.open('s', T0 + 280, 2));
    store.ingest(records.event('s', 3, 'c', {at: T0 + 300, id: 'evt-3', bytes: 2048}));
    const app = await renderApp(store, {size: {columns: 120, rows: 10}, now: T0 + 2000});
    // The sparkline of events/s ends the row: one second old, one full bar.
    expect(rows(app.frame())[1]?.trim()).toBe(
      '3 ev · 3.0/s · 2.0 KB · 1 reconn · last 1.7s ago · id evt-3 · first 100ms · █',
    );
  });

  it('takes a second row in a pane too narrow for one', async () => {
    const store = makeStore(['s', 'other']);
    store.ingest(records.connecting('s', 1, T0));
    store.ingest(records.event('s', 1, 'a', {at: T0 + 100, id: 'evt-1', bytes: 1000}));
    const app = await renderApp(store, {size: {columns: 100, rows: 20}, now: T0 + 2000});
    const lines = rows(app.frame());
    expect(lines[1]?.slice(0, 49).trimEnd()).toBe('  1 ev · 1.0/s · 1000 B · 0 reconn');
    expect(lines[2]?.slice(0, 49).trimEnd()).toBe('  last 1.9s ago · id evt-1 · first 100ms');
    const short = await renderApp(store, {size: {columns: 100, rows: 7}, now: T0 + 2000});
    expect(rows(short.frame())[2]).not.toContain('first 100ms');
  });

  it('grows as records arrive and shows totals in the footer', async () => {
    const store = makeStore(['a', 'b']);
    store.ingest(records.open('a'));
    store.ingest(records.open('b'));
    const app = await renderApp(store, {size: {columns: 120, rows: 12}});
    expect(app.frame()).toMatch(/2 streams · 2 open · 0 ev · 0 B · 0 reconn/);
    for (let n = 1; n <= 12; n++)
      store.ingest(records.event(n % 2 ? 'a' : 'b', n, 'x', {bytes: n * 100}));
    const frame = await app.settle();
    expect(rows(frame)[1]).toMatch(/^ {2}6 ev · /);
    expect(frame).toMatch(/2 streams · 2 open · 12 ev · 2\.2 KB · 0 reconn/);
  });
});
