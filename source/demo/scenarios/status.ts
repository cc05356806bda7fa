import {STATUS_CODES} from 'node:http';
import type {RouteHandler} from '../context.js';
import {intParam, sendJson} from '../http-helpers.js';

/**
 * ANY /status/:code[?retry_after=s]: answers with that status and a small JSON
 * body (none for 204/304), for testing how clients handle errors.
 */
export const status: RouteHandler = (_context, {res, url, params}) => {
  const code = Number(params[0]);
  if (!Number.isInteger(code) || code < 200 || code > 599) {
    sendJson(res, 400, {error: 'bad_status', message: 'status must be an integer from 200 to 599'});
    return;
  }
  const retryAfter = intParam(url, 'retry_after', -1, -1, 86_400);
  const headers = retryAfter >= 0 ? {'Retry-After': String(retryAfter)} : {};
  if (code === 204 || code === 304) {
    res.writeHead(code, headers);
    res.end();
    return;
  }
  sendJson(res, code, {status: code, message: STATUS_CODES[code] ?? 'Unknown'}, headers);
};
