import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {dify, difyRun, feed} from './answer-fixtures.js';
import {makeStore, records, renderApp, rows, T0} from './helpers.js';

afterEach(() => cleanup());

const FIRST = ['You asked about SSE. ', 'Server-Sent Events ', 'stream text.'];

describe('answer view', () => {
  it('a shows the joined answer of every pane with a preset; panes without one keep events', async () => {
    const store = makeStore(['chat', 'ticker'], 100, {chat: 'dify'});
    feed(store, difyRun('chat', FIRST));
    store.ingest(records.open('ticker'));
    store.ingest(records.event('ticker', 1, '{"seq":1}', {type: 'tick'}));
    const app = await renderApp(store, {size: {columns: 80, rows: 24}});
    expect(app.frame()).toMatch(/message +".*" {2}\{"event":"message"/);
    const frame = await app.press('a');
    expect(frame).toContain('You asked about SSE. Server-Sent Events stream text.');
    expect(frame).not.toContain('"event"');
    expect(frame).toMatch(/━ 1 chat .* answer /);
    // The ticker has no answer preset: it still shows its events.
    expect(frame).toContain('tick {"seq":1}');
    expect(frame).not.toMatch(/─ 2 ticker .* answer /);
    const back = await app.press('a');
    expect(back).toMatch(/message +".*" {2}\{"event":"message"/);
    expect(back).not.toContain('Server-Sent Events stream text.');
  });

  it('A toggles the focused pane only', async () => {
    const store = makeStore(['one', 'two'], 100, {one: 'dify', two: 'dify'});
    feed(store, difyRun('one', ['answer one']));
    feed(store, difyRun('two', ['answer two']));
    const app = await renderApp(store, {size: {columns: 80, rows: 24}});
    await app.press('\t');
    let frame = await app.press('A');
    expect(frame).toMatch(/^ answer two$/m);
    expect(frame).not.toMatch(/^ answer one$/m);
    frame = await app.press('a');
    expect(frame).toMatch(/^ answer one$/m);
    frame = await app.press('A');
    expect(frame).toMatch(/^ answer one$/m);
    expect(frame).not.toMatch(/^ answer two$/m);
  });

  it('word-wraps CJK and English text by display width', async () => {
    const chinese =
      '下面是一段中文回答，用来检验多字节 UTF-8 字符被拆到不同的 TCP 包里时，客户端能否正确解码。';
    const english = 'Mixed text works too: 事件 (events), 数据流 (data stream) and a rocket 🚀.';
    const store = makeStore(['chat'], 100, {chat: 'dify'});
    feed(store, difyRun('chat', [chinese.slice(0, 7), chinese.slice(7), '\n\n', english]));
    const app = await renderApp(store, {size: {columns: 30, rows: 20}, views: {chat: 'answer'}});
    const body = rows(app.frame()).slice(2, -2);
    for (const row of rows(app.frame())) expect(stringWidth(row)).toBeLessThanOrEqual(30);
    const text = body.map((row) => row.trim()).filter((row) => row !== '');
    // Rows join back into the text: CJK breaks anywhere (not before "，"), English between words.
    expect(text.join('').replaceAll(' ', '')).toContain(chinese.replaceAll(' ', ''));
    // 28 columns of text (the pane minus its margins): 14 wide characters.
    expect(text).toContain('下面是一段中文回答，用来检验');
    expect(text.some((row) => row.startsWith('，'))).toBe(false);
    expect(text.join(' ')).toContain('Mixed text works too: 事件 (events), 数据流');
    for (const word of ['Mixed', 'works', '(events),', 'stream)', 'rocket']) {
      expect(text.some((row) => row.split(' ').includes(word))).toBe(true);
    }
  });

  it('follows the end as the answer grows, with the status line at the bottom', async () => {
    const store = makeStore(['chat'], 1000, {chat: 'dify'});
    const paragraphs = Array.from({length: 30}, (_, index) => `Paragraph ${index + 1}.\n`);
    feed(store, [records.connecting('chat'), records.open('chat')]);
    feed(
      store,
      paragraphs.slice(0, 10).map((text, index) => dify.message('chat', index + 1, text)),
    );
    const app = await renderApp(store, {size: {columns: 60, rows: 12}, views: {chat: 'answer'}});
    let frame = app.frame();
    expect(frame).toContain('Paragraph 10.');
    expect(frame).not.toContain('Paragraph 1.');
    feed(
      store,
      paragraphs.slice(10).map((text, index) => dify.message('chat', index + 11, text)),
    );
    frame = await app.settle();
    expect(frame).toContain('Paragraph 30.');
    expect(frame).not.toContain('Paragraph 10.');
    const lines = rows(frame);
    expect(lines).toHaveLength(11);
    expect(lines.at(-2)).toMatch(/^ streaming · TTFT \d+ ms/);
    // The ids for a bug report, whole: the task id does not fit in 60 columns.
    expect(lines.at(-3)).toMatch(/^ conv [0-9a-f-]{36} · msg msg-1$/);
    expect(lines.at(-4)).toBe(' Paragraph 30.');
  });

  it('shows the status line of a finished run: done, TTFT, tok/s, usage and cost', async () => {
    const store = makeStore(['chat'], 100, {chat: 'dify'});
    feed(store, difyRun('chat', FIRST));
    const app = await renderApp(store, {size: {columns: 120, rows: 12}, views: {chat: 'answer'}});
    const status = rows(app.frame()).at(-2);
    expect(status).toMatch(
      /^ done · TTFT 100 ms · [\d,]+ tok\/s · 100 tokens · \$0\.0012 · [\d.]+ m?s total$/,
    );
  });

  it('shows an in-band error (red: answer-colors.test.tsx) and keeps the partial answer', async () => {
    const store = makeStore(['chat'], 100, {chat: 'dify'});
    feed(store, [records.connecting('chat'), records.open('chat')]);
    feed(store, [
      dify.message('chat', 1, 'Partial answer'),
      dify.error('chat', 2, 'Rate limit reached'),
    ]);
    const plain = await renderApp(store, {size: {columns: 100, rows: 12}, views: {chat: 'answer'}});
    expect(plain.frame()).toContain(' Partial answer');
    expect(plain.frame()).toContain(' completion_request_error (400): Rate limit reached');
    expect(rows(plain.frame()).at(-2)).toMatch(/^ error/);
  });

  it('says when the run waits for human input or ended without a terminal event', async () => {
    const store = makeStore(['paused', 'cut'], 100, {paused: 'dify', cut: 'dify'});
    feed(store, [records.connecting('paused'), records.open('paused')]);
    feed(store, [dify.message('paused', 1, 'Before the form'), dify.humanInput('paused', 2)]);
    feed(store, difyRun('cut', ['Cut short'], {end: false}));
    const app = await renderApp(store, {
      size: {columns: 80, rows: 24},
      views: {paused: 'answer', cut: 'answer'},
    });
    expect(app.frame()).toContain(' paused: waiting for human input');
    expect(app.frame()).toContain(' incomplete: ended without a terminal event');
  });

  it('h shows and hides the reasoning, dimmed, above the answer', async () => {
    const store = makeStore(['chat'], 100, {chat: 'dify'});
    feed(store, [records.connecting('chat'), records.open('chat')]);
    feed(store, [
      dify.reasoning('chat', 1, 'Thinking it over.'),
      dify.message('chat', 2, 'The answer.'),
    ]);
    const app = await renderApp(store, {size: {columns: 80, rows: 12}, views: {chat: 'answer'}});
    expect(app.frame()).toContain(' The answer.');
    expect(app.frame()).not.toContain('Thinking it over.');
    let frame = await app.press('h');
    const lines = rows(frame);
    const thinking = lines.findIndex((line) => line === ' Thinking it over.');
    expect(thinking).toBeGreaterThan(0);
    expect(lines.indexOf(' The answer.')).toBeGreaterThan(thinking);
    frame = await app.press('h');
    expect(frame).not.toContain('Thinking it over.');
  });

  it('keeps earlier turns above the current one, each under its question', async () => {
    const store = makeStore(['chat'], 100, {chat: 'dify'});
    store.setAnswerQuery('chat', 'first question?');
    feed(store, difyRun('chat', ['First answer.']));
    store.setAnswerQuery('chat', 'second question?');
    feed(store, difyRun('chat', ['Second answer.'], {first: 20, at: T0 + 1900}));
    const app = await renderApp(store, {size: {columns: 80, rows: 16}, views: {chat: 'answer'}});
    const lines = rows(app.frame());
    const order = [
      ' › first question?',
      ' First answer.',
      ' › second question?',
      ' Second answer.',
    ];
    const positions = order.map((line) => lines.indexOf(line));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lines.at(-2)).toMatch(/^ done ·/);
  });

  it('scrolls the zoomed answer with k/j, PgUp, g/G; new text does not move a scrolled view', async () => {
    const store = makeStore(['chat'], 1000, {chat: 'dify'});
    feed(store, [records.connecting('chat'), records.open('chat')]);
    feed(
      store,
      Array.from({length: 40}, (_, index) =>
        dify.message('chat', index + 1, `Line ${index + 1}.\n`),
      ),
    );
    const app = await renderApp(store, {size: {columns: 80, rows: 16}, views: {chat: 'answer'}});
    let frame = await app.press('\r');
    expect(rows(frame)[0]).toMatch(/answer \[\d+-40\/40\] following/);
    frame = await app.press('k');
    expect(rows(frame)[0]).toMatch(/scrolled · G: follow/);
    expect(frame).not.toContain('Line 40.');
    expect(frame).toContain('Line 39.');
    feed(store, [dify.message('chat', 41, 'Line 41.\n')]);
    frame = await app.settle();
    expect(frame).toContain('Line 39.');
    expect(frame).not.toContain('Line 41.');
    frame = await app.press('g');
    expect(frame).toContain(' Line 1.');
    expect(rows(frame)[0]).toContain('[1-');
    frame = await app.press('j');
    expect(frame).not.toContain(' Line 1.');
    expect(frame).toContain(' Line 2.');
    frame = await app.press('G');
    expect(frame).toContain('Line 41.');
    expect(rows(frame)[0]).toMatch(/following/);
  });

  it('the help lists the answer keys', async () => {
    const app = await renderApp(makeStore(['chat'], 100, {chat: 'dify'}), {
      size: {columns: 100, rows: 32},
    });
    const frame = await app.press('?');
    for (const text of [
      'a / A',
      'answer view (LLM streams)',
      'h ',
      'reasoning',
      'i / n / x',
      'new conversation',
    ]) {
      expect(frame).toContain(text);
    }
    // Everything fits 100x32: the last badge line too.
    expect(frame).toContain('PAUSED (+N)');
  });
});
