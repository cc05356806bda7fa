// `npm run bench`: throughput of the SSE decoder and of the whole engine over
// loopback, as medians of several runs, plus the decoder's cost relative to
// eventsource-parser alone. Numbers depend on the machine: compare ratios.
import {performance} from 'node:perf_hooks';
import {createParser} from 'eventsource-parser';
import {createSseDecoder} from '../dist/core/sse-decoder.js';
import {SseStream} from '../dist/core/sse-stream.js';
import {parseStreamSpec, resolveStreamSpec} from '../dist/core/stream-spec.js';
import {startDemoServer} from '../dist/demo/server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n, digits = 0) => n.toLocaleString('en-US', {maximumFractionDigits: digits});

function syntheticStream(events, size) {
  const payload = JSON.stringify({text: 'x'.repeat(Math.max(0, size - 12)), n: 1});
  let text = '';
  for (let i = 1; i <= events; i++) text += `id: ${i}\nevent: tick\ndata: ${payload}\n\n`;
  return new TextEncoder().encode(text);
}

function chunks(bytes, size) {
  const result = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    result.push(bytes.subarray(offset, offset + size));
  return result;
}

function benchDecoder(label, bytes, parts) {
  const ours = [];
  const bare = [];
  for (let run = 0; run < RUNS; run++) {
    let count = 0;
    let start = performance.now();
    const decoder = createSseDecoder(
      {onEvent: () => count++, onRetry: () => {}},
      {maxBufferSize: 16 * 1024 * 1024},
    );
    for (const part of parts) decoder.push(part);
    decoder.end();
    ours.push(performance.now() - start);

    let bareCount = 0;
    start = performance.now();
    const textDecoder = new TextDecoder();
    const parser = createParser({onEvent: () => bareCount++});
    for (const part of parts) parser.feed(textDecoder.decode(part, {stream: true}));
    bare.push(performance.now() - start);
    if (count !== bareCount) throw new Error(`event count mismatch: ${count} vs ${bareCount}`);
  }
  const ms = median(ours);
  const mb = bytes.length / 1024 / 1024;
  console.log(
    `decoder ${label}: ${fmt(mb / (ms / 1000), 1)} MiB/s median, ${fmt((median(bare) / ms) * 100)}% of bare eventsource-parser speed (${fmt(ms, 1)} ms vs ${fmt(median(bare), 1)} ms for ${fmt(mb, 1)} MiB)`,
  );
}

async function benchEngine(server, events, size) {
  const rates = [];
  for (let run = 0; run < RUNS; run++) {
    const spec = parseStreamSpec({
      name: 'flood',
      url: `${server.url}/flood?n=${events}&size=${size}`,
      reconnect: 'never',
    });
    const stream = new SseStream(resolveStreamSpec(spec));
    const start = performance.now();
    const summary = await stream.start();
    const seconds = (performance.now() - start) / 1000;
    if (summary.totalEvents !== events)
      throw new Error(`expected ${events} events, got ${summary.totalEvents}`);
    rates.push(events / seconds);
  }
  const rate = median(rates);
  console.log(
    `engine over loopback, ${fmt(events)} events of ${size} B: ${fmt(rate)} events/s median (${fmt((rate * size) / 1024 / 1024, 1)} MiB/s of data)`,
  );
}

async function benchBigEvents(server) {
  const mib = 1024 * 1024;
  for (const [count, size] of [
    [3, 5 * mib],
    [1, 40 * mib],
  ]) {
    const before = process.memoryUsage().rss;
    const url = `${server.url}/flood?n=${count}&size=${size}`;
    const spec = parseStreamSpec({name: 'big', url, reconnect: 'never'});
    const start = performance.now();
    const summary = await new SseStream(resolveStreamSpec(spec)).start();
    const ms = performance.now() - start;
    const grown = (process.memoryUsage().rss - before) / mib;
    const outcome =
      summary.status === 'failed'
        ? `failed as it should (${summary.reason.slice(0, 50)}...)`
        : `${summary.totalEvents} events`;
    console.log(
      `${count} event(s) of ${size / mib} MiB (limit 16 MiB): ${outcome} in ${fmt(ms)} ms, RSS grew ${fmt(grown, 1)} MiB`,
    );
  }
}

console.log(`ssedeck bench (node ${process.version}, ${RUNS} runs each, medians)`);
const small = syntheticStream(200_000, 100);
benchDecoder('small events (100 B, 64 KiB chunks)', small, chunks(small, 64 * 1024));
benchDecoder('small events (100 B, 1 KiB chunks)', small, chunks(small, 1024));
const large = syntheticStream(2_000, 50_000);
benchDecoder('large events (50 KB, 64 KiB chunks)', large, chunks(large, 64 * 1024));

const server = await startDemoServer();
try {
  await benchEngine(server, 50_000, 100);
  await benchEngine(server, 2_000, 10_000);
  await benchBigEvents(server);
} finally {
  await server.close();
}
