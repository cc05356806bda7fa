import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {intParam, nextSeqAfter, readLastEventId} from '../http-helpers.js';
import {resumeComment, tickAt} from './tick.js';

/**
 * GET /ticker[?interval=ms][&limit=N]: `id: N` + `{"seq","price","time"}`
 * every ~250 ms, forever (or N events, then a clean end). Resumes after a
 * numeric Last-Event-ID.
 */
export const ticker: RouteHandler = async (context, {req, res, url}) => {
  const interval = intParam(url, 'interval', 250, 0, 3_600_000);
  const limit = intParam(url, 'limit', 0, 0, Number.MAX_SAFE_INTEGER);
  const lastEventId = readLastEventId(req);
  const first = nextSeqAfter(lastEventId);
  const sse = openSse(context, res);
  if (lastEventId !== undefined) await sse.send({comment: resumeComment(lastEventId, first)});
  for (let seq = first; limit === 0 || seq < first + limit; seq++) {
    if (seq > first && !(await sse.sleep(interval))) return;
    if (!(await sse.send({id: seq, data: JSON.stringify(tickAt(seq))}))) return;
  }
  sse.end();
};
