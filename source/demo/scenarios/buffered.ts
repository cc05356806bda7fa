import {createGzip, constants} from 'node:zlib';
import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {intParam} from '../http-helpers.js';
import {formatSseEvent} from '../sse-format.js';
import {tickAt} from './tick.js';

/**
 * GET /buffered[?interval=ms][&flush=ms][&gzip=1][&limit=N]: ticks made every
 * `interval` (200 ms) but held back and written in one burst every `flush`
 * (3000 ms), the way a buffering proxy delivers a stream. Its headers are the
 * usual suspects: no `X-Accel-Buffering: no`, `Cache-Control` without
 * `no-transform`; with `gzip=1` the body is really gzip-compressed and each
 * burst is a compressor flush (`Content-Encoding: gzip`).
 */
export const buffered: RouteHandler = async (context, {res, url}) => {
  const interval = intParam(url, 'interval', 200, 1, 3_600_000);
  const flushEvery = Math.max(interval, intParam(url, 'flush', 3000, 1, 3_600_000));
  const limit = intParam(url, 'limit', 0, 0, Number.MAX_SAFE_INTEGER);
  const gzip = url.searchParams.get('gzip') === '1';
  const headers: Record<string, string> = {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
  };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  const sse = openSse(context, res, headers);
  const compressor = gzip ? createGzip() : undefined;
  compressor?.on('data', (chunk: Buffer) => void sse.write(chunk));
  compressor?.on('error', () => sse.destroy());
  sse.signal.addEventListener('abort', () => compressor?.destroy(), {once: true});
  const flush = (text: string): Promise<boolean> => {
    if (!compressor) return sse.write(text);
    return new Promise((resolve) => {
      compressor.write(text);
      compressor.flush(constants.Z_SYNC_FLUSH, () => resolve(!sse.closed));
    });
  };
  let pending = '';
  let heldSince = 0;
  for (let seq = 1; limit === 0 || seq <= limit; seq++) {
    if (!(await sse.sleep(interval))) return;
    pending += formatSseEvent({id: seq, data: JSON.stringify(tickAt(seq))});
    heldSince += interval;
    if (heldSince < flushEvery) continue;
    heldSince = 0;
    const burst = pending;
    pending = '';
    if (!(await flush(burst))) return;
  }
  if (pending !== '' && !(await flush(pending))) return;
  if (compressor) {
    compressor.end();
    await new Promise((resolve) => compressor.once('end', resolve));
  }
  sse.end();
};
