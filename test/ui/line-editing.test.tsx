import {afterEach, describe, expect, it} from 'vitest';

// The cursor is an inverse cell: it needs a color level in the test process; set it before Ink loads.
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
const {difyRun, feed} = await import('./answer-fixtures.js');
const {KEYS, makeStore, records, renderApp, rows} = await import('./helpers.js');

afterEach(() => cleanup());

const INVERSE = '\u001B[7m';
const INVERSE_OFF = '\u001B[27m';
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001B\[[\d;]*m/g, '');

/** The follow-up input row as text, with the inverse cell shown as [x]. */
function inputLine(frame: string): string | undefined {
  const row = rows(frame).find((line) => plain(line).startsWith(' › '));
  if (row === undefined) return undefined;
  const marked = row.replaceAll(INVERSE, '[').replaceAll(INVERSE_OFF, ']');
  return plain(marked).replace(/\s+Enter send · Esc cancel.*$/, '');
}

/** The filter input in the footer, the inverse cells marked [ ]. */
function filterLine(frame: string): string {
  const row = rows(frame).at(-1) ?? '';
  const marked = row.replaceAll(INVERSE, '[').replaceAll(INVERSE_OFF, ']');
  return plain(marked).replace(/\s+Enter apply.*$/, '');
}

const PASTE = (text: string) => `\u001B[200~${text}\u001B[201~`;
const KEY = {
  home: '\u001B[H',
  end: '\u001B[F',
  delete: '\u001B[3~',
  ctrlA: '\u0001',
  ctrlE: '\u0005',
  ctrlU: '\u0015',
  ctrlK: '\u000B',
  ctrlW: '\u0017',
  altB: '\u001Bb',
  altF: '\u001Bf',
  ctrlLeft: '\u001B[1;5D',
  ctrlRight: '\u001B[1;5C',
};

function chatStore() {
  const store = makeStore(['chat', 'logs'], 100, {chat: 'dify'});
  feed(store, difyRun('chat', ['The first answer.']));
  store.ingest(records.open('logs'));
  for (const [seq, text] of [
    [1, 'GET /a 200'],
    [2, 'error: disk full'],
    [3, 'warn: slow'],
  ] as const)
    store.ingest(records.event('logs', seq, text));
  return store;
}

const size = {columns: 80, rows: 24};

/** The title row of the logs pane, without styles. */
const logsTitle = (frame: string) =>
  plain(rows(frame).find((line) => plain(line).includes(' logs ')) ?? '');

describe('bracketed paste', () => {
  it('a paste into the follow-up is text (line breaks become spaces), never keys', async () => {
    const app = await renderApp(chatStore(), {size});
    await app.press('i');
    const frame = await app.press(PASTE('first line\rsecond line q'));
    expect(inputLine(frame)).toBe(' › first line second line q[ ]');
    expect(app.controls.calls).toEqual([]);
    await app.press(KEYS.enter);
    expect(app.controls.calls).toEqual(['ask chat: first line second line q']);
  });

  it('a paste arriving in pieces, with escape sequences inside, is still one paste', async () => {
    const app = await renderApp(chatStore(), {size});
    await app.press('i');
    app.stdin.write('\u001B[200~one\r');
    app.stdin.write('two\u001B[Aq');
    const frame = await app.press('\u001B[201~');
    expect(inputLine(frame)).toBe(' › one twoq[ ]');
    expect(app.controls.calls).toEqual([]);
  });

  it('a paste into the filter replaces the selected filter, as text', async () => {
    const app = await renderApp(chatStore(), {size});
    await app.press('2');
    await app.press('/');
    let frame = await app.press(PASTE('disk\nfull'));
    expect(filterLine(frame)).toBe(' filter logs: disk full[ ]');
    frame = await app.press(KEYS.enter);
    expect(logsTitle(frame)).toContain('filter "disk full": 1 match');
  });

  it('a paste with no text input open runs nothing', async () => {
    const app = await renderApp(chatStore(), {size});
    const before = plain(app.frame());
    const frame = await app.press(PASTE('sq\rrRc/?x'));
    expect(app.controls.calls).toEqual([]);
    expect(plain(frame)).toContain('paste ignored');
    expect(plain(frame).split('\n')[0]).toBe(before.split('\n')[0]);
  });
});

