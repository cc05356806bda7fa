import {afterEach, describe, expect, it} from 'vitest';

// Colors need a color level in the test process (not a terminal); set it before Ink loads.
process.env['FORCE_COLOR'] = '1';
const {cleanup} = await import('ink-testing-library');
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
const YELLOW = '\u001B[33m';
const DIM = '\u001B[2m';

function feedLevels() {
  const store = makeStore(['s']);
  store.ingest(records.open('s'));
  store.ingest(records.event('s', 1, 'disk full', {type: 'error'}));
  store.ingest(records.event('s', 2, '{"level":"warn","msg":"slow disk"}'));
  store.ingest(records.event('s', 3, 'plain info line'));
  store.ingest(records.event('s', 4, '[debug] tick detail'));
  store.ingest(records.event('s', 5, 'ERROR token line'));
  return store;
}

describe('log level colours', () => {
  it('error red, warn yellow, info default, debug dim', async () => {
    const app = await renderApp(feedLevels(), {size: {columns: 120, rows: 20}, color: true});
    const frame = app.frame();
    expect(stylesBefore(frame, 'disk full')).toContain(RED);
    expect(stylesBefore(frame, 'ERROR token line')).toContain(RED);
    expect(stylesBefore(frame, '{"level":"warn"')).toContain(YELLOW);
    expect(stylesBefore(frame, '[debug] tick detail')).toContain(DIM);
    const info = stylesBefore(frame, 'plain info line');
    expect(info).not.toContain(RED);
    expect(info).not.toContain(YELLOW);
    expect(info).not.toContain(DIM);
  });

  it('NO_COLOR removes every colour', async () => {
    const app = await renderApp(feedLevels(), {size: {columns: 120, rows: 20}, color: false});
    // eslint-disable-next-line no-control-regex
    expect(app.frame()).not.toMatch(/\u001B\[(?:3\d|4\d|9\d|10\d)m/);
  });
});
