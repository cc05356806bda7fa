import {isDeepStrictEqual} from 'node:util';
import type {StreamSpec} from '../../core/stream-spec.js';
import type {DashboardStreamOptions} from '../stream-options.js';

/** One stream as a profile (and the command line) describes it: its request and its pane. */
export type DashboardStream = {
  readonly spec: StreamSpec;
  readonly options: DashboardStreamOptions;
};

/** What a reload changes, by stream name; `added` and `changed` carry the new descriptions. */
export type StreamsDiff = {
  readonly added: readonly DashboardStream[];
  readonly changed: readonly DashboardStream[];
  readonly removed: readonly string[];
};

/** Options as compared: an absent field and one set to undefined are the same. */
function definedFields(options: DashboardStreamOptions): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** True when the two descriptions would run the same request in the same pane. */
export function sameStream(a: DashboardStream, b: DashboardStream): boolean {
  return (
    isDeepStrictEqual(a.spec, b.spec) &&
    isDeepStrictEqual(definedFields(a.options), definedFields(b.options))
  );
}

/**
 * Streams compare by name: a name only in `next` is added, one only in
 * `current` removed, one in both whose spec (secrets included, compared
 * before any redaction) or pane options differ is changed.
 */
export function diffStreams(
  current: readonly DashboardStream[],
  next: readonly DashboardStream[],
): StreamsDiff {
  const before = new Map(current.map((stream) => [stream.spec.name, stream]));
  const after = new Set(next.map((stream) => stream.spec.name));
  const added: DashboardStream[] = [];
  const changed: DashboardStream[] = [];
  for (const stream of next) {
    const old = before.get(stream.spec.name);
    if (!old) added.push(stream);
    else if (!sameStream(old, stream)) changed.push(stream);
  }
  const removed = current.map((stream) => stream.spec.name).filter((name) => !after.has(name));
  return {added, changed, removed};
}

/** "1 changed, 1 added, 1 removed" (only the non-zero parts); "" when nothing changed. */
export function diffCounts(diff: StreamsDiff): string {
  return [
    [diff.changed.length, 'changed'],
    [diff.added.length, 'added'],
    [diff.removed.length, 'removed'],
  ]
    .filter(([count]) => count !== 0)
    .map(([count, what]) => `${count} ${what}`)
    .join(', ');
}
