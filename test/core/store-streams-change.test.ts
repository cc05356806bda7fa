import {describe, expect, it} from 'vitest';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {records} from '../ui/fixtures.js';

/** addStream / removeStream: the stream set of a reloaded dashboard. */
describe('the store adds, replaces and removes streams', () => {
  const store = () =>
    createStreamStore({streams: [{name: 'a'}, {name: 'b'}], notifyIntervalMs: 10});

  it('adds a new stream last and publishes the new names', () => {
    const s = store();
    s.flush();
    const before = s.getOverviewSnapshot().names;
    s.addStream({name: 'c'});
    s.flush();
    expect(s.getOverviewSnapshot().names).toEqual(['a', 'b', 'c']);
    expect(s.getOverviewSnapshot().names).not.toBe(before);
  });

  it('replaces a stream in its place, starting over (empty buffer, run 0, READY)', () => {
    const s = store();
    s.ingest(records.connecting('a'));
    s.ingest(records.open('a'));
    s.ingest(records.event('a', 1, '{"n":1}'));
    s.flush();
    expect(s.getSnapshot('a').entries.length).toBeGreaterThan(0);
    s.addStream({name: 'a', ready: true, answer: 'dify'});
    s.flush();
    expect(s.getOverviewSnapshot().names).toEqual(['a', 'b']);
    expect(s.getSnapshot('a').entries).toEqual([]);
    expect(s.getSnapshot('a').run).toBe(0);
    expect(s.getAnswerSnapshot('a')?.preset).toBe('dify');
  });

  it('removes a stream: its name goes at the next notify, even with nothing else changed', () => {
    const s = store();
    s.flush();
    let notified = 0;
    s.subscribe(() => notified++);
    s.removeStream('a');
    s.flush();
    expect(notified).toBe(1);
    expect(s.getOverviewSnapshot().names).toEqual(['b']);
    // Unknown names are ignored.
    s.removeStream('nope');
    s.flush();
    expect(notified).toBe(1);
  });
});
