import {useCallback, useSyncExternalStore} from 'react';
import type {AnswerSnapshot} from '../../core/answer/index.js';
import type {OverviewSnapshot, StreamSnapshot, StreamStore} from '../../core/store/types.js';

/** One stream's snapshot; the component re-renders only when that stream changed. */
export function useStreamSnapshot(store: StreamStore, name: string): StreamSnapshot {
  const getSnapshot = useCallback(() => store.getSnapshot(name), [store, name]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}

export function useOverview(store: StreamStore): OverviewSnapshot {
  return useSyncExternalStore(
    store.subscribe,
    store.getOverviewSnapshot,
    store.getOverviewSnapshot,
  );
}

/** The stream names only: stable while the set of streams stays the same. */
export function useStreamNames(store: StreamStore): readonly string[] {
  const getNames = useCallback(() => store.getOverviewSnapshot().names, [store]);
  return useSyncExternalStore(store.subscribe, getNames, getNames);
}

/** One stream's answers (undefined without an answer preset); re-renders only when they changed. */
export function useAnswerSnapshot(store: StreamStore, name: string): AnswerSnapshot | undefined {
  const getSnapshot = useCallback(() => store.getAnswerSnapshot(name), [store, name]);
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot);
}
