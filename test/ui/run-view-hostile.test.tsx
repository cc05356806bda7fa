import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {recordsFromChunks} from '../core/answer/sse-records.js';
import {readRunFixture} from '../core/dify-run/run-records.js';
import {hostileCodePoints} from '../helpers/hostile-text.js';
import {KEYS, makeStore, renderApp} from './helpers.js';

afterEach(() => cleanup());

/** What a hostile server appends to every text field a person reads in the run view. */
const HOSTILE =
  '\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\u202eevil' +
  String.fromCodePoint(...hostileCodePoints);

/** Text fields of Dify events that the run view draws (never ids, event names or types). */
const DRAWN = new Set([
  'title',
  'node_title',
  'error',
  'form_content',
  'output_variable_name',
  'thought',
  'observation',
  'tool',
  'tool_input',
  'answer',
]);

function poison(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return DRAWN.has(key) ? value + HOSTILE : value;
  if (Array.isArray(value)) return value.map((item) => poison(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, poison(item, name)]),
    );
  }
  return value;
}

/** The fixture with every drawn text field made hostile, as SSE bytes. */
function hostileFixture(name: string): Uint8Array {
  const text = new TextDecoder().decode(readRunFixture(name));
  const lines = text.split('\n').map((line) => {
    if (!line.startsWith('data: {')) return line;
    return `data: ${JSON.stringify(poison(JSON.parse(line.slice(6))))}`;
  });
  return new TextEncoder().encode(lines.join('\n'));
}

function storeWith(fixture: string) {
  const store = makeStore(['test'], 500, {test: 'dify'});
  for (const record of recordsFromChunks([hostileFixture(fixture)])) store.ingest(record);
  return store;
}

/** Code points a terminal would act on, or that hide or reorder text. */
function dangerous(frame: string): string[] {
  const bad = new Set([0x1b, 0x07, ...hostileCodePoints]);
  return [...frame]
    .filter((char) => bad.has(char.codePointAt(0) ?? 0))
    .map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

describe('the run view against a hostile server', () => {
  it.each([
    'chatflow-failed-node.sse',
    'agent-two-tools.sse',
    'human-input-paused.sse',
    'chatflow-iteration-parallel.sse',
  ])('%s: no escape, C1, bidi or zero-width character reaches the screen', async (fixture) => {
    const app = await renderApp(storeWith(fixture), {size: {columns: 120, rows: 40}});
    const timeline = await app.press('f');
    expect(timeline).toContain('evil');
    expect(dangerous(timeline)).toEqual([]);
    // The zoomed view and a node's details (inputs, outputs, error) too.
    await app.press(KEYS.enter);
    await app.press('j');
    const detail = await app.press(KEYS.enter);
    expect(dangerous(detail)).toEqual([]);
  });
});
