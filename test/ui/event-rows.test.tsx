import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import {KEYS, makeStore, records, renderApp} from './helpers.js';

afterEach(() => cleanup());

describe('event rows of LLM streams', () => {
  it('show the Dify answer chunk and node progress first; the full JSON stays one key away', async () => {
    const store = makeStore(['dify']);
    const chunk = JSON.stringify({
      event: 'message',
      conversation_id: 'c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e01',
      message_id: 'm1',
      answer: 'Hello there',
    });
    const node = JSON.stringify({
      event: 'node_finished',
      conversation_id: 'c0ffee00',
      data: {title: 'LLM', node_type: 'llm', status: 'succeeded', elapsed_time: 1.234},
    });
    store.ingest(records.event('dify', 1, chunk));
    store.ingest(records.event('dify', 2, node));
    const app = await renderApp(store, {size: {columns: 80, rows: 20}});
    const frame = app.frame();
    expect(frame).toMatch(/message +"Hello there" {2}\{"event":"message"/);
    expect(frame).toMatch(/node_finished +LLM \(llm\) succeeded 1\.23s/);
    await app.press(KEYS.enter);
    await app.press('k');
    expect(await app.press('y')).toContain(
      '"conversation_id": "c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e01"',
    );
  });
});
