import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {displayWidth} from '../../source/core/display-text.js';
import {keyHints} from '../../source/ui/footer.js';
import {KEYS, makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

async function keyBar(columns: number, zoom = false): Promise<string> {
  const store = makeStore(['alpha', 'beta', 'gamma']);
  for (const name of ['alpha', 'beta', 'gamma']) {
    store.ingest(records.connecting(name));
    store.ingest(records.open(name));
    store.ingest(records.event(name, 1, 'x', {bytes: 1_500_000}));
  }
  const app = await renderApp(store, {size: {columns, rows: 20}});
  const frame = zoom ? await app.press(KEYS.enter) : app.frame();
  return rows(frame).at(-1) ?? '';
}

describe('key bar', () => {
  it.each([60, 80, 120])('shows "? help" and "q quit" at %i columns', async (columns) => {
    const bar = await keyBar(columns);
    expect(bar).toContain('? help · q quit');
    expect(displayWidth(bar)).toBeLessThanOrEqual(columns);
    const zoomed = await keyBar(columns, true);
    expect(zoomed).toContain('? help · q quit');
    expect(zoomed).toContain('Esc');
  });

  it('keeps the totals and the most important hints first as the width shrinks', async () => {
    const wide = await keyBar(120);
    expect(wide).toContain('3 streams · 3 open');
    expect(wide).toContain('Tab focus · Enter zoom');
    const medium = await keyBar(80);
    expect(medium).toContain('3 streams');
    expect(medium).toContain('Tab');
    const narrow = await keyBar(60);
    expect(narrow).toContain('3 streams');
  });

  it('drops the least important hints first, then shortens', () => {
    const full = keyHints(200, false);
    expect(full).toBe(
      'Tab focus · Enter zoom · a answer · p pause · r reconnect · / filter · f run · ? help · q quit',
    );
    expect(keyHints(40, false)).toBe('Tab focus · Enter zoom · ? help · q quit');
    expect(keyHints(30, false)).toBe('Tab focus · ? help · q quit');
    expect(keyHints(25, false)).toBe('Tab · ? help · q quit');
    expect(keyHints(5, false)).toBe('? help · q quit');
  });
});
