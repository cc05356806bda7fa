// In-process measures: the SSE decoder against bare eventsource-parser on the
// same bytes, the engine (SseStream) over loopback, and single big events.
import {performance} from 'node:perf_hooks';
import {createParser} from 'eventsource-parser';
import {createSseDecoder} from '../../dist/core/sse-decoder.js';
import {SseStream} from '../../dist/core/sse-stream.js';
import {parseStreamSpec, resolveStreamSpec} from '../../dist/core/stream-spec.js';

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

/** One run over `events` 100-byte events in 64 KiB chunks: {ours, bare} in events/s. */
export function decoderRun(events) {
  const bytes = syntheticStream(events, 100);
  const parts = chunks(bytes, 64 * 1024);
  let count = 0;
  let start = performance.now();
  const decoder = createSseDecoder(
    {onEvent: () => count++, onRetry: () => {}},
    {maxBufferSize: 16 * 1024 * 1024},
  );
  for (const part of parts) decoder.push(part);
  decoder.end();
  const ours = performance.now() - start;
  let bareCount = 0;
  start = performance.now();
  const textDecoder = new TextDecoder();
  const parser = createParser({onEvent: () => bareCount++});
  for (const part of parts) parser.feed(textDecoder.decode(part, {stream: true}));
  const bare = performance.now() - start;
  if (count !== bareCount) throw new Error(`decoder: ${count} events vs ${bareCount}`);
  return {ours: (events / ours) * 1000, bare: (events / bare) * 1000};
}

async function runStream(url) {
  const spec = parseStreamSpec({name: 'bench', url, reconnect: 'never'});
  const stream = new SseStream(resolveStreamSpec(spec));
  const start = performance.now();
  const summary = await stream.start();
  return {summary, ms: performance.now() - start};
}

/** One run of the engine over `events` 100-byte events of one stream: events/s. */
export async function engineRun(server, events) {
  server.reset();
  const {summary, ms} = await runStream(server.streamUrl(0, {n: events}));
  if (summary.totalEvents !== events)
    throw new Error(`engine: expected ${events} events, got ${summary.totalEvents}`);
  return (events / ms) * 1000;
}

/** One event of `size` bytes through the engine: milliseconds to the end of the stream. */
export async function bigEventRun(server, size) {
  server.reset();
  const {summary, ms} = await runStream(server.streamUrl(0, {n: 1, size}));
  if (summary.totalEvents !== 1)
    throw new Error(
      `engine: a ${size}-byte event did not arrive (${summary.status}: ${summary.reason ?? ''})`,
    );
  return ms;
}
