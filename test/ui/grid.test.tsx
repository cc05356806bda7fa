import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {KEYS, makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

const NAMES = ['ticker', 'logs', 'flaky', 'dify-chatflow', 'openai'];

function filledStore(names: readonly string[]) {
  const store = makeStore(names);
  for (const name of names) {
    store.ingest(records.open(name));
    for (let n = 1; n <= 40; n++) {
      store.ingest(
        records.event(name, n, JSON.stringify({n, text: `${name} event ${n} `.repeat(8)})),
      );
    }
  }
  return store;
}

function expectFits(frame: string, columns: number, rowsCount: number) {
  const lines = rows(frame);
  expect(lines.length).toBeLessThanOrEqual(rowsCount - 1);
  for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
}

const titleRows = (frame: string) => rows(frame).filter((line) => /^[━─] \d+ /.test(line));

describe('grid layout', () => {
  it('80x24: one column, every pane visible, frame at most rows - 1 tall', async () => {
    const app = await renderApp(filledStore(NAMES), {size: {columns: 80, rows: 24}});
    const frame = app.frame();
    expectFits(frame, 80, 24);
    expect(rows(frame)).toHaveLength(23);
    expect(titleRows(frame).map((line) => line.split(/\s+/)[2])).toEqual(NAMES);
    expect(rows(frame).at(-1)).toContain('5 streams · 5 open');
  });

  it('160x48: two columns, rows shared, frame at most rows - 1 tall', async () => {
    const app = await renderApp(filledStore(NAMES), {size: {columns: 160, rows: 48}});
    const frame = app.frame();
    expectFits(frame, 160, 48);
    expect(rows(frame)).toHaveLength(47);
    const titles = titleRows(frame);
    expect(titles).toHaveLength(3);
    expect(titles[0]).toMatch(/^━ 1 ticker .* ─ 2 logs /);
    expect(titles[1]).toMatch(/^─ 3 flaky .* ─ 4 dify-chatflow /);
    expect(titles[2]).toMatch(/^─ 5 openai /);
  });

  it('re-lays out when the size changes', async () => {
    const store = filledStore(NAMES);
    const wide = await renderApp(store, {size: {columns: 200, rows: 40}});
    expect(titleRows(wide.frame())[0]).toMatch(/ticker .* logs .* flaky/);
    expectFits(wide.frame(), 200, 40);
  });

  it('shows a window of panes around the focus when not all fit', async () => {
    const names = Array.from({length: 12}, (_, index) => `stream-${index + 1}`);
    const app = await renderApp(filledStore(names), {size: {columns: 80, rows: 24}});
    expectFits(app.frame(), 80, 24);
    expect(app.frame()).toContain('stream-1 ');
    expect(app.frame()).not.toContain('stream-12');
    expect(rows(app.frame()).at(-1)).toMatch(/5 more below\/above/);
    for (let press = 0; press < 11; press++) await app.press(KEYS.tab);
    expect(app.frame()).toMatch(/━ 12 stream-12/);
    expect(app.frame()).not.toContain('stream-1 ');
    expectFits(app.frame(), 80, 24);
  });
});
