import type {RouteHandler} from './context.js';
import {DEMO_DIFY_API_KEY, DEMO_OPENAI_API_KEY} from './demo-keys.js';
import {sendJson} from './http-helpers.js';
import {buffered} from './scenarios/buffered.js';
import {difyChat} from './scenarios/dify-chat.js';
import {humanInputForm, humanInputSubmit, workflowEvents} from './scenarios/dify-human-input.js';
import {difyStop} from './scenarios/dify-stop.js';
import {flaky} from './scenarios/flaky.js';
import {flood} from './scenarios/flood.js';
import {logs} from './scenarios/logs.js';
import {empty, forgetful, pingsOnly, skipping} from './scenarios/misbehaving.js';
import {anthropicMessages, DEMO_ANTHROPIC_API_KEY} from './scenarios/anthropic-messages.js';
import {openAiChat} from './scenarios/openai-chat.js';
import {openAiResponses} from './scenarios/openai-responses.js';
import {status} from './scenarios/status.js';
import {ticker} from './scenarios/ticker.js';

export type DemoRoute = {
  readonly name: string;
  /** "*" accepts any method. */
  readonly method: 'GET' | 'POST' | '*';
  /** The path as people write it, e.g. "/status/:code". */
  readonly path: string;
  readonly pattern: RegExp;
  readonly description: string;
  readonly auth?: string;
  readonly handler: RouteHandler;
};

const index: RouteHandler = (_context, {res}) => {
  sendJson(res, 200, {
    name: 'ssedeck demo server',
    scenarios: DEMO_ROUTES.map(({name, method, path, description, auth}) => ({
      name,
      method,
      path,
      description,
      ...(auth === undefined ? {} : {auth}),
    })),
  });
};

