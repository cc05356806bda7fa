import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {difyRun, feed} from './answer-fixtures.js';
import {KEYS, makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

function chatStore() {
  const store = makeStore(['chat', 'ticker'], 100, {chat: 'dify'});
  feed(store, difyRun('chat', ['The first answer.']));
  store.ingest(records.open('ticker'));
  return store;
}

const inputRow = (frame: string) => rows(frame).find((line) => line.startsWith(' › '));
/** The cursor: an inverse cell, a space at the end of the line (no colors here: see line-editing.test.tsx). */
const CURSOR = ' ';

describe('follow-up input line', () => {
  it('i opens it in the pane (answer view), shows typed text, erases, and Esc cancels', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 80, rows: 24}});
    let frame = await app.press('i');
    expect(inputRow(frame)).toBe(` › ${CURSOR}  Enter send · Esc cancel`);
    expect(frame).toContain(' The first answer.');
    expect(rows(frame).at(-1)).toContain('follow-up to chat (same conversation)');
    frame = await app.press('hello');
    expect(inputRow(frame)).toContain(`› hello${CURSOR}`);
    frame = await app.press(KEYS.backspace);
    expect(inputRow(frame)).toContain(`› hell${CURSOR}`);
    // Every key types while the line is open: q, a, x, Tab-less letters.
    frame = await app.press('qax?');
    expect(inputRow(frame)).toContain(`› hellqax?${CURSOR}`);
    expect(app.controls.calls).toEqual([]);
    frame = await app.press(KEYS.escape);
    expect(inputRow(frame)).toBeUndefined();
    expect(app.controls.calls).toEqual([]);
    // The pane stays in the answer view.
    expect(frame).toContain(' The first answer.');
  });

  it('Enter sends the question (trimmed) and closes the line; an empty line sends nothing', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 80, rows: 24}});
    await app.press('i');
    await app.press('  and then? ');
    let frame = await app.press(KEYS.enter);
    expect(inputRow(frame)).toBeUndefined();
    expect(app.controls.calls).toEqual(['ask chat: and then?']);
    frame = await app.settle();
    expect(rows(frame).at(-1)).toContain('asked chat');
    await app.press('i');
    await app.press(KEYS.enter);
    expect(app.controls.calls).toEqual(['ask chat: and then?']);
  });

  it('keys typed in one read go in order, even right after i', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 80, rows: 24}});
    await app.press('itell me more\r');
    expect(app.controls.calls).toEqual(['ask chat: tell me more']);
  });

  it('keys read before the next render see the line i opened (q types, not quits)', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 80, rows: 24}});
    // Separate reads with no render in between: the handler of the last render runs them.
    for (const key of ['i', 't', 'q']) app.stdin.write(key);
    const frame = await app.settle();
    expect(inputRow(frame)).toContain(`› tq${CURSOR}`);
    expect(app.controls.calls).toEqual([]);
  });

  it('i, n and x only work on chat streams', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 80, rows: 24}});
    await app.press('\t');
    let frame = await app.press('i');
    expect(inputRow(frame)).toBeUndefined();
    expect(rows(frame).at(-1)).toContain('i: ticker is not a chat stream (answer preset none)');
    frame = await app.press('n');
    expect(inputRow(frame)).toBeUndefined();
    expect(rows(frame).at(-1)).toContain('n: ticker is not a chat stream');
    frame = await app.press('x');
    expect(rows(frame).at(-1)).toContain('x: ticker is not a chat stream');
    expect(app.controls.calls).toEqual([]);
  });

  it('x asks to stop the running task and shows the result', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 80, rows: 24}});
    await app.press('x');
    const frame = await app.settle();
    expect(app.controls.calls).toEqual(['stop-answer chat']);
    expect(rows(frame).at(-1)).toContain('chat: stop requested for task t-1');
  });

  it('a long question shows its end, and the frame stays within rows - 1', async () => {
    const app = await renderApp(chatStore(), {size: {columns: 40, rows: 12}});
    await app.press('i');
    const frame = await app.press('a question far longer than the pane is wide, ending HERE');
    expect(inputRow(frame)).toMatch(/^ › ….*ending HERE /);
    expect(rows(frame).length).toBeLessThanOrEqual(11);
  });
});
