import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {KEYS, makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;
// Anything a terminal could act on. Tests render without colors, so a frame has no escapes of its own.
// eslint-disable-next-line no-control-regex
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

const HOSTILE = [
  `${ESC}[2J${ESC}[H`,
  `${ESC}]52;c;ZWNobyBwd25lZA==${BEL}`,
  `${ESC}]8;;https://evil.example${ST}click me${ESC}]8;;${ST}`,
  `${ESC}P1$qm${ST}`,
  `ding${BEL}${BEL}`,
  '\u009B6n',
  `${ESC}[?1049l`,
].join(' ');

describe('hostile server data', () => {
  it('never reaches the frame raw: events, types, ids, reasons and errors are shown as escapes', async () => {
    const store = makeStore(['evil']);
    store.ingest(records.open('evil'));
    store.ingest(
      records.event('evil', 1, HOSTILE, {type: `x${ESC}[31m`, id: `id${ESC}]0;t${BEL}`}),
    );
    store.ingest(records.event('evil', 2, `{"x":"\\u009b2J","y":"\\u001b[2J"}`));
    store.ingest(records.reconnecting('evil', {reason: `reset ${ESC}[2J`}));
    store.ingest(
      records.failed('evil', `HTTP 500 (content type text/plain): ${ESC}]52;c;AAAA${BEL}`, 500),
    );
    store.ingest(records.summary('evil', 'failed', 'HTTP 500'));
    const app = await renderApp(store, {size: {columns: 400, rows: 20}});
    const frame = app.frame();
    expect(frame).not.toMatch(raw);
    expect(frame).toContain('\\x1b[2J\\x1b[H');
    expect(frame).toContain('\\x1b]52;c;ZWNobyBwd25lZA==\\x07');
    expect(frame).toContain('\\x1b]8;;https://evil.example\\x1b\\click me');
    expect(frame).toContain('\\x1bP1$qm\\x1b\\');
    expect(frame).toContain('ding\\x07\\x07');
    expect(frame).toContain('\\x9b6n');
    expect(frame).toContain('x\\x1b[31m');
    expect(frame).toContain('{"x":"\\x9b2J","y":"\\u001b[2J"}');
    expect(frame).toContain('reset \\x1b[2J');
    expect(frame).toContain('FAILED HTTP 500');
    expect(frame).toContain('failed: HTTP 500: \\x1b]52;c;AAAA\\x07');
  });

  it('stays escaped in the zoomed and pretty views', async () => {
    const store = makeStore(['evil']);
    store.ingest(records.event('evil', 1, `line one\n${HOSTILE}\nline three`));
    const app = await renderApp(store, {size: {columns: 200, rows: 20}});
    await app.press(KEYS.enter);
    expect(app.frame()).not.toMatch(raw);
    const pretty = await app.press('y');
    expect(pretty).not.toMatch(raw);
    expect(pretty).toContain('  line one');
    expect(pretty).toContain('\\x1b]52;c;');
    expect(pretty).toContain('  line three');
  });

  it('is not shown raw when typed into the filter either', async () => {
    const store = makeStore(['evil']);
    const app = await renderApp(store);
    await app.press('/');
    await app.press(`a${BEL}b`);
    expect(app.frame()).not.toMatch(raw);
    expect(rows(app.frame()).at(-1)).toContain('filter evil: ab');
  });
});

describe('wide characters', () => {
  it('truncates CJK and emoji by display width, never past the pane', async () => {
    const store = makeStore(['cjk', 'emoji']);
    store.ingest(records.event('cjk', 1, '中文字符测试，'.repeat(40), {type: '消息'}));
    store.ingest(records.event('emoji', 1, '🎉👍🏽👨‍👩‍👧🇯🇵'.repeat(40)));
    for (const columns of [80, 81, 100, 121, 160]) {
      const app = await renderApp(store, {size: {columns, rows: 24}});
      const lines = rows(app.frame());
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      const cjk = lines.find((line) => line.includes('中文'));
      const emoji = lines.find((line) => line.includes('🎉'));
      expect(cjk).toMatch(/…/);
      expect(emoji).toMatch(/…/);
      // Cut at a whole character: the row is the pane width or one less (a wide char did not fit).
      const paneWidth = columns < 100 ? columns : Math.floor((columns - 1) / 2);
      expect(stringWidth(cjk?.trimEnd().split('  ')[0] ?? '')).toBeGreaterThanOrEqual(
        paneWidth - 1,
      );
      cleanup();
    }
  });
});
