import type {RouteHandler} from '../context.js';
import {readJsonObject} from '../http-helpers.js';
import {sendJson} from '../http-helpers.js';
import {checkDifyAuth, sendDifyBadJson, sendDifyError} from './dify-errors.js';

/**
 * POST /v1/chat-messages/:task_id/stop with `{"user"}`: stops a running
 * stream started by the same user. Like Dify it answers success even when
 * there is nothing to stop or the user does not match.
 */
export const difyStop: RouteHandler = async (context, {req, res, params}) => {
  if (!checkDifyAuth(req, res)) return;
  const body = await readJsonObject(req);
  if (!body.ok) {
    sendDifyBadJson(res);
    return;
  }
  const {user} = body.value;
  if (typeof user !== 'string' || user === '') {
    sendDifyError(res, 400, 'invalid_param', 'Arg user must be provided.');
    return;
  }
  const task = context.dify.tasks.get(params[0] ?? '');
  if (task !== undefined && task.user === user) task.stop();
  sendJson(res, 200, {result: 'success'});
};
