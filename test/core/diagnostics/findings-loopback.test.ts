import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {StreamDiagnostics} from '../../../source/core/diagnostics/types.js';
import {startDemoServer, type DemoServer} from '../../../source/demo/server.js';
import {runStream} from '../../helpers/streams.js';

/**
 * Every finding against the real demo server on 127.0.0.1, with small
 * thresholds so each run takes a second or two. The healthy ticker gets none.
 */
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo.close();
});

const fast = {burstGapMs: 300, burstWindowMs: 100, keepAliveOnlyMs: 600};

async function diagnose(
  path: string,
  input: Record<string, unknown> = {},
): Promise<StreamDiagnostics> {
  const {summary} = await runStream(
    {url: `${demo.url}${path}`, maxDuration: 3, ...input},
    {diagnostics: fast},
  );
  if (!summary.diagnostics) throw new Error('summary without diagnostics');
  return summary.diagnostics;
}

const names = (diagnostics: StreamDiagnostics) =>
  diagnostics.findings.map((finding) => finding.name);

describe('diagnostics findings (real loopback streams)', () => {
  it('the healthy ticker gets none, and its timings, chunks and ids are measured', async () => {
    const diagnostics = await diagnose('/ticker?interval=30', {maxEvents: 40});
    expect(diagnostics.findings).toEqual([]);
    expect(diagnostics.timings.headersMs).toBeGreaterThanOrEqual(0);
    expect(diagnostics.timings.firstByteMs).toBeGreaterThanOrEqual(diagnostics.timings.headersMs!);
    expect(diagnostics.timings.firstEventMs).toBeGreaterThanOrEqual(0);
    expect(diagnostics.chunks.count).toBeGreaterThanOrEqual(40);
    expect(diagnostics.bursts.count).toBe(0);
    expect(diagnostics.ids).toMatchObject({numeric: 40, steps: 39, gaps: 0, restarts: 0});
    expect(diagnostics.history).toHaveLength(1);
    expect(diagnostics.history[0]).toMatchObject({attempt: 1, httpStatus: 200, events: 40});
    expect(diagnostics.httpVersion).toBeUndefined();
  });

  it('"buffered upstream" for bursts after silences, naming the missing headers', async () => {
    const diagnostics = await diagnose('/buffered?interval=20&flush=500', {maxEvents: 75});
    expect(names(diagnostics)).toEqual(['buffered upstream']);
    const [finding] = diagnostics.findings;
    expect(finding?.evidence).toMatch(
      /^\d+ of 75 events arrived in \d+ bursts \(largest: \d+ events/,
    );
    expect(finding?.evidence).toContain('no X-Accel-Buffering: no');
    expect(finding?.evidence).toContain('Cache-Control: no-cache (no no-transform)');
    expect(finding?.evidence).toContain('HTTP version not known');
    expect(finding?.fix).toContain('proxy_buffering off');
    expect(diagnostics.bursts.count).toBeGreaterThanOrEqual(2);
  });

  it('"buffered upstream" names a compressed body (really gzip, decoded by fetch)', async () => {
    const diagnostics = await diagnose('/buffered?interval=20&flush=500&gzip=1', {maxEvents: 75});
    expect(names(diagnostics)).toEqual(['buffered upstream']);
    expect(diagnostics.findings[0]?.evidence).toContain('compressed body (Content-Encoding: gzip)');
    expect(diagnostics.findings[0]?.fix).toMatch(/^turn off compression/);
  });

  it('"only keep-alives" for a stream that only pings', async () => {
    const diagnostics = await diagnose('/pings?interval=100', {maxDuration: 1});
    expect(names(diagnostics)).toEqual(['only keep-alives']);
    expect(diagnostics.findings[0]?.evidence).toMatch(
      /^only keep-alives for [\d.]+ s: \d+ keep-alives and no event since the start, one every ~0\.1 s$/,
    );
    expect(diagnostics.keepAlives.count).toBeGreaterThanOrEqual(8);
    expect(diagnostics.lastEventAt).toBeUndefined();
    expect(diagnostics.lastByteAt).toBeGreaterThan(0);
  });

  it('"server ignores Last-Event-ID" when ids restart after a reconnect', async () => {
    const diagnostics = await diagnose('/forgetful?every=3&interval=5', {maxEvents: 7});
    expect(names(diagnostics)).toEqual(['server ignores Last-Event-ID']);
    expect(diagnostics.findings[0]?.evidence).toBe(
      'sent Last-Event-ID: 3, the next id was 1 (2 reconnects)',
    );
    expect(diagnostics.history.map((entry) => entry.lastEventIdSent)).toEqual(['', '3', '3']);
    expect(diagnostics.history[0]).toMatchObject({
      end: 'stream ended',
      delaySource: 'reconnection-time',
    });
  });

  it('"ids skipped" with the largest gap', async () => {
    const diagnostics = await diagnose('/skipping?interval=5&every=3&skip=5', {maxEvents: 10});
    expect(names(diagnostics)).toEqual(['ids skipped']);
    expect(diagnostics.findings[0]?.evidence).toBe(
      'ids 3→9: 5 missing; 3 gaps, 15 ids missing in all',
    );
  });

  it('"reconnect loop" for connections that open and deliver nothing', async () => {
    const diagnostics = await diagnose('/empty', {retries: 4});
    expect(names(diagnostics)).toEqual(['reconnect loop']);
    expect(diagnostics.findings[0]?.evidence).toMatch(
      /^5 connections in a row opened and delivered no events over [\d.]+ s; last: stream ended without events 5 times in a row$/,
    );
    expect(diagnostics.attempts).toBe(5);
    expect(diagnostics.history.slice(0, 4).map((entry) => entry.delaySource)).toEqual([
      'backoff',
      'backoff',
      'backoff',
      'backoff',
    ]);
  });

  it('"idle timeout shorter than keep-alive interval" when pings come slower than the idle timeout', async () => {
    const diagnostics = await diagnose('/pings?interval=700', {idleTimeout: 0.3, maxDuration: 1.5});
    expect(names(diagnostics)).toContain('idle timeout shorter than keep-alive interval');
    const finding = diagnostics.findings.find((item) => item.name.startsWith('idle'));
    expect(finding?.evidence).toMatch(
      /^idle timeout \(0\.3 s\) hit \d+ times on connections that were sending keep-alives$/,
    );
    expect(finding?.fix).toContain('--idle-timeout');
    expect(diagnostics.idleTimeouts).toBeGreaterThanOrEqual(2);
  });
});
