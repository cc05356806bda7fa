// Loaded into the dashboard by the bench only (node --expose-gc --import
// this file): on SIGUSR2 it collects garbage and writes process.memoryUsage()
// as JSON to $BENCH_HEAP_FILE, so the bench reads heap after GC without any
// hook in ssedeck's source.
import {writeFileSync} from 'node:fs';

const file = process.env.BENCH_HEAP_FILE;
if (file && typeof globalThis.gc === 'function') {
  process.on('SIGUSR2', () => {
    globalThis.gc();
    globalThis.gc();
    writeFileSync(file, JSON.stringify(process.memoryUsage()));
  });
}
