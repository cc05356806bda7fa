import {REATTACH_NEEDS_DIFY_1_14} from '../core/dify-requests.js';
import {REATTACH_REASON} from '../core/dify-reconnect.js';
import type {StreamStore} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';

/**
 * Tells the store what a re-attach of a Dify run did (its `reattach-*`
 * checks): `attempting` when the engine re-attaches (resume: true) or the
 * pane asked for it (u, a submitted form), `attached` at the next open
 * response, `unsupported` on the 404 of a server older than Dify 1.14,
 * `failed` when the stream failed otherwise meanwhile.
 */
export function trackReattach(stream: StreamController, store: StreamStore): () => void {
  const {name} = stream;
  return stream.subscribe((record) => {
    const attempting = store.getRunSnapshot(name)?.current.reattach?.kind === 'attempting';
    const at = record.timestamp;
    if (record.type === 'status' && record.state === 'reconnecting') {
      if (record.reason.endsWith(REATTACH_REASON)) {
        store.setReattachOutcome(name, {kind: 'attempting', at});
      }
    } else if (record.type === 'status' && record.state === 'open') {
      if (attempting) store.setReattachOutcome(name, {kind: 'attached', at});
    } else if (record.type === 'error' && record.status === 'failed') {
      if (record.error.includes(REATTACH_NEEDS_DIFY_1_14)) {
        const message = `${REATTACH_NEEDS_DIFY_1_14}: ${record.error.replace(` (${REATTACH_NEEDS_DIFY_1_14})`, '')}`;
        store.setReattachOutcome(name, {kind: 'unsupported', at, message});
      } else if (attempting) {
        store.setReattachOutcome(name, {kind: 'failed', at, message: record.error});
      }
    }
  });
}
