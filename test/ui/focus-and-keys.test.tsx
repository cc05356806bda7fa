import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {KEYS, makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

const focused = (frame: string) =>
  rows(frame)
    .flatMap((line) => [...line.matchAll(/━ \d+ (\S+)/g)].map((match) => match[1]))
    .join(',');

function storeWith(names: readonly string[]) {
  const store = makeStore(names);
  for (const name of names) {
    store.ingest(records.open(name));
    store.ingest(records.event(name, 1, `${name} data`));
  }
  return store;
}

describe('focus', () => {
  it('moves with Tab / Shift-Tab (wrapping), 1-9 and arrows in the grid', async () => {
    const app = await renderApp(storeWith(['a', 'b', 'c', 'd', 'e']), {
      size: {columns: 120, rows: 40},
    });
    expect(focused(app.frame())).toBe('a');
    expect(focused(await app.press(KEYS.tab))).toBe('b');
    expect(focused(await app.press(KEYS.shiftTab))).toBe('a');
    expect(focused(await app.press(KEYS.shiftTab))).toBe('e');
    expect(focused(await app.press(KEYS.tab))).toBe('a');
    expect(focused(await app.press('3'))).toBe('c');
    expect(focused(await app.press('9'))).toBe('c');
    // Two columns: a b / c d / e
    expect(focused(await app.press(KEYS.right))).toBe('d');
    expect(focused(await app.press(KEYS.right))).toBe('d');
    expect(focused(await app.press(KEYS.up))).toBe('b');
    expect(focused(await app.press(KEYS.left))).toBe('a');
    expect(focused(await app.press(KEYS.down))).toBe('c');
    expect(focused(await app.press(KEYS.down))).toBe('e');
  });

  it('handles keys that arrive together in one read, in order', async () => {
    const app = await renderApp(storeWith(['a', 'b', 'c']));
    const frame = await app.press('2\r');
    expect(rows(frame)[0]).toMatch(/^━ 2 b .*following/);
    await app.press('\u001B');
    const filtered = await app.press('/b d\r');
    expect(rows(filtered)[0]).toContain('filter "b d": 1 match');
    expect(rows(filtered).at(-1)).toContain('Tab focus');
  });
});

describe('stream keys', () => {
  it('r, R, s, e and q go to the focused stream through the controls', async () => {
    const app = await renderApp(storeWith(['a', 'b']));
    await app.press(KEYS.tab);
    await app.press('r');
    expect(app.frame()).toContain('reconnecting b');
    await app.press('R');
    await app.press('s');
    expect(app.frame()).toContain('stopped b');
    await app.press('e');
    expect(app.frame()).toContain('exported 3 records of b to /tmp/b.ndjson');
    await app.press('q');
    await app.press(KEYS.ctrlC);
    expect(app.controls.calls).toEqual([
      'reconnect b',
      'reconnect-all',
      'toggle b',
      'export b',
      'quit',
      'interrupt',
    ]);
  });

  it('c clears the focused buffer and t hides timestamps', async () => {
    const app = await renderApp(storeWith(['a', 'b']));
    const row = (frame: string, text: string) => rows(frame).find((line) => line.includes(text));
    expect(row(app.frame(), 'a data')).toMatch(/^ 10:00:00 message a data/);
    expect(row(await app.press('t'), 'a data')).toMatch(/^ message a data/);
    await app.press('c');
    const frame = await app.settle();
    expect(frame).toContain('cleared the buffer of a');
    expect(frame).not.toContain('a data');
    expect(frame).toContain('waiting for events');
    expect(frame).toContain('b data');
  });

  it('p pauses the display while the stream keeps counting, and resumes', async () => {
    const store = storeWith(['a']);
    const app = await renderApp(store);
    await app.press('p');
    await app.settle();
    for (let n = 2; n <= 4; n++) store.ingest(records.event('a', n, `later ${n}`));
    let frame = await app.settle();
    expect(rows(frame)[0]).toContain('PAUSED (+3)');
    expect(rows(frame)[1]).toMatch(/^ {2}4 ev/);
    expect(frame).not.toContain('later');
    await app.press('p');
    frame = await app.settle();
    expect(rows(frame)[0]).not.toContain('PAUSED');
    expect(frame).toContain('later 4');
  });
});

describe('filter', () => {
  it('/ opens the input, filters live by substring, Enter keeps it, the title counts matches', async () => {
    const store = makeStore(['logs']);
    store.ingest(records.event('logs', 1, 'disk is full', {type: 'error'}));
    store.ingest(records.event('logs', 2, 'all good', {type: 'info'}));
    store.ingest(records.event('logs', 3, 'an error again', {type: 'warn'}));
    const app = await renderApp(store);
    await app.press('/');
    expect(rows(app.frame()).at(-1)).toContain('filter logs:');
    await app.press('e');
    await app.press('r');
    await app.press('x');
    await app.press(KEYS.backspace);
    await app.press('r');
    let frame = app.frame();
    expect(rows(frame).at(-1)).toContain('filter logs: err');
    expect(rows(frame)[0]).toContain('filter "err": 2 matches');
    // Keys are text while typing: q does not quit.
    expect(app.controls.calls).toEqual([]);
    frame = await app.press(KEYS.enter);
    expect(rows(frame)[0]).toContain('filter "err": 2 matches');
    expect(frame).toContain('disk is full');
    expect(frame).toContain('an error again');
    expect(frame).not.toContain('all good');
    expect(rows(frame).at(-1)).toContain('Tab focus');
  });

  it('takes /regex/, reports a bad one, Esc cancels an edit and an empty filter clears', async () => {
    const store = makeStore(['logs']);
    store.ingest(records.event('logs', 1, 'GET /a 200'));
    store.ingest(records.event('logs', 2, 'GET /b 503'));
    const app = await renderApp(store);
    for (const key of ['/', ...'/5\\d\\d/', KEYS.enter]) await app.press(key);
    expect(rows(app.frame())[0]).toContain('filter "/5\\d\\d/": 1 match');
    expect(app.frame()).not.toContain('GET /a 200');
    await app.press('/');
    for (let index = 0; index < 10; index++) await app.press(KEYS.backspace);
    for (const key of ['/', '[', '/']) await app.press(key);
    expect(rows(app.frame())[0]).toContain('(bad regex:');
    await app.press(KEYS.escape);
    expect(rows(app.frame())[0]).toContain('filter "/5\\d\\d/": 1 match');
    await app.press('/');
    for (let index = 0; index < 10; index++) await app.press(KEYS.backspace);
    await app.press(KEYS.enter);
    expect(rows(app.frame())[0]).not.toContain('filter');
    expect(app.frame()).toContain('GET /a 200');
  });
});

describe('help', () => {
  it('? shows every key and the badges; any key closes it, q too', async () => {
    const app = await renderApp(storeWith(['a']), {size: {columns: 100, rows: 40}});
    const frame = await app.press('?');
    for (const text of [
      'ssedeck keys',
      'Tab / Shift-Tab',
      'Enter or z',
      'PgUp/PgDn g/G',
      'r / R',
      'q or Ctrl-C',
      'RETRY in 3s (attempt 2/5)',
      'FAILED (HTTP 401: message)',
    ]) {
      expect(frame).toContain(text);
    }
    expect(frame).not.toContain('a data');
    expect(await app.press('x')).toContain('a data');
    await app.press('?');
    // q closes the overlay like every other key there: it does not quit.
    expect(await app.press('q')).toContain('a data');
    expect(app.controls.calls).toEqual([]);
    await app.press('q');
    expect(app.controls.calls).toEqual(['quit']);
  });
});
