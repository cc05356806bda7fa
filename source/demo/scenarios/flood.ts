import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {intParam} from '../http-helpers.js';
import {formatSseEvent} from '../sse-format.js';

const BATCH_BYTES = 64 * 1024;

/** Data of exactly `size` bytes when `size` leaves room for the JSON around the padding. */
export function floodData(seq: number, size: number): string {
  const head = `{"seq":${seq},"pad":"`;
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, size - head.length - tail.length)) + tail;
}

/**
 * GET /flood[?n=COUNT][&size=BYTES]: COUNT events (default 10000) with `id: N`
 * and ~BYTES of data (default 100), as fast as the client reads, then the end.
 */
export const flood: RouteHandler = async (context, {res, url}) => {
  const count = intParam(url, 'n', 10_000, 0, 100_000_000);
  const size = intParam(url, 'size', 100, 1, 64 * 1024 * 1024);
  const sse = openSse(context, res);
  let batch = '';
  for (let seq = 1; seq <= count; seq++) {
    batch += formatSseEvent({id: seq, data: floodData(seq, size)});
    if (batch.length >= BATCH_BYTES || seq === count) {
      if (!(await sse.write(batch))) return;
      batch = '';
    }
  }
  sse.end();
};
