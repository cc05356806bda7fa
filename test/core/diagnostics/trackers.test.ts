import {describe, expect, it} from 'vitest';
import {ChunkTracker} from '../../../source/core/diagnostics/chunk-tracker.js';
import {bufferingHints} from '../../../source/core/diagnostics/header-hints.js';
import {IdTracker} from '../../../source/core/diagnostics/id-tracker.js';
import {requestView, shellArgument} from '../../../source/core/diagnostics/request-view.js';
import {DEFAULT_THRESHOLDS} from '../../../source/core/diagnostics/types.js';
import {parseStreamSpec} from '../../../source/core/stream-spec.js';

describe('IdTracker', () => {
  it('finds gaps in numeric-suffixed ids with the same prefix', () => {
    const ids = new IdTracker();
    for (const id of ['evt-39', 'evt-40', 'evt-41', 'evt-57', 'evt-58']) ids.changed(id);
    expect(ids.summary()).toMatchObject({numeric: 5, steps: 3, gaps: 1, missing: 15});
    expect(ids.largestGap).toEqual({from: 'evt-41', to: 'evt-57', missing: 15});
  });

  it('does not compare ids with different prefixes or without digits', () => {
    const ids = new IdTracker();
    for (const id of ['a-1', 'b-5', 'uuid-x', 'b-9']) ids.changed(id);
    expect(ids.summary()).toMatchObject({steps: 0, gaps: 0, backwards: 0});
  });

  it('tells a restart after a reconnect from ids going backwards within a connection', () => {
    const ids = new IdTracker();
    ids.connecting('');
    ids.changed('7');
    ids.changed('5');
    ids.connecting('5');
    ids.changed('6');
    ids.connecting('6');
    ids.changed('1');
    expect(ids.summary()).toMatchObject({
      backwards: 1,
      restarts: 1,
      lastRestart: {sent: '6', got: '1'},
    });
  });
});

describe('ChunkTracker', () => {
  const thresholds = {
    ...DEFAULT_THRESHOLDS,
    burstGapMs: 1000,
    burstWindowMs: 100,
    burstMinEvents: 5,
  };

  it('counts a burst: many events at once after a silence, then a silence', () => {
    const chunks = new ChunkTracker(thresholds);
    chunks.opened(0);
    chunks.chunk(500, 3000);
    for (let i = 0; i < 10; i++) chunks.event(3000 + i);
    chunks.settle(5000);
    expect(chunks.burstSummary()).toMatchObject({count: 1, events: 10, largestGapMs: 3000});
    expect(chunks.chunkSummary()).toMatchObject({
      count: 1,
      largestGapMs: 3000,
      mostEventsInChunk: 10,
    });
  });

  it('a steady flow that resumes after a pause is not a burst', () => {
    const chunks = new ChunkTracker(thresholds);
    chunks.opened(0);
    for (let t = 2000; t < 4000; t += 10) {
      chunks.chunk(50, t);
      chunks.event(t);
    }
    chunks.ended();
    expect(chunks.burstSummary().count).toBe(0);
  });
});

describe('header hints and curl', () => {
  it('quotes long hostile header values short', () => {
    const hints = bufferingHints({
      'content-encoding': `br${'x'.repeat(500)}`,
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    expect(hints).toHaveLength(1);
    expect(hints[0]!.length).toBeLessThan(120);
  });

  it('builds a curl command that a shell reads back literally, secrets as ${VAR}', () => {
    const spec = parseStreamSpec({
      name: 's',
      url: 'https://h.example/run',
      method: 'POST',
      headers: {'X-Api-Key': 'key-123456', 'X-Note': 'a "b" $HOME `x`'},
      body: {query: 'hi', token: 'key-123456'},
    });
    const view = requestView(spec, '');
    expect(view.curl).toContain('-X POST');
    expect(view.curl).toContain('-H "X-Api-Key: ${X_API_KEY}"');
    expect(view.curl).toContain('-H "X-Note: a \\"b\\" \\$HOME \\`x\\`"');
    expect(view.curl).toContain('--data-raw "{\\"query\\":\\"hi\\",\\"token\\":\\"${SECRET}\\"}"');
    expect(view.curl).not.toContain('key-123456');
    expect(view.headers).toContainEqual(['X-Api-Key', '[redacted]']);
    expect(view.bodyBytes).toBeGreaterThan(10);
    expect(shellArgument('plain-word')).toBe('plain-word');
  });
});
