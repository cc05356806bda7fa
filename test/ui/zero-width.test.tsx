import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {makeStore, records, renderApp, rows} from './helpers.js';

afterEach(() => cleanup());

const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/;

/** The display column where `text` starts on the row that holds it. */
function columnOf(frame: string, text: string): number {
  const row = rows(frame).find((line) => line.includes(text));
  expect(row).toBeDefined();
  return stringWidth(row!.slice(0, row!.indexOf(text)));
}

async function renderTwoPanes(leftData: string): Promise<string> {
  const store = makeStore(['left', 'right']);
  store.ingest(records.event('left', 1, leftData));
  store.ingest(records.event('right', 1, 'RIGHT pane text'));
  const app = await renderApp(store, {size: {columns: 140, rows: 30}});
  const frame = app.frame();
  cleanup();
  return frame;
}

describe('zero-width characters in event data', () => {
  it('are shown as escapes and never shift the neighbouring pane', async () => {
    const baseline = await renderTwoPanes('plain width MARK');
    const frame = await renderTwoPanes('zero\u200b\u200c\u200d\u2060\ufeffwidth MARK');
    expect(frame).not.toMatch(zeroWidth);
    expect(frame).toContain('zero\\u200b\\u200c\\u200d\\u2060\\ufeffwidth MARK');
    expect(columnOf(frame, 'RIGHT pane text')).toBe(columnOf(baseline, 'RIGHT pane text'));
    for (const line of rows(frame)) expect(stringWidth(line)).toBeLessThanOrEqual(140);
  });
});
