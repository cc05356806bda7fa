import {afterEach, describe, expect, it} from 'vitest';

// Colors need a color level in the test process (not a terminal); set it before Ink loads.
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
const {createStreamStore} = await import('../../source/core/store/stream-store.js');
const {records, renderApp, rows, T0} = await import('./helpers.js');

afterEach(() => cleanup());

const storeOf = (insecure: boolean) =>
  createStreamStore({
    streams: [{name: 's', answer: 'none', insecure}],
    notifyIntervalMs: 10_000,
    now: () => T0 + 1000,
  });

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001B\[[\d;]*m/g, '');

describe('INSECURE badge', () => {
  it('shows a warning badge on a pane whose TLS certificate checks are off', async () => {
    const store = storeOf(true);
    store.ingest(records.connecting('s'));
    store.ingest(records.open('s'));
    const app = await renderApp(store, {size: {columns: 120, rows: 20}});
    expect(plain(rows(app.frame())[0] ?? '')).toMatch(/ OPEN +INSECURE /);
  });

  it('colours the badge with the warning colour, and NO_COLOR keeps the text', async () => {
    const colored = await renderApp(storeOf(true), {size: {columns: 120, rows: 20}, color: true});
    const title = rows(colored.frame())[0] ?? '';
    // Yellow background (43) right before the INSECURE badge.
    // eslint-disable-next-line no-control-regex
    expect(title).toMatch(/\u001B\[43m(?:\u001B\[[\d;]*m)* INSECURE /);
    cleanup();
    const mono = await renderApp(storeOf(true), {size: {columns: 120, rows: 20}, color: false});
    const monoTitle = rows(mono.frame())[0] ?? '';
    expect(monoTitle).toContain(' INSECURE ');
    expect(monoTitle).not.toContain('\u001B[43m');
  });

  it('no badge when certificate checks are on', async () => {
    const app = await renderApp(storeOf(false), {size: {columns: 120, rows: 20}});
    expect(app.frame()).not.toContain('INSECURE');
  });
});
