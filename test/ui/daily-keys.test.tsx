import {describe, expect, it} from 'vitest';
import {SseStream} from '../../source/core/sse-stream.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {parseStreamSpec, resolveStreamSpec} from '../../source/core/stream-spec.js';
import {makeStore, records, renderApp, rows} from './helpers.js';

/** R asks before re-sending POSTs; Y says when OSC 52 is off; Enter on a READY pane sends it. */

const footer = (frame: string): string => rows(frame).at(-1) ?? '';

describe('daily-driver keys', () => {
  it('R asks "re-send 2 POST requests? y/n": y re-sends, any other key does not', async () => {
    const app = await renderApp(makeStore(['a', 'b']));
    app.controls.bodyRequestCount = () => 2;
    let frame = await app.press('R');
    expect(footer(frame)).toContain('re-send 2 POST requests? y/n');
    expect(app.controls.calls).toEqual([]);
    // While asking, keys answer the question: q does not quit.
    frame = await app.press('q');
    expect(footer(frame)).toContain('not re-sent');
    expect(app.controls.calls).toEqual([]);
    await app.press('R');
    frame = await app.press('y');
    expect(app.controls.calls).toEqual(['reconnect-all']);
    expect(footer(frame)).toContain('reconnecting every stream');
  });

  it('R without POST streams reconnects at once', async () => {
    const app = await renderApp(makeStore(['a']));
    app.controls.bodyRequestCount = () => 0;
    await app.press('R');
    expect(app.controls.calls).toEqual(['reconnect-all']);
  });

  it('Y copies the newest event data, or says OSC 52 is off', async () => {
    const store = makeStore(['a']);
    store.ingest(records.connecting('a'));
    store.ingest(records.open('a'));
    store.ingest(records.event('a', 1, '{"n":1}', {type: 'tick'}));
    const app = await renderApp(store);
    const copied: string[] = [];
    app.controls.copyStreamText = (name, text) => {
      copied.push(`${name}: ${text}`);
      return 'copied';
    };
    let frame = await app.press('Y');
    expect(copied).toEqual(['a: {"n":1}']);
    expect(footer(frame)).toContain('copied the data of event #1 of a (OSC 52)');
    app.controls.copyStreamText = () => 'off';
    frame = await app.press('Y');
    expect(footer(frame)).toContain('not copied: OSC 52 is off for a');
  });

  it('Enter on a READY pane sends it; on a started pane it zooms', async () => {
    const store = makeStore(['a']);
    const app = await renderApp(store);
    let frame = await app.press('\r');
    // Not READY (no autostart: false): Enter zooms.
    expect(app.controls.calls).toEqual([]);
    expect(frame).toContain('━ 1 a');
    // A READY stream: the store marks it when configured so and attached.
    const readyStore = createStreamStore({streams: [{name: 'b', ready: true}]});
    const controller = new SseStream(
      resolveStreamSpec(
        parseStreamSpec({
          name: 'b',
          url: 'http://127.0.0.1:9/v1/chat-messages',
          method: 'POST',
          auth: {type: 'bearer', token: 'app-SECRET-token'},
          body: {query: 'hello there', inputs: {}},
        }),
      ),
    );
    readyStore.attach([controller]);
    readyStore.flush();
    const second = await renderApp(readyStore);
    frame = second.frame();
    expect(frame).toContain('READY');
    expect(frame).toContain('POST http://127.0.0.1:9/v1/chat-messages');
    expect(frame).toContain('› hello there');
    expect(frame).not.toContain('app-SECRET-token');
    frame = await second.press('\r');
    expect(second.controls.calls).toEqual(['reconnect b']);
    expect(footer(frame)).toContain('sending b');
  });
});
