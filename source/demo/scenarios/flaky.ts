import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {intParam, nextSeqAfter, readLastEventId} from '../http-helpers.js';
import {formatSseEvent} from '../sse-format.js';
import {resumeComment, tickAt} from './tick.js';

/**
 * GET /flaky[?every=N][&interval=ms][&retry=ms]: ticker events that keep
 * losing the connection. It starts with `retry:`, then after every Nth id the
 * connection goes: odd multiples of N end abruptly in the middle of the next
 * event (socket destroyed, no final chunk), even multiples end cleanly.
 * Resumes after a numeric Last-Event-ID, so a good client sees every id once.
 */
export const flaky: RouteHandler = async (context, {req, res, url}) => {
  const every = intParam(url, 'every', 20, 1, 1_000_000);
  const interval = intParam(url, 'interval', 250, 0, 3_600_000);
  const retry = intParam(url, 'retry', 1500, 0, 3_600_000);
  const lastEventId = readLastEventId(req);
  const first = nextSeqAfter(lastEventId);
  const sse = openSse(context, res);
  const opening =
    lastEventId === undefined ? {retry} : {retry, comment: resumeComment(lastEventId, first)};
  if (!(await sse.send(opening))) return;
  for (let seq = first; ; seq++) {
    if (seq > first && !(await sse.sleep(interval))) return;
    if (!(await sse.send({id: seq, data: JSON.stringify(tickAt(seq))}))) return;
    if (seq % every !== 0) continue;
    if ((seq / every) % 2 === 1) {
      // Half an event, then the socket goes: the client must not dispatch it.
      const next = formatSseEvent({id: seq + 1, data: JSON.stringify(tickAt(seq + 1))});
      await sse.writeFlushed(next.slice(0, Math.floor(next.length / 2)));
      sse.destroy();
    } else {
      sse.end();
    }
    return;
  }
};
