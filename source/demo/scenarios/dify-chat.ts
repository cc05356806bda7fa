import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {readJsonObject} from '../http-helpers.js';
import {answerDifyBlocking} from './dify-blocking.js';
import {checkDifyAuth, sendDifyBadJson, sendDifyError} from './dify-errors.js';
import {flowPlanFor} from './dify-flow-plan.js';
import {startFlowRun} from './dify-flow-stream.js';
import {planDifyRun} from './dify-plan.js';
import {acceptChatRequest} from './dify-request.js';
import {DifyRun} from './dify-run.js';

/**
 * POST /v1/chat-messages: the Dify chatflow (advanced-chat) Service API.
 * Errors before the stream are Dify's JSON envelope; `response_mode:
 * "streaming"` streams the run, anything else answers in one JSON body.
 * Some words in the query pick a richer flow (dify-flow-plan.ts).
 */
export const difyChat: RouteHandler = async (context, {req, res}) => {
  if (!checkDifyAuth(req, res)) return;
  const body = await readJsonObject(req);
  if (!body.ok) {
    if (body.reason === 'too-large')
      sendDifyError(res, 413, 'file_too_large', 'Request too large.');
    else sendDifyBadJson(res);
    return;
  }
  const accepted = acceptChatRequest(body.value, context.dify);
  if (!accepted.ok) {
    sendDifyError(res, accepted.status, accepted.code, accepted.message);
    return;
  }
  const {request} = accepted;
  const flow = flowPlanFor(request.query);
  if (flow !== undefined && request.streaming) {
    await startFlowRun(context, res, request, flow);
    return;
  }
  const plan = planDifyRun(request);
  if (!request.streaming) {
    await answerDifyBlocking(context, res, request, plan);
    return;
  }
  const sse = openSse(context, res);
  const run = new DifyRun(sse, request, plan);
  const {taskId} = run.ids;
  context.dify.tasks.set(taskId, {user: request.user, stop: () => run.stop()});
  sse.every(10_000, () => void sse.send({event: 'ping'}));
  try {
    await run.execute();
  } finally {
    context.dify.tasks.delete(taskId);
    sse.end();
  }
};
