import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {fixtureRecords} from '../core/dify-run/run-records.js';
import {KEYS, makeStore, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

/** A store whose one Dify stream ("test") has folded the fixture. */
function storeWith(fixture: string) {
  const store = makeStore(['test'], 500, {test: 'dify'});
  for (const record of fixtureRecords(fixture, 7)) store.ingest(record);
  return store;
}

describe('the run view (f)', () => {
  it('shows the header, nested iteration steps and parallel branches', async () => {
    const app = await renderApp(storeWith('chatflow-iteration-parallel.sse'), {
      size: {columns: 120, rows: 30},
    });
    const frame = await app.press('f');
    const lines = rows(frame);
    expect(lines.find((line) => line.startsWith('SUCCEEDED chatflow'))).toBeDefined();
    const steps = lines.filter((line) => /^ {4}#\d /.test(line));
    expect(steps).toHaveLength(3);
    expect(lines.filter((line) => line.includes('‖ '))).toHaveLength(3);
    // f again: back to the events.
    const back = await app.press('f');
    expect(rows(back).some((line) => line.startsWith('SUCCEEDED'))).toBe(false);
  });

  it('draws ASCII marks in a non-UTF-8 locale', async () => {
    const app = await renderApp(storeWith('chatflow-iteration-parallel.sse'), {
      size: {columns: 120, rows: 30},
      ascii: true,
    });
    const frame = await app.press('f');
    expect(rows(frame).filter((line) => line.includes('|| '))).toHaveLength(3);
    expect(frame).not.toContain('‖');
  });

  it('fills a paused form field by field, then the action, and submits it', async () => {
    const app = await renderApp(storeWith('human-input-paused.sse'), {
      size: {columns: 100, rows: 30},
    });
    let frame = await app.press('f');
    expect(frame).toContain('Human input: Approval');
    expect(frame).toContain('Please review the draft.');
    expect(frame).toContain('actions: approve (Approve), reject (Reject)');
    frame = await app.press('i');
    expect(frame).toContain('comment›');
    await app.press('ship it');
    frame = await app.press(KEYS.enter);
    expect(frame).toContain('action (approve/reject)›');
    await app.press('maybe');
    frame = await app.press(KEYS.enter);
    expect(frame).toContain('pick one of: approve, reject');
    expect(app.controls.calls).toEqual([]);
    for (let index = 0; index < 5; index++) await app.press(KEYS.backspace);
    await app.press('approve');
    await app.press(KEYS.enter);
    expect(app.controls.calls).toEqual(['submit-form test: approve {"comment":"ship it"}']);
  });

  it('Esc cancels the form; u asks to re-attach', async () => {
    const app = await renderApp(storeWith('human-input-paused.sse'), {
      size: {columns: 100, rows: 30},
    });
    await app.press('f');
    await app.press('i');
    const frame = await app.press(KEYS.escape);
    expect(frame).not.toContain('comment›');
    await app.press('u');
    expect(app.controls.calls).toEqual(['reattach test']);
  });

  it('shows the checks as warnings and marks a pane not in the run view', async () => {
    const store = storeWith(
      'chatflow-no-finish.sse'.replace('chatflow-no-finish', 'workflow-no-finish'),
    );
    const app = await renderApp(store, {size: {columns: 120, rows: 30}});
    let frame = await app.settle();
    expect(frame).toMatch(/run: \d+ warnings \(f\)/);
    frame = await app.press('f');
    expect(frame).toContain('⚑');
  });
});

describe('node details (zoomed run view, j/k + Enter)', () => {
  it('opens the selected node: pretty JSON with sizes; Esc goes back to the timeline', async () => {
    const app = await renderApp(storeWith('chatflow-iteration-parallel.sse'), {
      size: {columns: 100, rows: 40},
    });
    await app.press('f');
    await app.press(KEYS.enter);
    await app.press('g');
    let frame = await app.press(KEYS.enter);
    expect(frame).toContain('Esc back');
    expect(frame).toMatch(/(inputs|outputs) \(\d+(\.\d)? (B|KB)/);
    await app.press(KEYS.escape);
    frame = await app.settle();
    expect(frame).not.toMatch(/(inputs|outputs) \(\d/);
    expect(frame).toContain('Start start succeeded');
  });
});
