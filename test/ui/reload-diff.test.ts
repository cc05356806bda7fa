import {describe, expect, it} from 'vitest';
import {parseStreamSpec, type StreamSpecInput} from '../../source/core/stream-spec.js';
import {
  diffCounts,
  diffStreams,
  sameStream,
  type DashboardStream,
} from '../../source/ui/reload/reload-diff.js';
import type {DashboardStreamOptions} from '../../source/ui/stream-options.js';

const stream = (input: StreamSpecInput, options: DashboardStreamOptions = {}): DashboardStream => ({
  spec: parseStreamSpec(input),
  options,
});

const a = stream({name: 'a', url: 'http://127.0.0.1:9/a'});
const b = stream({name: 'b', url: 'http://127.0.0.1:9/b', auth: {type: 'bearer', token: 'k1'}});
const c = stream({name: 'c', url: 'http://127.0.0.1:9/c'});

describe('diffStreams: what a reload changes, by stream name', () => {
  it('finds added, changed and removed streams; unchanged ones are in none', () => {
    const next = [
      a,
      stream({name: 'b', url: 'http://127.0.0.1:9/b2'}),
      stream({name: 'd', url: 'http://127.0.0.1:9/d'}),
    ];
    const diff = diffStreams([a, b, c], next);
    expect(diff.added.map(({spec}) => spec.name)).toEqual(['d']);
    expect(diff.changed.map(({spec}) => spec.name)).toEqual(['b']);
    expect(diff.changed[0]?.spec.url).toBe('http://127.0.0.1:9/b2');
    expect(diff.removed).toEqual(['c']);
    expect(diffCounts(diff)).toBe('1 changed, 1 added, 1 removed');
  });

  it('nothing changed: an empty diff and no counts', () => {
    const again = [
      stream({name: 'a', url: 'http://127.0.0.1:9/a'}),
      stream({name: 'b', url: 'http://127.0.0.1:9/b', auth: {type: 'bearer', token: 'k1'}}),
    ];
    const diff = diffStreams([a, b], again);
    expect(diff).toEqual({added: [], changed: [], removed: []});
    expect(diffCounts(diff)).toBe('');
  });

  it('a changed secret is a change (compared before redaction)', () => {
    const rotated = stream({
      name: 'b',
      url: 'http://127.0.0.1:9/b',
      auth: {type: 'bearer', token: 'k2'},
    });
    expect(sameStream(b, rotated)).toBe(false);
    expect(diffStreams([b], [rotated]).changed).toHaveLength(1);
  });

  it('a changed body, header or pane option is a change; an undefined option is an absent one', () => {
    const post = (query: string, options: DashboardStreamOptions = {}) =>
      stream(
        {name: 'p', method: 'POST', url: 'http://127.0.0.1:9/p', body: JSON.stringify({query})},
        options,
      );
    expect(sameStream(post('one'), post('two'))).toBe(false);
    expect(sameStream(post('one', {autostart: true}), post('one', {autostart: false}))).toBe(false);
    expect(sameStream(post('one', {view: 'answer'}), post('one'))).toBe(false);
    expect(sameStream(post('one', {bufferSize: undefined}), post('one'))).toBe(true);
    expect(
      sameStream(a, stream({name: 'a', url: 'http://127.0.0.1:9/a', headers: {'X-Trace': '1'}})),
    ).toBe(false);
  });

  it('counts only what happened', () => {
    expect(diffCounts(diffStreams([a], [a, c]))).toBe('1 added');
    expect(diffCounts(diffStreams([a, c], [a]))).toBe('1 removed');
  });
});
