import {describe, expect, it} from 'vitest';
import {DiagnosticsCollector} from '../../source/core/diagnostics/collector.js';
import type {StreamRecord} from '../../source/core/records.js';
import {displayWidth} from '../../source/core/display-text.js';
import {KEYS, makeStore, records, renderApp, rows, T0} from './helpers.js';

const HOSTILE = '\u001B[31mid-';

/** Feeds `list` to a real collector and returns its diagnostics record. */
function diagnosticsRecord(stream: string, list: StreamRecord[], at: number): StreamRecord {
  const collector = new DiagnosticsCollector({idleTimeoutMs: 45_000});
  for (const record of list) collector.observe(record);
  const {diagnostics} = collector.snapshot(at);
  return {stream, timestamp: at, bytesReceived: 0, type: 'diagnostics', diagnostics};
}

/** A stream whose ids restarted after a reconnect, with a hostile id. */
function storeWithFinding() {
  const store = makeStore(['feed', 'quiet']);
  const list: StreamRecord[] = [
    records.connecting('feed', 1, T0),
    records.open('feed', T0 + 20),
    records.event('feed', 1, 'a', {id: `${HOSTILE}9`}),
    records.event('feed', 2, 'b', {id: `${HOSTILE}10`}),
    {
      ...records.reconnecting('feed', {at: T0 + 400, delayMs: 1500}),
      delaySource: 'retry',
    } as StreamRecord,
    {...records.connecting('feed', 2, T0 + 1900), lastEventId: `${HOSTILE}10`} as StreamRecord,
    records.open('feed', T0 + 1920, 2),
    records.event('feed', 3, 'c', {id: `${HOSTILE}1`, at: T0 + 1950}),
  ];
  for (const record of list) store.ingest(record);
  store.ingest(diagnosticsRecord('feed', list, T0 + 1960));
  store.ingest(records.connecting('quiet', 1, T0));
  return store;
}

describe('details view (D) and findings marker', () => {
  it('marks the pane title of a stream with a finding, not the healthy one', async () => {
    const app = await renderApp(storeWithFinding(), {size: {columns: 120, rows: 40}});
    const title = rows(app.frame()).find((row) => row.includes('1 feed')) ?? '';
    const [feed, quiet] = title.split(/(?=─ 2 quiet)/);
    expect(feed).toContain('1 feed  OPEN  ⚑');
    expect(quiet).toContain('2 quiet');
    expect(quiet).not.toContain('⚑');
  });

  it('D opens the zoomed details with findings, request (redacted), timings and history', async () => {
    const app = await renderApp(storeWithFinding(), {size: {columns: 120, rows: 40}});
    const frame = await app.press('D');
    expect(frame).toContain('details · rows 1-');
    expect(frame).toContain('! server ignores Last-Event-ID');
    // The ids carry an escape sequence: shown as visible text, never sent to the terminal.
    expect(frame).toContain('sent Last-Event-ID: \\x1b[31mid-10, the next id was \\x1b[31mid-1');
    expect(frame).toContain('fix: make the server resume after the Last-Event-ID');
    expect(frame).toContain('GET https://api.example.com/feed?api_key=[redacted]');
    expect(frame).toContain('Authorization: [redacted]');
    expect(frame).not.toContain('sk-live-TOKEN-1234');
    expect(frame).not.toContain('\u001B[31m');
    expect(frame).toContain('HTTP 200 text/event-stream');
    const scrolled = await app.press('G');
    expect(scrolled).toContain('Reconnect history (2 attempts');
    expect(scrolled).toMatch(/1 +10:00:00 +- +200 +20ms +2 +1\.5s retry +stream ended/);
    expect(scrolled).toMatch(/2 +10:00:01 +\\x1b\[31m… +200 +20ms +1 +- +open/);
    expect(await app.press(KEYS.escape)).not.toContain('details · rows');
  });

  it('C copies the request as curl with ${VAR} in place of secrets', async () => {
    const app = await renderApp(storeWithFinding(), {size: {columns: 120, rows: 40}});
    const frame = await app.press('C');
    const copy = app.controls.calls.find((call) => call.startsWith('copy '));
    expect(copy).toBeDefined();
    expect(copy).toContain('curl -N -H "Accept: text/event-stream"');
    expect(copy).toContain('-H "Authorization: Bearer ${API_TOKEN}"');
    expect(copy).toContain('"https://api.example.com/feed?api_key=${SECRET}"');
    expect(copy).not.toContain('sk-');
    expect(frame).toContain("copied feed's request as curl");
  });

  it('fits 60x20 and 120x40: no row wider than the terminal', async () => {
    for (const size of [
      {columns: 60, rows: 20},
      {columns: 120, rows: 40},
    ]) {
      const app = await renderApp(storeWithFinding(), {size});
      const frame = await app.press('D');
      expect(frame).toContain('! server ignores Last-Event-ID');
      const lines = rows(frame);
      expect(lines.length).toBeLessThanOrEqual(size.rows);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(size.columns);
      for (let page = 0; page < 4; page++) {
        for (const line of rows(await app.press(' '))) {
          expect(displayWidth(line)).toBeLessThanOrEqual(size.columns);
        }
      }
      app.unmount();
    }
  });
});
