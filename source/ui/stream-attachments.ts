import type {StreamStore} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';
import {trackReattach} from './reattach-tracker.js';

/** The store's subscriptions to the controllers, one by one, so a reload can swap them. */
export type StreamAttachments = {
  attach(stream: StreamController): void;
  detach(stream: StreamController): void;
  detachAll(): void;
};

export function createStreamAttachments(store: StreamStore): StreamAttachments {
  const attached = new Map<StreamController, () => void>();
  const detach = (stream: StreamController): void => {
    attached.get(stream)?.();
    attached.delete(stream);
  };
  return {
    attach(stream) {
      detach(stream);
      const unsubscribe = store.attach([stream]);
      // After the store's own listener, so it has folded each record first.
      const untrack = trackReattach(stream, store);
      attached.set(stream, () => {
        unsubscribe();
        untrack();
      });
    },
    detach,
    detachAll() {
      for (const stream of [...attached.keys()]) detach(stream);
    },
  };
}
