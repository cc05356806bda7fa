import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import type {EventRecord} from '../../source/core/records.js';
import {createSseDecoder, type SseEvent} from '../../source/core/sse-decoder.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import type {StreamStore} from '../../source/core/store/types.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mib = 1024 * 1024;

function heapAfterGc(): number {
  gc();
  gc();
  const {heapUsed, external} = process.memoryUsage();
  return heapUsed + external;
}

/**
 * 256 chunks of 64 KiB, as a socket delivers them; each holds one small event
 * (its data, type and id are slices of the chunk's text) and a long comment.
 * Every event goes to the store, published every `publishEvery` events.
 */
function feedStore(
  publishEvery: number,
  afterChunks?: (store: StreamStore, decoded: (event: SseEvent) => void) => void,
) {
  const store = createStreamStore({bufferSize: 256, notifyIntervalMs: 60_000});
  let number = 0;
  const onEvent = (event: SseEvent) => {
    const record: EventRecord = {
      type: 'event',
      stream: 's',
      timestamp: 0,
      bytesReceived: 0,
      eventNumber: ++number,
      eventType: event.type,
      data: event.data,
      eventId: event.lastEventId,
    };
    store.ingest(record);
    if (number % publishEvery === 0) store.flush();
  };
  const decoder = createSseDecoder({onEvent, onRetry: () => undefined}, {maxBufferSize: 16 * mib});
  const encoder = new TextEncoder();
  for (let i = 0; i < 256; i++) {
    const head = `event: type-${i}-${'t'.repeat(20)}\nid: id-${i}-${'i'.repeat(20)}\ndata: ${'d'.repeat(100)}\n\n`;
    decoder.push(encoder.encode(head + ':' + 'c'.repeat(64 * 1024) + '\n'));
  }
  decoder.end();
  afterChunks?.(store, onEvent);
  store.flush();
  return store;
}

describe('store: retained strings', () => {
  for (const publishEvery of [1, 7, 256]) {
    it(`entries a pane keeps do not keep their body chunks alive (publish every ${publishEvery})`, () => {
      const before = heapAfterGc();
      const store = feedStore(publishEvery);
      const grown = heapAfterGc() - before;
      const {entries} = store.getSnapshot('s');
      expect(entries).toHaveLength(256);
      const last = entries[255];
      expect([last?.eventType, last?.data, last?.eventId]).toEqual([
        `type-255-${'t'.repeat(20)}`,
        'd'.repeat(100),
        `id-255-${'i'.repeat(20)}`,
      ]);
      // Pinned chunks would be 16 MiB or more (one byte per character at least).
      expect(grown).toBeLessThan(4 * mib);
      store.dispose();
    });
  }

  it('entries frozen by a pause do not keep their chunks alive once the ring moved on', () => {
    const before = heapAfterGc();
    const store = feedStore(Number.POSITIVE_INFINITY, (fed, decoded) => {
      // Pause before any publish, then push every frozen entry out of the ring.
      fed.setPaused('s', true);
      for (let n = 0; n < 300; n++) decoded({type: 'message', data: `late ${n}`, lastEventId: ''});
    });
    const grown = heapAfterGc() - before;
    const {entries, paused} = store.getSnapshot('s');
    expect(paused).toBe(true);
    expect(entries).toHaveLength(256);
    expect(entries[0]?.data).toBe('d'.repeat(100));
    expect(grown).toBeLessThan(4 * mib);
    store.dispose();
  });
});