export const DEMO_ROUTES: readonly DemoRoute[] = [
  {
    name: 'index',
    method: 'GET',
    path: '/',
    pattern: /^\/$/,
    description: 'This list.',
    handler: index,
  },
  {
    name: 'ticker',
    method: 'GET',
    path: '/ticker',
    pattern: /^\/ticker$/,
    description:
      'Price ticks with ids every ~250 ms; resumes after Last-Event-ID. ?interval=ms&limit=N',
    handler: ticker,
  },
  {
    name: 'logs',
    method: 'GET',
    path: '/logs',
    pattern: /^\/logs$/,
    description:
      'Log lines as event: info|warn|error, ~3/s, stack traces in some errors. ?interval=ms&limit=N&seed=N',
    handler: logs,
  },
  {
    name: 'flaky',
    method: 'GET',
    path: '/flaky',
    pattern: /^\/flaky$/,
    description:
      'Ticks with retry: 1500 that drop the connection every ~20 events (abruptly or cleanly, in turn). ?every=N&interval=ms&retry=ms',
    handler: flaky,
  },
  {
    name: 'dify-chat',
    method: 'POST',
    path: '/v1/chat-messages',
    pattern: /^\/v1\/chat-messages$/,
    description:
      'Dify chatflow (advanced-chat) Service API. Queries with "fail", "error" or "long" change the run; "branches" (iteration + parallel branches), "approval" (human input pause), "stubborn" (stop does not stop), "drop" (connection cut mid-run) and "legacy" (no re-attach) pick richer flows.',
    auth: `Bearer ${DEMO_DIFY_API_KEY}`,
    handler: difyChat,
  },
  {
    name: 'dify-stop',
    method: 'POST',
    path: '/v1/chat-messages/:task_id/stop',
    pattern: /^\/v1\/chat-messages\/([^/]+)\/stop$/,
    description: 'Stops a running Dify stream. Body {"user"}.',
    auth: `Bearer ${DEMO_DIFY_API_KEY}`,
    handler: difyStop,
  },
  {
    name: 'dify-form',
    method: 'GET',
    path: '/v1/form/human_input/:form_token',
    pattern: /^\/v1\/form\/human_input\/([^/]+)$/,
    description: 'The open human input form of an "approval" run.',
    auth: `Bearer ${DEMO_DIFY_API_KEY}`,
    handler: humanInputForm,
  },
  {
    name: 'dify-form-submit',
    method: 'POST',
    path: '/v1/form/human_input/:form_token',
    pattern: /^\/v1\/form\/human_input\/([^/]+)$/,
    description: 'Fills the form: body {"inputs", "action", "user"}; the run continues.',
    auth: `Bearer ${DEMO_DIFY_API_KEY}`,
    handler: humanInputSubmit,
  },
  {
    name: 'dify-events',
    method: 'GET',
    path: '/v1/workflow/:workflow_run_id/events',
    pattern: /^\/v1\/workflow\/([^/]+)\/events$/,
    description:
      'Re-attaches to a flow run (Dify 1.14+): what the last connection did not get, then the rest. ?user=',
    auth: `Bearer ${DEMO_DIFY_API_KEY}`,
    handler: workflowEvents,
  },
  {
    name: 'openai-chat',
    method: 'POST',
    path: '/v1/chat/completions',
    pattern: /^\/v1\/chat\/completions$/,
    description: 'OpenAI-compatible chat completions, streaming or not.',
    auth: `Bearer ${DEMO_OPENAI_API_KEY}`,
    handler: openAiChat,
  },
  {
    name: 'openai-responses',
    method: 'POST',
    path: '/v1/responses',
    pattern: /^\/v1\/responses$/,
    description:
      'OpenAI Responses API, streaming or not; previous_response_id continues a conversation.',
    auth: `Bearer ${DEMO_OPENAI_API_KEY}`,
    handler: openAiResponses,
  },
  {
    name: 'anthropic-messages',
    method: 'POST',
    path: '/v1/messages',
    pattern: /^\/v1\/messages$/,
    description:
      'Anthropic Messages API (anthropic-version header required), streaming or not; answers from the messages it gets.',
    auth: `x-api-key: ${DEMO_ANTHROPIC_API_KEY}`,
    handler: anthropicMessages,
  },
  {
    name: 'flood',
    method: 'GET',
    path: '/flood',
    pattern: /^\/flood$/,
    description:
      'n events (default 10000) of ~size bytes (default 100), as fast as the client reads. ?n=COUNT&size=BYTES',
    handler: flood,
  },
  {
    name: 'buffered',
    method: 'GET',
    path: '/buffered',
    pattern: /^\/buffered$/,
    description:
      'Ticks every 200 ms held back and sent in bursts every 3 s, like a buffering proxy; gzip=1 compresses. ?interval=ms&flush=ms&gzip=1&limit=N',
    handler: buffered,
  },
  {
    name: 'pings',
    method: 'GET',
    path: '/pings',
    pattern: /^\/pings$/,
    description: 'Only keep-alives: event: ping with no data every 2 s, forever. ?interval=ms',
    handler: pingsOnly,
  },
  {
    name: 'forgetful',
    method: 'GET',
    path: '/forgetful',
    pattern: /^\/forgetful$/,
    description:
      'Ticks with ids from 1 that end after 10 events and restart from 1, ignoring Last-Event-ID. ?every=N&interval=ms',
    handler: forgetful,
  },
  {
    name: 'skipping',
    method: 'GET',
    path: '/skipping',
    pattern: /^\/skipping$/,
    description: 'Ticks whose ids jump by 15 after every 12 events. ?interval=ms&every=N&skip=N',
    handler: skipping,
  },
  {
    name: 'empty',
    method: 'GET',
    path: '/empty',
    pattern: /^\/empty$/,
    description: 'A 200 event stream that ends at once with no events (a reconnect loop).',
    handler: empty,
  },
  {
    name: 'status',
    method: '*',
    path: '/status/:code',
    pattern: /^\/status\/([^/]+)$/,
    description: 'Answers with that HTTP status and a small JSON body. ?retry_after=s',
    handler: status,
  },
];

export type RouteMatch =
  | {readonly kind: 'found'; readonly route: DemoRoute; readonly params: readonly string[]}
  | {readonly kind: 'wrong-method'; readonly allow: readonly string[]}
  | {readonly kind: 'not-found'};

export function matchRoute(method: string, pathname: string): RouteMatch {
  const allow: string[] = [];
  for (const route of DEMO_ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match === null) continue;
    if (route.method === '*' || route.method === method) {
      const params = match.slice(1).map((part) => decodeURIComponent(part));
      return {kind: 'found', route, params};
    }
    allow.push(route.method);
  }
  return allow.length > 0 ? {kind: 'wrong-method', allow} : {kind: 'not-found'};
}
