import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {RecordListener, StreamRecord, SummaryRecord} from '../../source/core/records.js';
import {eventsPerSecond} from '../../source/core/store/rate.js';
import {RingBuffer} from '../../source/core/store/ring-buffer.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {applyFilter} from '../../source/core/store/filter.js';
import type {StreamController} from '../../source/core/stream-controller.js';
import {parseStreamSpec, resolveStreamSpec} from '../../source/core/stream-spec.js';
import {records, T0} from '../ui/fixtures.js';

describe('RingBuffer', () => {
  it('keeps only the newest items, oldest first', () => {
    const ring = new RingBuffer<number>(3);
    expect([1, 2, 3].map((n) => ring.push(n))).toEqual([false, false, false]);
    expect(ring.push(4)).toBe(true);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(ring.size).toBe(3);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

describe('stream store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('bounds each stream by its buffer size and counts what fell out', () => {
    const store = createStreamStore({
      streams: [{name: 'a', bufferSize: 5}, {name: 'b'}],
      bufferSize: 8,
    });
    for (let n = 1; n <= 20; n++) {
      store.ingest(records.event('a', n, `a${n}`));
      store.ingest(records.event('b', n, `b${n}`));
    }
    store.flush();
    const a = store.getSnapshot('a');
    expect(a.entries.map((entry) => entry.line)).toEqual(['a16', 'a17', 'a18', 'a19', 'a20']);
    expect(a.dropped).toBe(15);
    expect(a.counters.events).toBe(20);
    expect(store.getSnapshot('b').entries).toHaveLength(8);
  });

  it('coalesces many records into one notification per interval', () => {
    let now = T0;
    const store = createStreamStore({streams: [{name: 'a'}], notifyIntervalMs: 50, now: () => now});
    const listener = vi.fn();
    store.subscribe(listener);
    for (let n = 1; n <= 500; n++) store.ingest(records.event('a', n, 'x'));
    expect(listener).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot('a').counters.events).toBe(500);
    // The next batch waits for the rest of the interval.
    now += 10;
    for (let n = 501; n <= 600; n++) store.ingest(records.event('a', n, 'x'));
    vi.advanceTimersByTime(39);
    expect(listener).toHaveBeenCalledTimes(1);
    now += 40;
    vi.advanceTimersByTime(1);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(store.getSnapshot('a').counters.events).toBe(600);
  });

  it('publishes nothing before flush(), and flush() notifies synchronously', () => {
    const store = createStreamStore({streams: [{name: 'a'}]});
    const listener = vi.fn();
    store.subscribe(listener);
    store.ingest(records.event('a', 1, 'x'));
    expect(store.getSnapshot('a').counters.events).toBe(0);
    store.flush();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot('a').counters.events).toBe(1);
    store.flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the snapshot object of an unchanged stream, so memoized panes skip work', () => {
    const store = createStreamStore({streams: [{name: 'a'}, {name: 'b'}]});
    store.ingest(records.event('a', 1, 'x'));
    store.ingest(records.event('b', 1, 'y'));
    store.flush();
    const a1 = store.getSnapshot('a');
    const b1 = store.getSnapshot('b');
    const overview1 = store.getOverviewSnapshot();
    expect(store.getSnapshot('a')).toBe(a1);
    store.ingest(records.event('a', 2, 'x'));
    store.flush();
    expect(store.getSnapshot('a')).not.toBe(a1);
    expect(store.getSnapshot('b')).toBe(b1);
    expect(store.getOverviewSnapshot()).not.toBe(overview1);
    expect(store.getOverviewSnapshot().names).toBe(overview1.names);
    // A keep-alive changes counters but not the entries array.
    const a2 = store.getSnapshot('a');
    store.ingest({...records.event('a', 3, ''), type: 'keepalive', kind: 'ping'} as StreamRecord);
    store.flush();
    expect(store.getSnapshot('a')).not.toBe(a2);
    expect(store.getSnapshot('a').entries).toBe(a2.entries);
    expect(store.getSnapshot('missing')).toBe(store.getSnapshot('missing'));
  });

  it('tracks the badge state through a run', () => {
    const store = createStreamStore({streams: [{name: 's'}]});
    const kind = () => (store.flush(), store.getSnapshot('s').connection);
    expect(kind()).toEqual({kind: 'idle'});
    store.ingest(records.connecting('s'));
    expect(kind()).toEqual({kind: 'connecting', attempt: 1});
    store.ingest(records.open('s'));
    expect(kind()).toMatchObject({kind: 'open', httpStatus: 200});
    store.ingest(
      records.reconnecting('s', {delayMs: 3000, failures: 2, maxFailures: 5, at: T0 + 1000}),
    );
    expect(kind()).toMatchObject({kind: 'retry', retryAt: T0 + 4000, failures: 2, maxFailures: 5});
    store.ingest(
      records.failed(
        's',
        'HTTP 401 Unauthorized (content type application/json): {"code":"unauthorized","message":"Access token is invalid","status":401}',
        401,
      ),
    );
    expect(kind()).toEqual({
      kind: 'failed',
      message: 'HTTP 401: Access token is invalid',
      short: 'HTTP 401',
      httpStatus: 401,
    });
    store.ingest(records.summary('s', 'failed', 'HTTP 401 ...'));
    expect(kind()).toMatchObject({kind: 'failed', message: 'HTTP 401: Access token is invalid'});
    expect(store.getSnapshot('s').running).toBe(false);
    store.ingest(records.connecting('s'));
    store.ingest(records.summary('s', 'completed', 'stream ended'));
    expect(kind()).toEqual({kind: 'closed', status: 'completed', reason: 'stream ended'});
    const lines = store.getSnapshot('s').entries.map((entry) => `${entry.kind}:${entry.line}`);
    expect(lines).toEqual([
      'notice:connected: HTTP 200 text/event-stream in 20ms',
      'notice:reconnecting in 3s: stream ended',
      'notice:failed: HTTP 401: Access token is invalid · 0 events, 0 reconnects',
      'notice:completed (stream ended): 0 events in 5 s, 0 reconnects',
    ]);
  });

  it('pauses the display: entries stay frozen while counters and arrivals keep counting', () => {
    const store = createStreamStore({streams: [{name: 'a', bufferSize: 3}]});
    for (let n = 1; n <= 3; n++) store.ingest(records.event('a', n, `e${n}`));
    store.setPaused('a', true);
    for (let n = 4; n <= 10; n++) store.ingest(records.event('a', n, `e${n}`));
    store.flush();
    const paused = store.getSnapshot('a');
    expect(paused.paused).toBe(true);
    expect(paused.pausedArrivals).toBe(7);
    expect(paused.counters.events).toBe(10);
    expect(paused.entries.map((entry) => entry.line)).toEqual(['e1', 'e2', 'e3']);
    store.setPaused('a', false);
    store.flush();
    const resumed = store.getSnapshot('a');
    expect(resumed.paused).toBe(false);
    expect(resumed.pausedArrivals).toBe(0);
    expect(resumed.entries.map((entry) => entry.line)).toEqual(['e8', 'e9', 'e10']);
  });

  it('clears a buffer but keeps counting', () => {
    const store = createStreamStore({streams: [{name: 'a'}]});
    store.ingest(records.event('a', 1, 'x'));
    store.clear('a');
    store.ingest(records.event('a', 2, 'y'));
    store.flush();
    const snapshot = store.getSnapshot('a');
    expect(snapshot.entries.map((entry) => [entry.seq, entry.line])).toEqual([[2, 'y']]);
    expect(snapshot.counters.events).toBe(2);
  });

  it('bounds data at ingest: a 5 MB event keeps a short line and a capped copy', () => {
    const store = createStreamStore({streams: [{name: 'a'}], dataCap: 1000});
    const huge = `{"text":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    store.ingest(records.event('a', 1, huge));
    store.flush();
    const [entry] = store.getSnapshot('a').entries;
    expect(entry?.data).toHaveLength(1000);
    expect(entry?.dataLength).toBe(huge.length);
    expect(entry?.line.length).toBeLessThanOrEqual(1025);
  });

  it('counts events per second over the last seconds and decays when quiet', () => {
    let now = T0;
    const store = createStreamStore({streams: [{name: 'a'}], now: () => now});
    for (let n = 1; n <= 50; n++) {
      now = T0 + n * 100;
      store.ingest(records.event('a', n, 'x'));
    }
    store.flush();
    const {rate} = store.getSnapshot('a');
    expect(eventsPerSecond(rate, T0 + 5000)).toBeCloseTo(10, 0);
    expect(eventsPerSecond(rate, T0 + 60_000)).toBe(0);
  });

  it('filters by substring or /regex/ over type and data, with a match count', () => {
    const store = createStreamStore({streams: [{name: 'a'}]});
    store.ingest(records.event('a', 1, 'disk full', {type: 'error'}));
    store.ingest(records.event('a', 2, 'all good', {type: 'info'}));
    store.ingest(records.event('a', 3, 'ERROR: retry', {type: 'warn'}));
    store.flush();
    const {entries} = store.getSnapshot('a');
    expect(applyFilter(entries, 'error').matches).toBe(2);
    expect(applyFilter(entries, '/^info$/').matches).toBe(1);
    expect(applyFilter(entries, '/error/').matches).toBe(1);
    expect(applyFilter(entries, '/error/i').matches).toBe(2);
    expect(applyFilter(entries, '/[/')).toMatchObject({
      matches: undefined,
      error: expect.any(String),
    });
    expect(applyFilter(entries, '').entries).toBe(entries);
  });
});

describe('attach and export', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssedeck-store-'));
  });
  afterEach(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  function fakeController(name: string, token: string) {
    const listeners = new Set<RecordListener>();
    const controller: StreamController = {
      name,
      resolved: resolveStreamSpec(
        parseStreamSpec({name, url: 'http://127.0.0.1/x', auth: {type: 'bearer', token}}),
      ),
      running: false,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      start: () => Promise.resolve(records.summary(name, 'completed', 'done') as SummaryRecord),
      stop: () => undefined,
      reconnect: () => undefined,
    };
    return {
      controller,
      emit: (record: StreamRecord) => listeners.forEach((listener) => listener(record)),
      listeners,
    };
  }

  it('subscribes to controllers, redacts their secrets, and detaches', () => {
    const store = createStreamStore();
    const {controller, emit, listeners} = fakeController('dify', 'app-secret-token-123');
    const detach = store.attach([controller]);
    emit(records.event('dify', 1, 'echo: Bearer app-secret-token-123'));
    store.flush();
    const [entry] = store.getSnapshot('dify').entries;
    expect(entry?.line).toBe('echo: Bearer [redacted]');
    expect(store.getOverviewSnapshot().names).toEqual(['dify']);
    detach();
    expect(listeners.size).toBe(0);
  });

  it('exports buffered records as NDJSON in the headless contract, never overwriting', async () => {
    const store = createStreamStore();
    const {controller, emit} = fakeController('s', 'sk-very-secret');
    store.attach([controller]);
    emit(records.open('s'));
    emit(records.event('s', 1, '{"a":1}', {type: 'tick', id: '7'}));
    emit(records.event('s', 2, 'token sk-very-secret', {type: 'tick'}));
    const path = join(dir, 'out.ndjson');
    const first = await store.exportEvents('s', path);
    expect(first).toEqual({path, count: 3});
    const lines = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({type: 'status', state: 'open', http_status: 200});
    expect(lines[1]).toMatchObject({
      type: 'event',
      stream: 's',
      event_number: 1,
      event_type: 'tick',
      data: '{"a":1}',
      event_id: '7',
    });
    expect(lines[2]).toMatchObject({data: 'token [redacted]'});
    const second = await store.exportEvents('s', path, (entry) => entry.kind === 'event');
    expect(second).toEqual({path: join(dir, 'out-2.ndjson'), count: 2});
  });
});

describe('event type labels', () => {
  it('shows the name inside Dify and Responses JSON for SSE "message" events, keeping the raw type', () => {
    const store = createStreamStore({streams: [{name: 'd'}], notifyIntervalMs: 1_000_000});
    const event = (eventType: string, data: string, eventNumber: number) =>
      store.ingest({
        type: 'event',
        stream: 'd',
        timestamp: 0,
        bytesReceived: 0,
        eventNumber,
        eventType,
        data,
        eventId: '',
      });
    event('message', '{"event":"node_started","data":{}}', 1);
    event('message', '{"type":"response.output_text.delta","delta":"x"}', 2);
    event('ping', '{"event":"node_started"}', 3);
    event('message', 'plain text', 4);
    store.flush();
    const entries = store.getSnapshot('d').entries.filter((entry) => entry.kind === 'event');
    expect(entries.map((entry) => [entry.typeLabel, entry.eventType])).toEqual([
      ['node_started', 'message'],
      ['response.output_text.delta', 'message'],
      ['ping', 'ping'],
      ['message', 'message'],
    ]);
  });
});
