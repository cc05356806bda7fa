import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {dify, feed} from './answer-fixtures.js';
import {makeStore, records, renderApp} from './helpers.js';

afterEach(() => cleanup());

const ESC = '\u001B';
const BEL = '\u0007';
// Anything a terminal could act on. Tests render without colors, so a frame has no escapes of its own.
// eslint-disable-next-line no-control-regex
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

describe('hostile text in the answer view', () => {
  it('shows escapes in answers, reasoning, questions, errors and node names, never runs them', async () => {
    const store = makeStore(['evil'], 100, {evil: 'dify'});
    store.setAnswerQuery('evil', `ask ${ESC}[2J${ESC}]0;title${BEL}`);
    feed(store, [records.connecting('evil'), records.open('evil')]);
    feed(store, [
      records.event(
        'evil',
        1,
        JSON.stringify({
          event: 'node_started',
          task_id: 't',
          data: {id: 'n', node_id: 'n', node_type: 'llm', title: `LLM ${ESC}[31mred`},
        }),
      ),
      dify.reasoning('evil', 2, `think ${ESC}]52;c;ZWNobyBwd25lZA==${BEL}`),
      dify.message('evil', 3, `clear ${ESC}[2J${ESC}[H done\r\nline\u202Eevil\u009B6n\ttab`),
      dify.error('evil', 4, `bad ${ESC}]8;;https://evil.example${ESC}\\link`),
    ]);
    const app = await renderApp(store, {size: {columns: 160, rows: 20}, views: {evil: 'answer'}});
    const frame = await app.press('h');
    expect(frame).not.toMatch(raw);
    expect(frame).toContain('› ask \\x1b[2J\\x1b]0;title\\x07');
    expect(frame).toContain('think \\x1b]52;c;ZWNobyBwd25lZA==\\x07');
    expect(frame).toContain('clear \\x1b[2J\\x1b[H done');
    // CRLF is a line break; tabs are spaces; bidi overrides and C1 controls are escaped.
    expect(frame).toContain(' line\\u202eevil\\x9b6n    tab');
    expect(frame).toContain('bad \\x1b]8;;https://evil.example\\x1b\\link');
  });
});
