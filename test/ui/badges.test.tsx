import {afterEach, describe, expect, it} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {StreamRecord} from '../../source/core/records.js';
import {makeStore, records, renderApp, rows, T0} from './helpers.js';

afterEach(() => cleanup());

async function titleAfter(input: StreamRecord[], now = T0 + 1000, pause = false): Promise<string> {
  const store = makeStore(['s']);
  for (const record of input) store.ingest(record);
  if (pause) store.setPaused('s', true);
  const app = await renderApp(store, {size: {columns: 160, rows: 20}, now});
  return rows(app.frame())[0] ?? '';
}

describe('state badges', () => {
  it('IDLE before the first request', async () => {
    expect(await titleAfter([])).toContain(' IDLE ');
  });

  it('CONNECTING, with the attempt after the first', async () => {
    expect(await titleAfter([records.connecting('s')])).toContain(' CONNECTING ');
    expect(await titleAfter([records.connecting('s', 3)])).toContain(' CONNECTING (attempt 3) ');
  });

  it('OPEN once the response is an event stream', async () => {
    expect(await titleAfter([records.connecting('s'), records.open('s')])).toContain(' OPEN ');
  });

  it('RETRY with a countdown and the attempt out of the allowed retries', async () => {
    const retry = records.reconnecting('s', {
      delayMs: 3000,
      failures: 2,
      maxFailures: 5,
      at: T0 + 1000,
    });
    expect(await titleAfter([retry], T0 + 1000)).toContain(' RETRY in 3s (attempt 2/5) ');
    expect(await titleAfter([retry], T0 + 2500)).toContain(' RETRY in 2s (attempt 2/5) ');
    expect(await titleAfter([retry], T0 + 4000)).toContain(' RETRY now (attempt 2/5) ');
    const unlimited = records.reconnecting('s', {
      delayMs: 1500,
      failures: 1,
      maxFailures: Infinity,
      at: T0 + 1000,
    });
    expect(await titleAfter([unlimited], T0 + 1000)).toContain(' RETRY in 2s (attempt 1) ');
    const afterCleanEnd = records.reconnecting('s', {delayMs: 3000, failures: 0, at: T0 + 1000});
    expect(await titleAfter([afterCleanEnd], T0 + 1000)).toMatch(/ RETRY in 3s {2}/);
  });

  it('CLOSED with the reason', async () => {
    expect(await titleAfter([records.summary('s', 'completed', 'max events reached')])).toContain(
      ' CLOSED (max events reached) ',
    );
    expect(await titleAfter([records.summary('s', 'stopped', 'stopped')])).toContain(
      ' CLOSED (stopped) ',
    );
  });

  it('FAILED with the part a person needs; the whole message once, on one line in the pane', async () => {
    const error =
      'HTTP 401 Unauthorized (content type application/json): {"code":"unauthorized","message":"Access token is invalid","status":401}';
    const store = makeStore(['s']);
    store.ingest(records.failed('s', error, 401));
    store.ingest(records.summary('s', 'failed', error));
    const app = await renderApp(store, {size: {columns: 160, rows: 20}});
    const frame = app.frame();
    expect(rows(frame)[0]).toMatch(/ FAILED HTTP 401 +━/);
    const lines = rows(frame).filter((row) => row.includes('Access token is invalid'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      '· failed: HTTP 401: Access token is invalid · 0 events, 0 reconnects',
    );
    expect(frame).not.toContain('failed (HTTP 401');

    const notSse = await titleAfter([
      records.failed(
        's',
        'HTTP 200 OK with content type text/html; charset=utf-8, expected text/event-stream: <html>',
        200,
      ),
    ]);
    expect(notSse).toContain(' FAILED not SSE: text/html ');
    const plain = await titleAfter([
      records.failed('s', 'HTTP 404 Not Found (content type text/html)', 404),
    ]);
    expect(plain).toContain(' FAILED HTTP 404 ');
    const network = await titleAfter([
      records.failed('s', 'server closed the connection', undefined),
    ]);
    expect(network).toContain(' FAILED server closed the connection ');
  });

  it('the RETRY badge and the reconnecting line count down together', async () => {
    const retry = records.reconnecting('s', {
      delayMs: 1500,
      failures: 1,
      maxFailures: Infinity,
      at: T0 + 1000,
    });
    for (const [now, text] of [
      [T0 + 1000, 'in 2s'],
      [T0 + 1600, 'in 1s'],
    ] as const) {
      const store = makeStore(['s']);
      store.ingest(retry);
      const app = await renderApp(store, {size: {columns: 160, rows: 20}, now});
      const frame = rows(app.frame());
      expect(frame[0]).toContain(` RETRY ${text} (attempt 1) `);
      expect(frame.join('\n')).toContain(`· reconnecting ${text}: stream ended`);
      app.unmount();
    }
    const store = makeStore(['s']);
    store.ingest(retry);
    const app = await renderApp(store, {size: {columns: 160, rows: 20}, now: T0 + 3000});
    expect(app.frame()).toContain('· retried after 2s: stream ended');
  });

  it('PAUSED next to the connection badge, with the arrivals', async () => {
    const store = makeStore(['s']);
    store.ingest(records.open('s'));
    store.setPaused('s', true);
    store.ingest(records.event('s', 1, 'a'));
    store.ingest(records.event('s', 2, 'b'));
    const app = await renderApp(store, {size: {columns: 160, rows: 20}});
    expect(rows(app.frame())[0]).toMatch(/ OPEN {3}PAUSED \(\+2\) /);
    expect(await titleAfter([records.open('s')], T0 + 1000, true)).toMatch(/ OPEN {3}PAUSED /);
  });
});
