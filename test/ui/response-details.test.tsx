import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {StreamRecord} from '../../source/core/records.js';
import {KEYS, makeStore, records, renderApp} from './helpers.js';

afterEach(() => cleanup());

const open = (headers: Record<string, string>): StreamRecord => ({
  ...(records.open('s') as Extract<StreamRecord, {state: 'open'}>),
  headers,
});

describe('zoomed response details (d)', () => {
  it('d shows the last status line and headers, sensitive values redacted, all sanitized', async () => {
    const store = makeStore(['s']);
    store.ingest(records.connecting('s'));
    store.ingest(
      open({
        'content-type': 'text/event-stream',
        'x-request-id': 'req-42',
        'set-cookie': 'session=SECRETCOOKIE',
        'x-evil': 'a\u001B]2;TITLE\u0007b',
      }),
    );
    store.ingest(records.event('s', 1, 'hello'));
    const app = await renderApp(store, {size: {columns: 160, rows: 20}});
    await app.press(KEYS.enter);
    expect(app.frame()).not.toContain('x-request-id');
    const frame = await app.press('d');
    expect(frame).toContain('HTTP 200 text/event-stream · headers in 20ms');
    expect(frame).toContain('content-type: text/event-stream · x-request-id: req-42');
    expect(frame).toContain('set-cookie: [redacted]');
    expect(frame).not.toContain('SECRETCOOKIE');
    expect(frame).not.toContain('\u001B]2;');
    expect(frame).not.toContain('\u0007');
    expect(frame).toContain('hello');
    expect(await app.press('d')).not.toContain('x-request-id');
  });

  it('shows the latest response after a reconnect', async () => {
    const store = makeStore(['s']);
    store.ingest(open({'x-run': 'first'}));
    store.ingest(open({'x-run': 'second'}));
    const app = await renderApp(store, {size: {columns: 160, rows: 20}});
    await app.press(KEYS.enter);
    const frame = await app.press('d');
    expect(frame).toContain('x-run: second');
    expect(frame).not.toContain('x-run: first');
  });

  it('the grid never shows the details', async () => {
    const store = makeStore(['s']);
    store.ingest(open({'x-request-id': 'req-42'}));
    const app = await renderApp(store, {size: {columns: 160, rows: 20}});
    expect(await app.press('d')).not.toContain('x-request-id');
  });

  it('-i/-v (details from the start): the zoomed view shows them without d; d still toggles', async () => {
    const store = makeStore(['s']);
    store.ingest(open({'content-type': 'text/event-stream', 'x-request-id': 'req-42'}));
    store.ingest(records.event('s', 1, 'hello'));
    const app = await renderApp(store, {size: {columns: 160, rows: 20}, details: true});
    // The grid has no room for them: only the zoomed view shows them.
    expect(app.frame()).not.toContain('x-request-id');
    const zoomed = await app.press(KEYS.enter);
    expect(zoomed).toContain('HTTP 200 text/event-stream · headers in 20ms');
    expect(zoomed).toContain('x-request-id: req-42');
    expect(zoomed).toContain('hello');
    expect(await app.press('d')).not.toContain('x-request-id');
    expect(await app.press('d')).toContain('x-request-id: req-42');
  });
});
