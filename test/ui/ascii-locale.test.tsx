import {afterEach, describe, expect, it} from 'vitest';
import {cleanup, render} from 'ink-testing-library';
import type {StreamStore} from '../../source/core/store/types.js';
import {App} from '../../source/ui/app.js';
import {utf8FromEnv} from '../../source/ui/theme.js';
import {dify, difyRun, feed} from './answer-fixtures.js';
import {fakeControls, KEYS, makeStore, records, renderApp, rows, T0} from './helpers.js';

afterEach(() => cleanup());

describe('utf8FromEnv', () => {
  it('follows the first set of LC_ALL, LC_CTYPE, LANG', () => {
    expect(utf8FromEnv({LANG: 'en_US.UTF-8'})).toBe(true);
    expect(utf8FromEnv({LANG: 'C.utf8'})).toBe(true);
    expect(utf8FromEnv({LANG: 'C'})).toBe(false);
    expect(utf8FromEnv({LC_ALL: 'C', LANG: 'en_US.UTF-8'})).toBe(false);
    expect(utf8FromEnv({LC_ALL: '', LC_CTYPE: 'en_US.UTF-8', LANG: 'C'})).toBe(true);
    expect(utf8FromEnv({LC_CTYPE: 'POSIX', LANG: 'en_US.UTF-8'})).toBe(false);
    expect(utf8FromEnv({})).toBe(true);
  });
});

describe('ASCII glyphs', () => {
  const frameOf = (ascii: boolean) => {
    const instance = render(
      <App
        store={makeStore(['a', 'b'])}
        controls={fakeControls()}
        size={{columns: 100, rows: 20}}
        color={false}
        ascii={ascii}
        clock={() => T0}
        tickMs={0}
      />,
    );
    return instance.lastFrame() ?? '';
  };

  it('draws the pane rules with ASCII in a non-UTF-8 locale', () => {
    const title = rows(frameOf(true))[0] ?? '';
    expect(title).toMatch(/^= 1 a .*=+ - 2 b .*-+$/);
    expect(title).not.toMatch(/[━─]/);
  });

  it('keeps the line-drawing rules in a UTF-8 locale', () => {
    expect(rows(frameOf(false))[0]).toMatch(/^━ 1 a .*━+ ─ 2 b .*─+$/);
  });
});

/** Code points above "~" (0x7E) in a frame: none may be left in ASCII mode. */
const beyondAscii = (frame: string): string[] => [
  ...new Set([...frame].filter((character) => (character.codePointAt(0) ?? 0) > 0x7e)),
];

/**
 * Streams whose server text is all ASCII, but that make the dashboard draw
 * every symbol it has: separators, notices, cut rows and ids, line breaks in
 * a row, a long type, a failed badge, an empty pane, answers with questions,
 * a cut error and a waiting answer.
 */
function busyStore(): StreamStore {
  const store = makeStore(['feed', 'retry', 'failed', 'empty', 'chat', 'wait'], 100, {
    chat: 'dify',
    wait: 'dify',
  });
  feed(store, [
    records.connecting('feed'),
    {
      ...(records.open('feed') as Extract<ReturnType<typeof records.open>, {state: 'open'}>),
      headers: {'content-type': 'text/event-stream', 'x-request-id': 'req-42'},
    },
    records.event('feed', 1, 'line one\nline two\r\nline three'),
    records.event('feed', 2, `wide ${'x'.repeat(300)}`),
    records.event('feed', 3, 'typed', {type: 'a-very-long-event-type-name'}),
    records.event('feed', 4, `big ${'y'.repeat(70_000)}`, {id: `id-${'0123456789'.repeat(4)}`}),
    records.connecting('retry'),
    records.reconnecting('retry', {reason: 'stream ended'}),
    records.connecting('failed'),
    records.failed('failed', 'HTTP 401 Unauthorized (content type application/json): {}', 401),
    {...records.summary('failed', 'failed', 'HTTP 401'), errors: 1},
  ]);
  store.setAnswerQuery('chat', 'what is sse?');
  feed(store, difyRun('chat', ['SSE is a stream of events.']));
  store.setAnswerQuery('chat', 'and then?');
  feed(store, [
    records.connecting('chat', 1, T0 + 2000),
    records.open('chat', T0 + 2020),
    dify.error('chat', 30, `the model failed: ${'w '.repeat(200)}`),
  ]);
  store.setAnswerQuery('wait', 'still there?');
  feed(store, [records.connecting('wait'), records.open('wait')]);
  return store;
}

