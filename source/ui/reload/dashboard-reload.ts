import type {StreamStore} from '../../core/store/types.js';
import type {StreamController} from '../../core/stream-controller.js';
import type {StreamSpec} from '../../core/stream-spec.js';
import type {ReloadOutcome, RestartedPane} from '../controls.js';
import type {PaneView} from '../state/ui-state.js';
import type {DashboardStreamOptions} from '../stream-options.js';
import type {StreamRuns} from '../stream-runs.js';
import {diffCounts, diffStreams, type DashboardStream, type StreamsDiff} from './reload-diff.js';

/** What the profiles say now: the streams, or the lines (as the CLI prints them) saying why not. */
export type ReloadLoad =
  | {readonly ok: true; readonly streams: readonly DashboardStream[]}
  | {readonly ok: false; readonly lines: readonly string[]};

/** Where `L` (and --watch) get the streams from: the CLI re-reads the profiles it started with. */
export type ReloadSource = {
  readonly load: () => Promise<ReloadLoad>;
  /** A controller (not started) for a new or changed stream. */
  readonly makeController: (spec: StreamSpec) => StreamController;
  /** --watch: calls `onChange` when a profile file or its .env changed; returns the unwatch. */
  readonly watch?: (onChange: () => void) => () => void;
};

/** The dashboard's live stream set, which a reload changes in place. */
export type LiveStreams = {
  /** The controllers in pane order; runs, controls and the recorder read it when they act. */
  readonly list: StreamController[];
  readonly options: Map<string, DashboardStreamOptions>;
  /** First view per pane (the App reads it for panes a reload adds). */
  readonly views: Record<string, PaneView>;
  readonly store: StreamStore;
  readonly runs: StreamRuns;
  /** Subscribes the store (and its trackers) to a controller's records. */
  readonly attach: (controller: StreamController) => void;
  readonly detach: (controller: StreamController) => void;
};