describe('line editing', () => {
  it('draws the cursor where it is and edits there', async () => {
    const app = await renderApp(chatStore(), {size});
    await app.press('i');
    expect(inputLine(await app.press('hello world'))).toBe(' › hello world[ ]');
    expect(inputLine(await app.press(KEYS.left))).toBe(' › hello worl[d]');
    expect(inputLine(await app.press(KEY.ctrlLeft))).toBe(' › hello [w]orld');
    expect(inputLine(await app.press(KEYS.backspace))).toBe(' › hello[w]orld');
    expect(inputLine(await app.press(' big '))).toBe(' › hello big [w]orld');
    expect(inputLine(await app.press(KEY.home))).toBe(' › [h]ello big world');
    expect(inputLine(await app.press(KEY.delete))).toBe(' › [e]llo big world');
    expect(inputLine(await app.press(KEY.altF))).toBe(' › ello[ ]big world');
    expect(inputLine(await app.press(KEY.ctrlK))).toBe(' › ello[ ]');
    expect(inputLine(await app.press(KEY.ctrlA))).toBe(' › [e]llo');
    expect(inputLine(await app.press('h'))).toBe(' › h[e]llo');
    expect(inputLine(await app.press(KEY.ctrlE))).toBe(' › hello[ ]');
    expect(inputLine(await app.press(' there'))).toBe(' › hello there[ ]');
    expect(inputLine(await app.press(KEY.ctrlW))).toBe(' › hello [ ]');
    expect(inputLine(await app.press(KEY.altB))).toBe(' › [h]ello');
    expect(inputLine(await app.press(KEY.end))).toBe(' › hello [ ]');
    expect(inputLine(await app.press(KEY.ctrlU))).toBe(' › [ ]');
    expect(app.controls.calls).toEqual([]);
  });

  it('↑/↓ recall earlier follow-ups, and earlier filters separately', async () => {
    const app = await renderApp(chatStore(), {size});
    await app.press('i');
    await app.press('first question\r');
    await app.press('i');
    await app.press('second question\r');
    await app.press('i');
    await app.press('draft');
    expect(inputLine(await app.press(KEYS.up))).toBe(' › second question[ ]');
    expect(inputLine(await app.press(KEYS.up))).toBe(' › first question[ ]');
    expect(inputLine(await app.press(KEYS.up))).toBe(' › first question[ ]');
    expect(inputLine(await app.press(KEYS.down))).toBe(' › second question[ ]');
    expect(inputLine(await app.press(KEYS.down))).toBe(' › draft[ ]');
    await app.press(KEYS.escape);

    await app.press('2');
    await app.press('/error\r');
    await app.press('/warn\r');
    await app.press('/');
    // The filter history holds filters only.
    expect(filterLine(await app.press(KEYS.up))).toBe(' filter logs: warn[ ]');
    expect(filterLine(await app.press(KEYS.up))).toBe(' filter logs: error[ ]');
    expect(filterLine(await app.press(KEYS.up))).toBe(' filter logs: error[ ]');
  });

  it('/ opens with the current filter selected: typing replaces it, ← keeps it', async () => {
    const app = await renderApp(chatStore(), {size});
    await app.press('2');
    await app.press('/error\r');
    let frame = await app.press('/');
    expect(filterLine(frame)).toBe(' filter logs: [error]');
    frame = await app.press('warn');
    expect(filterLine(frame)).toBe(' filter logs: warn[ ]');
    frame = await app.press(KEYS.enter);
    expect(logsTitle(frame)).toContain('filter "warn": 1 match');
    await app.press('/');
    frame = await app.press(KEYS.left);
    expect(filterLine(frame)).toBe(' filter logs: [w]arn');
    frame = await app.press(`${KEY.end}: slow\r`);
    expect(logsTitle(frame)).toContain('filter "warn: slow": 1 match');
  });
});

describe('help overlay', () => {
  it('scrolls with j/k, ↑/↓ and PgUp/PgDn when it does not fit (60x20), and says there is more', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 60, rows: 20}});
    let frame = plain(await app.press('?'));
    expect(frame).toContain('ssedeck keys');
    expect(frame).toMatch(/↓ \d+ more/);
    expect(frame).not.toContain('PAUSED (+N)');
    frame = plain(await app.press('j'));
    expect(frame).not.toContain('ssedeck keys');
    expect(frame).toMatch(/↑ 1 above/);
    frame = plain(await app.press(KEYS.up));
    expect(frame).toContain('ssedeck keys');
    frame = plain(await app.press(KEYS.pageDown));
    frame = plain(await app.press(KEYS.pageDown));
    expect(frame).toContain('PAUSED (+N)');
    expect(frame).toContain('end');
    expect(frame).not.toMatch(/↓ \d+ more/);
    frame = plain(await app.press('k'));
    expect(frame).toMatch(/↓ 1 more/);
    frame = plain(await app.press(KEYS.pageUp));
    frame = plain(await app.press(KEYS.pageUp));
    expect(frame).toContain('ssedeck keys');
    // Every frame stays within rows - 1.
    expect(frame.split('\n').length).toBeLessThanOrEqual(19);
    // q closes it like any other key; it does not quit.
    frame = plain(await app.press('q'));
    expect(frame).not.toContain('ssedeck keys');
    expect(app.controls.calls).toEqual([]);
  });
});