/** Typed into the filter and the follow-up line: wider than either, so its start is cut. */
const LONG_TEXT = 'typed text '.repeat(11);

/** The frames of a tour through the dashboard: grid, zoom, details, pretty, scroll, help, inputs. */
async function tour(ascii: boolean): Promise<string[]> {
  const frames: string[] = [];
  const views = {chat: 'answer', wait: 'answer'} as const;
  const grid = await renderApp(busyStore(), {size: {columns: 100, rows: 30}, views, ascii});
  frames.push(grid.frame());
  frames.push(await grid.press('/'));
  for (const character of LONG_TEXT) await grid.press(character);
  frames.push(grid.frame());
  await grid.press(KEYS.escape);
  grid.unmount();

  const narrow = await renderApp(busyStore(), {size: {columns: 60, rows: 20}, views, ascii});
  frames.push(narrow.frame());
  narrow.unmount();

  const zoom = await renderApp(busyStore(), {
    size: {columns: 100, rows: 30},
    views,
    ascii,
    details: true,
  });
  frames.push(await zoom.press(KEYS.enter));
  await zoom.press('y');
  frames.push(await zoom.press('G'));
  await zoom.press(KEYS.escape);
  await zoom.press('k');
  frames.push(await zoom.press('k'));
  await zoom.press('5');
  frames.push(await zoom.press('i'));
  for (const character of LONG_TEXT) await zoom.press(character);
  frames.push(zoom.frame());
  await zoom.press(KEYS.escape);
  frames.push(await zoom.press(KEYS.enter));
  await zoom.press(KEYS.escape);
  await zoom.press('3');
  frames.push(await zoom.press(KEYS.enter));
  zoom.unmount();

  const details = await renderApp(busyStore(), {size: {columns: 100, rows: 30}, ascii});
  frames.push(await details.press('D'));
  details.unmount();

  const help = await renderApp(busyStore(), {size: {columns: 60, rows: 12}, ascii});
  frames.push(await help.press('?'));
  frames.push(await help.press('j'));
  help.unmount();
  return frames;
}

describe('the whole dashboard in ASCII (LANG=C)', () => {
  it('draws no character above 0x7E when the server text is ASCII', async () => {
    const frames = await tour(true);
    for (const frame of frames) expect(beyondAscii(frame)).toEqual([]);
    const all = frames.join('\n');
    // What stands in for the Unicode symbols.
    expect(all).toMatch(/= 1 feed /);
    expect(all).toContain('? help | q quit');
    expect(all).toContain('line one\\nline two\\nline three');
    expect(all).toContain('- connected: HTTP 200');
    expect(all).toMatch(/- failed: HTTP 401: .* \| 0 events, 0 reconnects/);
    expect(all).toMatch(/filter feed: \.\.\.[a-z ]*typed text/);
    expect(all).toMatch(/> \.\.\.[a-z ]*typed text/);
    expect(all).toContain('[3/5] scrolled | G: follow');
    expect(all).toContain('> what is sse?');
    expect(all).toContain('waiting for the answer...');
    expect(all).toContain('waiting for events...');
    expect(all).toContain('HTTP 200 text/event-stream | headers in 20ms');
    expect(all).toContain('content-type: text/event-stream | x-request-id: req-42');
    expect(all).toContain('... cut at 64.0 KB');
    expect(all).toMatch(/v \d+ more \(j\/v PgDn\)/);
    expect(all).toMatch(/details \| rows \d+-\d+\/\d+ \| j\/k scroll/);
    expect(all).toMatch(/\.\.\.$/m);
  });

  it('the same tour in UTF-8 draws the symbols the ASCII one replaces', async () => {
    const all = (await tour(false)).join('\n');
    for (const glyph of ['━', '─', '·', '…', '⏎', '›', '↑', '↓']) expect(all).toContain(glyph);
  });
});
