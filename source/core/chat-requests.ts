import {detectDifyEndpoint, type AnswerPreset} from './answer/answer-preset.js';
import {withDifyQuery} from './dify-requests.js';
import {bodyAsJsonObject} from './request.js';
import type {StreamSpec} from './stream-spec.js';

/**
 * Follow-ups and new conversations for every chat API ssedeck reads: the
 * next request of a conversation, built from the request sent last and the
 * answer it got, as each API expects.
 */

export type ChatApi = 'dify' | 'openai-chat' | 'openai-responses' | 'anthropic';

/** The chat API a stream talks to, or undefined when it takes no follow-up questions. */
export function chatApiOf(spec: StreamSpec, preset: AnswerPreset): ChatApi | undefined {
  if (preset === 'dify') return detectDifyEndpoint(spec.url) === 'workflow' ? undefined : 'dify';
  if (preset === 'anthropic') return 'anthropic';
  if (preset !== 'openai') return undefined;
  let path = spec.url;
  try {
    path = new URL(spec.url).pathname;
  } catch {
    // Not absolute: the string is the path.
  }
  return /\/responses\/*$/i.test(path) ? 'openai-responses' : 'openai-chat';
}

/** What the conversation so far gives the next request. */
export type ConversationState = {
  /** The answer text of the latest run (partial when it was stopped). */
  readonly answer: string;
  /** Dify: the conversation to continue. */
  readonly conversationId?: string;
  /** OpenAI Responses: the latest response id. */
  readonly responseId?: string;
};

export type NextRequest =
  {readonly ok: true; readonly spec: StreamSpec} | {readonly ok: false; readonly message: string};

type Message = Record<string, unknown>;

function messagesOf(body: Record<string, unknown>): Message[] | undefined {
  const {messages} = body;
  if (!Array.isArray(messages)) return undefined;
  return messages.filter(
    (message): message is Message => message !== null && typeof message === 'object',
  );
}

/** OpenAI's system and developer messages: kept by a new conversation. */
const promptRoles = new Set(['system', 'developer']);

function withBody(spec: StreamSpec, body: Record<string, unknown>): NextRequest {
  return {ok: true, spec: {...spec, body}};
}

/**
 * The request of a follow-up `query` (`fresh`: the first question of a new
 * conversation), from `last`, the request the stream sent last:
 * - Dify: `query` and the `conversation_id` (none when fresh);
 * - OpenAI chat completions: the messages sent so far, the assistant's answer
 *   and the new user message (fresh: the system/developer messages and the
 *   new one);
 * - Anthropic messages: likewise (the top-level `system` prompt stays);
 * - OpenAI Responses: `input` and `previous_response_id` (none when fresh);
 *   `instructions` stay.
 */
export function nextChatRequest(
  last: StreamSpec,
  api: ChatApi,
  state: ConversationState,
  query: string,
  fresh: boolean,
): NextRequest {
  if (api === 'dify') {
    const spec = withDifyQuery(last, {query, conversationId: fresh ? '' : state.conversationId});
    const body = bodyAsJsonObject(spec.body);
    if (!body) return {ok: false, message: 'the request body is not a JSON object'};
    if (body.conversation_id === '' || body.conversation_id === undefined) {
      const {conversation_id: _dropped, ...rest} = body;
      return withBody(spec, rest);
    }
    return {ok: true, spec};
  }
  const body = bodyAsJsonObject(last.body);
  if (!body) return {ok: false, message: 'the request body is not a JSON object'};
  if (api === 'openai-responses') {
    const {previous_response_id: previous, ...rest} = body;
    const responseId = fresh ? undefined : (state.responseId ?? previous);
    return withBody(last, {
      ...rest,
      input: query,
      ...(typeof responseId === 'string' && responseId !== ''
        ? {previous_response_id: responseId}
        : {}),
    });
  }
  const messages = messagesOf(body);
  if (!messages) return {ok: false, message: 'the request has no messages array'};
  const user = {role: 'user', content: query};
  if (fresh) {
    const kept =
      api === 'openai-chat'
        ? messages.filter((message) => promptRoles.has(String(message.role)))
        : [];
    return withBody(last, {...body, messages: [...kept, user]});
  }
  const answer = state.answer.trim() === '' ? [] : [{role: 'assistant', content: state.answer}];
  return withBody(last, {...body, messages: [...messages, ...answer, user]});
}
