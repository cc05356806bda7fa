import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {isRecord, readJsonObject, sendJson} from '../http-helpers.js';
import {emitPayload} from './dify-channel.js';
import {checkDifyAuth, sendDifyBadJson, sendDifyError} from './dify-errors.js';
import {pipeRun} from './dify-flow-stream.js';
import {runWithForm} from './dify-state.js';

/**
 * Dify 1.14's human input and resume endpoints for the demo flow runs:
 * GET/POST /v1/form/human_input/{form_token} and
 * GET /v1/workflow/{workflow_run_id}/events?user=...
 */

const formNotFound = 'Form not found or already submitted.';

/** GET /v1/form/human_input/:token: the open form, in human_input_required's terms. */
export const humanInputForm: RouteHandler = (context, {req, res, params}) => {
  if (!checkDifyAuth(req, res)) return;
  const form = runWithForm(context.dify, params[0] ?? '')?.form();
  if (form === undefined) {
    sendDifyError(res, 404, 'not_found', formNotFound);
    return;
  }
  sendJson(res, 200, {
    form_content: form.formContent,
    inputs: form.inputs,
    actions: form.actions,
    resolved_default_values: form.defaults,
    expiration_time: form.expirationTime,
  });
};

/** POST /v1/form/human_input/:token with {inputs, action, user}: fills the form; the run goes on. */
export const humanInputSubmit: RouteHandler = async (context, {req, res, params}) => {
  if (!checkDifyAuth(req, res)) return;
  const body = await readJsonObject(req);
  if (!body.ok) {
    sendDifyBadJson(res);
    return;
  }
  const {inputs, action, user} = body.value;
  if (typeof user !== 'string' || user === '') {
    sendDifyError(res, 400, 'invalid_param', 'Arg user must be provided.');
    return;
  }
  if (typeof action !== 'string' || action === '') {
    sendDifyError(res, 400, 'invalid_param', 'action is required');
    return;
  }
  if (inputs !== undefined && !isRecord(inputs)) {
    sendDifyError(res, 400, 'invalid_param', 'inputs must be an object');
    return;
  }
  const run = runWithForm(context.dify, params[0] ?? '');
  if (run === undefined || run.user !== user) {
    sendDifyError(res, 404, 'not_found', formNotFound);
    return;
  }
  const result = run.submit(inputs ?? {}, action);
  if (!result.ok) {
    sendDifyError(res, result.status, result.code, result.message);
    return;
  }
  sendJson(res, 200, {result: 'success'});
};

/**
 * GET /v1/workflow/:id/events?user=: re-attaches to a flow run. A running
 * run streams what no connection took yet; a paused one repeats its pause;
 * a finished one sends only its workflow_finished (like Dify). "legacy" runs
 * answer 404 like a server older than 1.14.
 */
export const workflowEvents: RouteHandler = async (context, {req, res, url, params}) => {
  if (!checkDifyAuth(req, res)) return;
  const run = context.dify.runs.get(params[0] ?? '');
  if (run?.legacy === true) {
    sendDifyError(res, 404, 'not_found', 'The requested URL was not found on the server.');
    return;
  }
  const user = url.searchParams.get('user');
  if (user === null || user === '') {
    sendDifyError(res, 400, 'invalid_param', 'Arg user must be provided.');
    return;
  }
  if (run === undefined || run.user !== user) {
    sendDifyError(res, 404, 'not_found', 'Workflow run not found');
    return;
  }
  const sse = openSse(context, res);
  if (!(await sse.send({event: 'ping'}))) return;
  const {channel} = run;
  if (channel.pending === 0 && channel.phase !== 'running') {
    const repeat =
      channel.phase === 'paused'
        ? [channel.last('human_input_required'), channel.last('workflow_paused')]
        : [channel.last('workflow_finished')];
    for (const payload of repeat) if (payload !== undefined) await emitPayload(sse, payload);
    sse.end();
    return;
  }
  await pipeRun(sse, run);
};
