import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {intParam} from '../http-helpers.js';
import {createRandom} from '../random.js';
import {nextLogLine} from './log-lines.js';

/**
 * GET /logs[?interval=ms][&limit=N][&seed=N]: `event: info|warn|error` log
 * lines, ~3 per second, with ids. The same seed replays the same lines.
 */
export const logs: RouteHandler = async (context, {res, url}) => {
  const interval = intParam(url, 'interval', 333, 0, 3_600_000);
  const limit = intParam(url, 'limit', 0, 0, Number.MAX_SAFE_INTEGER);
  const random = createRandom(intParam(url, 'seed', 42, 0, 2 ** 32 - 1));
  const sse = openSse(context, res);
  for (let seq = 1; limit === 0 || seq <= limit; seq++) {
    if (seq > 1 && !(await sse.sleep(interval * (0.5 + random.next())))) return;
    const line = nextLogLine(random, new Date());
    if (!(await sse.send({event: line.level, id: seq, data: line.text}))) return;
  }
  sse.end();
};
