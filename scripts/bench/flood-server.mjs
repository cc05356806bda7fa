// Starts the flood server (flood-worker.mjs) and reads its shared counters.
import {setTimeout} from 'node:timers';
import {URLSearchParams} from 'node:url';
import {Worker} from 'node:worker_threads';

export const MAX_SLOTS = 64;

/**
 * @returns {Promise<{url: string, streamUrl: (slot: number, query?: Record<string, string|number>) => string,
 *   count: (slots?: number[]) => number, reset: () => void, release: () => void, close: () => Promise<void>}>}
 */
export async function startFloodServer() {
  const counts = new SharedArrayBuffer(4 * MAX_SLOTS);
  const gates = new SharedArrayBuffer(4 * 4);
  const worker = new Worker(new URL('./flood-worker.mjs', import.meta.url), {
    workerData: {counts, gates},
  });
  const countView = new Int32Array(counts);
  const gateView = new Int32Array(gates);
  const port = await new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (message) => resolve(message.port));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    streamUrl(slot, query = {}) {
      const params = new URLSearchParams({s: String(slot)});
      for (const [key, value] of Object.entries(query)) params.set(key, String(value));
      return `${url}/flood?${params}`;
    },
    count(slots) {
      let sum = 0;
      for (let i = 0; i < MAX_SLOTS; i++)
        if (!slots || slots.includes(i)) sum += Atomics.load(countView, i);
      return sum;
    },
    reset() {
      for (let i = 0; i < MAX_SLOTS; i++) Atomics.store(countView, i, 0);
      Atomics.store(gateView, 0, 0);
    },
    release() {
      Atomics.store(gateView, 0, 1);
    },
    async close() {
      const closed = new Promise((resolve) =>
        worker.on('message', (m) => m.type === 'closed' && resolve()),
      );
      worker.postMessage({type: 'close'});
      await Promise.race([closed, new Promise((r) => setTimeout(r, 2000))]);
      await worker.terminate();
    },
  };
}
