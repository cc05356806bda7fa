import {afterEach, describe, expect, it} from 'vitest';

// Colors need a color level in the test process (not a terminal); set it before Ink loads.
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
const {dify, feed} = await import('./answer-fixtures.js');
const {makeStore, records, renderApp} = await import('./helpers.js');

afterEach(() => cleanup());

/** The SGR codes written right before `text` in a frame. */
function stylesBefore(frame: string, text: string): string {
  const at = frame.indexOf(text);
  expect(at).toBeGreaterThan(0);
  // eslint-disable-next-line no-control-regex
  return /(?:\u001B\[[\d;]*m)*$/.exec(frame.slice(0, at))?.[0] ?? '';
}

const RED = '\u001B[31m';
const DIM = '\u001B[2m';

describe('answer view colors', () => {
  it('errors are red, reasoning is dim, the answer is plain', async () => {
    const store = makeStore(['chat'], 100, {chat: 'dify'});
    feed(store, [records.connecting('chat'), records.open('chat')]);
    feed(store, [
      dify.reasoning('chat', 1, 'Thinking it over.'),
      dify.message('chat', 2, 'Partial answer'),
      dify.error('chat', 3, 'Rate limit reached'),
    ]);
    const app = await renderApp(store, {
      size: {columns: 100, rows: 14},
      color: true,
      views: {chat: 'answer'},
    });
    const frame = await app.press('h');
    expect(stylesBefore(frame, 'completion_request_error (400): Rate limit reached')).toContain(
      RED,
    );
    expect(stylesBefore(frame, 'Thinking it over.')).toContain(DIM);
    const answer = stylesBefore(frame, 'Partial answer');
    expect(answer).not.toContain(RED);
    expect(answer).not.toContain(DIM);
  });
});
