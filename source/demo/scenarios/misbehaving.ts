import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {intParam, nextSeqAfter, readLastEventId} from '../http-helpers.js';
import {tickAt} from './tick.js';

/**
 * Streams that misbehave in the ways the diagnostics name (see README "Why is
 * my stream bursty?").
 */

/** GET /pings[?interval=ms]: `event: ping` with no data every `interval` (2000 ms), forever. */
export const pingsOnly: RouteHandler = async (context, {res, url}) => {
  const interval = intParam(url, 'interval', 2000, 1, 3_600_000);
  const sse = openSse(context, res);
  for (;;) {
    if (!(await sse.send({event: 'ping'}))) return;
    if (!(await sse.sleep(interval))) return;
  }
};

/**
 * GET /forgetful[?every=N][&interval=ms]: ticks with ids from 1 that end
 * cleanly after N (10) events and start again from 1 on the next connection,
 * whatever Last-Event-ID says.
 */
export const forgetful: RouteHandler = async (context, {res, url}) => {
  const every = intParam(url, 'every', 10, 1, 1_000_000);
  const interval = intParam(url, 'interval', 250, 0, 3_600_000);
  const sse = openSse(context, res);
  for (let seq = 1; seq <= every; seq++) {
    if (seq > 1 && !(await sse.sleep(interval))) return;
    if (!(await sse.send({id: seq, data: JSON.stringify(tickAt(seq))}))) return;
  }
  sse.end();
};

/**
 * GET /skipping[?interval=ms][&every=N][&skip=N]: ticks whose ids jump
 * ahead by `skip` (15) after every `every` (12) events, as if events were
 * lost on the way. Resumes after a numeric Last-Event-ID.
 */
export const skipping: RouteHandler = async (context, {req, res, url}) => {
  const interval = intParam(url, 'interval', 250, 0, 3_600_000);
  const every = intParam(url, 'every', 12, 1, 1_000_000);
  const skip = intParam(url, 'skip', 15, 1, 1_000_000);
  const sse = openSse(context, res);
  let id = nextSeqAfter(readLastEventId(req));
  for (let count = 1; ; count++) {
    if (count > 1 && !(await sse.sleep(interval))) return;
    if (!(await sse.send({id, data: JSON.stringify(tickAt(id))}))) return;
    id += count % every === 0 ? skip + 1 : 1;
  }
};

/** GET /empty: a 200 event stream that ends at once with only a comment (a reconnect loop). */
export const empty: RouteHandler = async (context, {res}) => {
  const sse = openSse(context, res);
  await sse.send({comment: 'nothing to say'});
  sse.end();
};