export type DashboardReload = {
  /** Reads the profiles and applies what changed; changed POSTs wait for confirmPending. */
  reload(): Promise<ReloadOutcome>;
  /** The answer to "re-send N POST requests?": y restarts them with the new request. */
  confirmPending(yes: boolean): ReloadOutcome;
  /** Quitting: a reload still reading files changes nothing once it has read them. */
  close(): void;
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * `L`: the diff between the streams running and the profiles on disk becomes
 * new, replaced and removed panes. A changed stream starts over in its pane
 * (empty buffer, the new request); a READY pane stays READY; one that would
 * re-send a body (POST) waits for a y/n, and `n` keeps it on its previous
 * request until the next `L`.
 */
export function createDashboardReload(live: LiveStreams, source: ReloadSource): DashboardReload {
  const {list, store, runs} = live;
  let pending: readonly DashboardStream[] = [];
  let pendingDiff: StreamsDiff = {added: [], changed: [], removed: []};
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const byName = (name: string) => list.find((controller) => controller.name === name);
  // The request each pane was loaded with: a follow-up (i, n) changes the
  // controller's request, not the profile's, so it is no change to reload.
  const loadedSpecs = new Map(
    list.map((controller) => [controller.name, controller.resolved.spec]),
  );
  const describe = (controller: StreamController): DashboardStream => ({
    spec: loadedSpecs.get(controller.name) ?? controller.resolved.spec,
    options: live.options.get(controller.name) ?? {},
  });

  const retire = (controller: StreamController): void => {
    // Unsubscribed first: what the stopped run still emits never reaches the new pane.
    live.detach(controller);
    if (controller.running) controller.stop();
  };

  const setOptions = ({spec, options}: DashboardStream): void => {
    live.options.set(spec.name, options);
    live.views[spec.name] = options.view ?? 'events';
  };

  /**
   * A fresh pane (in place of `old`, or last) with a controller for `stream`;
   * started unless READY. Returns the restarted pane for the UI state.
   */
  const install = (
    stream: DashboardStream,
    ready: boolean,
    old?: StreamController,
  ): RestartedPane => {
    const {spec, options} = stream;
    const view = options.view ?? 'events';
    const viewChanged =
      old !== undefined && (live.options.get(old.name)?.view ?? 'events') !== view;
    if (old) retire(old);
    setOptions(stream);
    store.addStream({
      name: spec.name,
      bufferSize: options.bufferSize,
      answer: options.answer,
      insecure: spec.insecure,
      ready,
    });
    const controller = source.makeController(spec);
    loadedSpecs.set(spec.name, spec);
    const index = old ? list.indexOf(old) : -1;
    if (index >= 0) list[index] = controller;
    else list.push(controller);
    live.attach(controller);
    if (!ready) runs.start(controller);
    return viewChanged ? {name: spec.name, view} : {name: spec.name};
  };

  const remove = (name: string): void => {
    const controller = byName(name);
    if (controller) {
      retire(controller);
      list.splice(list.indexOf(controller), 1);
    }
    live.options.delete(name);
    delete live.views[name];
    loadedSpecs.delete(name);
    store.removeStream(name);
  };

  /** READY now (never sent) or by the new profile (autostart: false): nothing is sent. */
  const staysReady = (stream: DashboardStream, old: StreamController): boolean => {
    const {connection} = store.getSnapshot(old.name);
    const neverSent = connection.kind === 'idle' && !old.running;
    return neverSent || stream.options.autostart === false;
  };

  const apply = async (): Promise<ReloadOutcome> => {
    const loaded = await source.load();
    if (closed) return {kind: 'message', text: 'reload: quitting'};
    if (!loaded.ok) return {kind: 'errors', lines: loaded.lines};
    const diff = diffStreams(list.map(describe), loaded.streams);
    for (const name of diff.removed) remove(name);
    const waiting: DashboardStream[] = [];
    const restarted: RestartedPane[] = [];
    for (const stream of diff.changed) {
      const old = byName(stream.spec.name);
      if (!old) continue;
      const ready = staysReady(stream, old);
      if (!ready && stream.spec.method !== 'GET') waiting.push(stream);
      else restarted.push(install(stream, ready, old));
    }
    for (const stream of diff.added) install(stream, stream.options.autostart === false);
    const counts = diffCounts(diff);
    pending = waiting;
    pendingDiff = diff;
    if (waiting.length > 0) {
      const requests = waiting.length === 1 ? 'request' : 'requests';
      const text = `reload: re-send ${waiting.length} POST ${requests}? y/n`;
      return {kind: 'confirm', text, restarted};
    }
    const text = counts === '' ? 'reload: no changes' : `reloaded: ${counts}`;
    return {kind: 'message', text, restarted};
  };

  return {
    reload() {
      // One reload at a time: a second L (or a file change) waits for the first.
      const next = queue.then(apply, apply);
      queue = next.catch(() => undefined);
      return next;
    },
    close() {
      closed = true;
      pending = [];
    },
    confirmPending(yes) {
      const waiting = pending;
      const message = (text: string, restarted: RestartedPane[] = []): ReloadOutcome => ({
        kind: 'message',
        text,
        restarted,
      });
      if (closed) return message('reload: quitting');
      pending = [];
      if (waiting.length === 0) return message('reload: nothing waits to be re-sent');
      if (yes) {
        const restarted: RestartedPane[] = [];
        for (const stream of waiting) {
          const old = byName(stream.spec.name);
          if (old) restarted.push(install(stream, false, old));
        }
        return message(`reloaded: ${diffCounts(pendingDiff)}`, restarted);
      }
      const applied = diffCounts({
        ...pendingDiff,
        changed: pendingDiff.changed.filter((stream) => !waiting.includes(stream)),
      });
      const kept = `${plural(waiting.length, 'POST stream')} kept the previous request (L again to re-send)`;
      return message(applied === '' ? `reload: ${kept}` : `reloaded: ${applied}; ${kept}`);
    },
  };
}
