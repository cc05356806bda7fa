import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {describe, expect, it} from 'vitest';
import {createSseDecoder, type SseEvent} from '../../source/core/sse-decoder.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  const {heapUsed, external} = process.memoryUsage();
  return heapUsed + external;
}

describe('SSE decoder: retained strings', () => {
  it('events kept by a consumer do not keep their body chunks alive', () => {
    const mib = 1024 * 1024;
    const kept: SseEvent[] = [];
    const before = heapAfterGc();
    const decoder = createSseDecoder(
      {onEvent: (event) => kept.push(event), onRetry: () => undefined},
      {maxBufferSize: 16 * mib},
    );
    const encoder = new TextEncoder();
    // 256 chunks of 64 KiB, as a socket delivers them; each holds one small
    // event (its data, type and id would be slices of the chunk's text) and
    // a long comment.
    for (let i = 0; i < 256; i++) {
      const head = `event: type-${i}-${'t'.repeat(20)}\nid: id-${i}-${'i'.repeat(20)}\ndata: ${'d'.repeat(100)}\n\n`;
      decoder.push(encoder.encode(head + ':' + 'c'.repeat(64 * 1024) + '\n'));
    }
    decoder.end();
    const grown = heapAfterGc() - before;
    expect(kept).toHaveLength(256);
    expect(kept[255]).toEqual({
      type: `type-255-${'t'.repeat(20)}`,
      data: 'd'.repeat(100),
      lastEventId: `id-255-${'i'.repeat(20)}`,
    });
    // Pinned chunks would be 16 MiB or more (one byte per character at least).
    expect(grown).toBeLessThan(4 * mib);
  });
});
