import {describe, expect, it} from 'vitest';
import {ReplayStream} from '../../source/core/recording/replay-stream.js';
import type {StreamRecord} from '../../source/core/records.js';
import {parseStreamSpec, resolveStreamSpec} from '../../source/core/stream-spec.js';

const resolved = resolveStreamSpec(parseStreamSpec({name: 's', url: 'http://x.invalid/'}));

function event(t: number, n: number): StreamRecord {
  const base = {stream: 's', timestamp: t, bytesReceived: n * 10};
  return {
    ...base,
    type: 'event',
    eventNumber: n,
    eventType: 'tick',
    data: `d${n}`,
    eventId: `${n}`,
  };
}

describe('ReplayStream', () => {
  it('emits the records with timestamps shifted to its start, then its summary', async () => {
    const stream = new ReplayStream(resolved, [event(0, 1), event(5, 2)], {
      speed: Number.POSITIVE_INFINITY,
      loop: false,
      now: () => 1000,
    });
    const seen: StreamRecord[] = [];
    stream.subscribe((record) => seen.push(record));
    const summary = await stream.start();
    expect(seen.map((record) => [record.type, record.timestamp])).toEqual([
      ['event', 1000],
      ['event', 1005],
      ['summary', 1000],
    ]);
    // No summary in the recording (a killed recorder): one is made up, saying so.
    expect(summary).toMatchObject({
      status: 'stopped',
      reason: 'the recording ends before the summary',
      totalEvents: 2,
      lastEventId: '2',
      bytesReceived: 20,
      eventsByType: {tick: 2},
    });
    expect(stream.running).toBe(false);
  });

  it('stop() ends a replay waiting out a long (clamped) gap, with a stopped summary', async () => {
    const stream = new ReplayStream(resolved, [event(0, 1), event(1e15, 2)], {
      speed: 1,
      loop: false,
    });
    const seen: StreamRecord[] = [];
    stream.subscribe((record) => {
      seen.push(record);
      if (record.type === 'event') setImmediate(() => stream.stop());
    });
    const summary = await stream.start();
    expect(seen.map((record) => record.type)).toEqual(['event', 'summary']);
    expect(summary).toMatchObject({status: 'stopped', reason: 'replay stopped', totalEvents: 1});
    stream.reconnect();
    expect(stream.running).toBe(false);
  });

  it('--loop plays the records again until stopped', async () => {
    const stream = new ReplayStream(resolved, [event(0, 1)], {
      speed: Number.POSITIVE_INFINITY,
      loop: true,
    });
    let events = 0;
    stream.subscribe((record) => {
      if (record.type === 'event' && ++events === 3) stream.stop();
    });
    await stream.start();
    expect(events).toBe(3);
  });

  it('waits for a consumer that is behind before each record', async () => {
    let release: () => void = () => undefined;
    let blocked: Promise<void> | undefined = new Promise<void>((resolve) => (release = resolve));
    const stream = new ReplayStream(resolved, [event(0, 1), event(0, 2)], {
      speed: Number.POSITIVE_INFINITY,
      loop: false,
      waitForConsumer: () => blocked,
    });
    const seen: StreamRecord[] = [];
    stream.subscribe((record) => seen.push(record));
    const done = stream.start();
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toHaveLength(0);
    blocked = undefined;
    release();
    await done;
    expect(seen.filter((record) => record.type === 'event')).toHaveLength(2);
  });
});
