import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {KEYS, makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

function storeWithEvents(count: number) {
  const store = makeStore(['ticker', 'logs'], 1000);
  store.ingest(records.open('ticker'));
  for (let n = 1; n <= count; n++) {
    store.ingest(
      records.event('ticker', n, JSON.stringify({seq: n, price: 100 + n}), {type: 'tick'}),
    );
  }
  return store;
}

const selected = (frame: string) =>
  rows(frame).find((line) => line.includes('[') && line.includes('/'));
const eventRows = (frame: string) => rows(frame).filter((line) => line.includes('tick {'));

describe('zoomed view', () => {
  it('Enter zooms the focused pane full screen and Esc goes back', async () => {
    const app = await renderApp(storeWithEvents(50), {size: {columns: 100, rows: 24}});
    const frame = await app.press(KEYS.enter);
    expect(rows(frame)[0]).toContain('ticker');
    expect(rows(frame)[0]).toContain('[51/51] following');
    expect(frame).not.toContain('logs');
    expect(eventRows(frame)).toHaveLength(20);
    expect(eventRows(frame).at(-1)).toContain('"seq":50');
    expect(rows(await app.press(KEYS.escape))[0]).not.toContain('following');
    expect(rows(await app.press('z'))[0]).toContain('following');
    expect(rows(await app.press('z'))[0]).not.toContain('following');
  });

  it('scrolls with k/j, PgUp/PgDn, g/G; new events do not move a scrolled view', async () => {
    const store = storeWithEvents(50);
    const app = await renderApp(store, {size: {columns: 100, rows: 24}});
    await app.press(KEYS.enter);
    let frame = await app.press('k');
    expect(selected(frame)).toContain('[50/51] scrolled, 1 newer');
    frame = await app.press('k');
    expect(eventRows(frame).at(-1)).toContain('"seq":48');
    for (let n = 51; n <= 60; n++) {
      store.ingest(records.event('ticker', n, JSON.stringify({seq: n}), {type: 'tick'}));
    }
    frame = await app.settle();
    expect(eventRows(frame).at(-1)).toContain('"seq":48');
    expect(rows(frame)[0]).toContain('[49/61] scrolled, 12 newer');
    frame = await app.press(KEYS.pageUp);
    expect(rows(frame)[0]).toContain('[29/61]');
    expect(eventRows(frame).at(-1)).toContain('"seq":28');
    frame = await app.press('j');
    expect(rows(frame)[0]).toContain('[30/61]');
    frame = await app.press('g');
    expect(rows(frame)[0]).toContain('[1/61]');
    expect(rows(frame)[2]).toContain('connected: HTTP 200');
    frame = await app.press(KEYS.pageDown);
    expect(rows(frame)[0]).toContain('[21/61]');
    frame = await app.press('jjj');
    expect(rows(frame)[0]).toContain('[24/61]');
    frame = await app.press('Gkk');
    expect(rows(frame)[0]).toContain('[59/61]');
    frame = await app.press('G');
    expect(rows(frame)[0]).toContain('[61/61] following');
    expect(eventRows(frame).at(-1)).toContain('"seq":60');
  });

  it('y pretty-prints the selected event and scrolls it; y or Esc goes back to the list', async () => {
    const store = makeStore(['api']);
    const nested = {
      id: 7,
      items: Array.from({length: 30}, (_, index) => ({index, name: `item ${index}`})),
    };
    store.ingest(records.event('api', 1, JSON.stringify(nested), {type: 'result'}));
    store.ingest(records.event('api', 2, 'plain text', {type: 'note'}));
    const app = await renderApp(store, {size: {columns: 100, rows: 24}});
    await app.press(KEYS.enter);
    await app.press('k');
    let frame = await app.press('y');
    expect(frame).toContain('#1 result');
    expect(rows(frame)[3]).toBe('  {');
    expect(rows(frame)[4]).toBe('    "id": 7,');
    frame = await app.press('G');
    expect(rows(frame).at(-2)).toBe('  }');
    frame = await app.press('g');
    expect(rows(frame)[3]).toBe('  {');
    frame = await app.press('y');
    expect(frame).toContain('[1/2] scrolled');
    frame = await app.press('j');
    frame = await app.press('y');
    expect(frame).toContain('#2 note');
    expect(frame).toContain('  plain text');
    frame = await app.press(KEYS.escape);
    expect(frame).toContain('following');
  });

  it('in a narrow zoom whose counters take two rows, G still reaches the end of a pretty event', async () => {
    const store = makeStore(['api']);
    const nested = {items: Array.from({length: 30}, (_, index) => ({index}))};
    store.ingest(records.event('api', 1, JSON.stringify(nested), {type: 'result'}));
    const app = await renderApp(store, {size: {columns: 40, rows: 24}});
    await app.press(KEYS.enter);
    await app.press('y');
    const frame = await app.press('G');
    expect(rows(frame).at(-2)).toBe('  }');
  });
});
