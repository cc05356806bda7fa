import {detectDifyEndpoint} from './answer/answer-preset.js';
import type {FetchLike} from './fetch.js';
import {defaultFetch} from './fetch.js';
import {readBodySnippet, statusLine} from './http-response.js';
import {bodyAsJsonObject, buildHeaders} from './request.js';
import type {StreamSpec} from './stream-spec.js';
import {explainFetchError} from './fetch-error.js';

/** The end user ssedeck sends as Dify's `user` when neither the profile nor --user names one. */
export const DEFAULT_DIFY_USER = 'ssedeck';

export type DifyQueryChange = {
  readonly query?: string;
  /** "" starts a new conversation. */
  readonly conversationId?: string;
  readonly user?: string;
};

/**
 * The spec of a Dify request with a new query, conversation or user; the rest
 * of the body (inputs, response_mode, files...) stays as the profile wrote it.
 * Also fills what Dify needs and people forget: `user`, `inputs`, and
 * `response_mode: streaming` (Dify defaults to blocking). Specs whose body is
 * not a JSON object are returned unchanged.
 */
export function withDifyQuery(spec: StreamSpec, change: DifyQueryChange): StreamSpec {
  const body = spec.body === undefined ? {} : bodyAsJsonObject(spec.body);
  if (!body) return spec;
  const endpoint = detectDifyEndpoint(spec.url);
  const next: Record<string, unknown> = {...body};
  // Workflows take inputs, not a query; only chat apps have conversations.
  if (change.query !== undefined && endpoint !== 'workflow') next.query = change.query;
  if (change.conversationId !== undefined && endpoint === 'chat') {
    next.conversation_id = change.conversationId;
  }
  if (change.user !== undefined) next.user = change.user;
  else next.user ??= DEFAULT_DIFY_USER;
  next.response_mode ??= 'streaming';
  next.inputs ??= {};
  return {...spec, body: next};
}

/** The `user` a Dify spec sends (the stop endpoint needs the same one). */
export function difyUser(spec: StreamSpec): string {
  const user = bodyAsJsonObject(spec.body)?.user;
  return typeof user === 'string' && user !== '' ? user : DEFAULT_DIFY_USER;
}

/** The Service API base of a Dify stream URL: everything before /chat-messages, /workflows/run... */
export function difyApiBase(streamUrl: string): string | undefined {
  if (!detectDifyEndpoint(streamUrl)) return undefined;
  const url = new URL(streamUrl);
  const base = url.pathname.replace(
    /\/(chat-messages|completion-messages|workflows\/run|workflows\/[^/]+\/run|workflow\/[^/]+\/events)\/*$/,
    '',
  );
  return `${url.origin}${base}`;
}

/** {base}/chat-messages/{task}/stop, /completion-messages/{task}/stop or /workflows/tasks/{task}/stop. */
export function difyStopUrl(streamUrl: string, taskId: string): string | undefined {
  const endpoint = detectDifyEndpoint(streamUrl);
  const base = difyApiBase(streamUrl);
  if (!endpoint || base === undefined) return undefined;
  const task = encodeURIComponent(taskId);
  const path =
    endpoint === 'workflow'
      ? `/workflows/tasks/${task}/stop`
      : `/${endpoint === 'chat' ? 'chat' : 'completion'}-messages/${task}/stop`;
  return `${base}${path}`;
}

/**
 * The spec of a re-attach to a running or paused chatflow/workflow run (Dify
 * 1.14+): `GET {base}/workflow/{workflow_run_id}/events?user=...` with the
 * stream's own auth and headers and the `user` of its request; no body.
 */
export function difyReattachSpec(spec: StreamSpec, workflowRunId: string): StreamSpec | undefined {
  const base = difyApiBase(spec.url);
  if (base === undefined || workflowRunId === '') return undefined;
  return {
    ...spec,
    url: `${base}/workflow/${encodeURIComponent(workflowRunId)}/events`,
    method: 'GET',
    body: undefined,
    query: {user: difyUser(spec)},
  };
}

/** What a 404 from the events endpoint means. */
export const REATTACH_NEEDS_DIFY_1_14 =
  're-attach needs Dify 1.14 (GET /workflow/{id}/events answered 404)';

export type StopResult = {readonly ok: boolean; readonly message: string};

/**
 * Asks Dify to stop a running task, with the stream's own auth and user. The
 * stream itself keeps reading: Dify ends it with workflow_finished(stopped)
 * and/or message_end.
 */
export async function stopDifyTask(
  spec: StreamSpec,
  taskId: string,
  fetch: FetchLike = defaultFetch,
): Promise<StopResult> {
  const url = difyStopUrl(spec.url, taskId);
  if (!url) return {ok: false, message: 'not a Dify streaming endpoint'};
  const result = await postDifyJson(spec, url, {user: difyUser(spec)}, fetch);
  if (result.ok) return {ok: true, message: `stop requested for task ${taskId}`};
  return {
    ok: false,
    message: result.status === undefined ? `stop failed: ${result.message}` : result.message,
  };
}

export type PostResult = {
  readonly ok: boolean;
  /** The HTTP status; undefined when no response came. */
  readonly status: number | undefined;
  /** "HTTP 400 Bad Request: {body}" or why the request failed. */
  readonly message: string;
};

/** POSTs a JSON body to a Dify endpoint with the stream's own auth and headers (its timeout). */
export async function postDifyJson(
  spec: StreamSpec,
  url: string,
  body: Record<string, unknown>,
  fetch: FetchLike = defaultFetch,
): Promise<PostResult> {
  const headers = {
    ...buildHeaders({...spec, headers: spec.headers, body: {}}, ''),
    Accept: 'application/json',
  };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), spec.timeout * 1000);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      redirect: 'follow',
      signal: controller.signal,
      tls: {insecure: spec.insecure, caFile: spec.caFile},
    });
    const snippet = await readBodySnippet(response, 512);
    const ok = response.status >= 200 && response.status < 300;
    return {
      ok,
      status: response.status,
      message: ok ? snippet : `${statusLine(response)}: ${snippet}`,
    };
  } catch (error) {
    return {ok: false, status: undefined, message: explainFetchError(error, url).message};
  } finally {
    clearTimeout(timer);
  }
}
