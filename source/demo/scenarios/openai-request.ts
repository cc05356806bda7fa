import type {IncomingMessage, ServerResponse} from 'node:http';
import {DEMO_OPENAI_API_KEY} from '../demo-keys.js';
import {isRecord, parseBearer, sendJson} from '../http-helpers.js';
import type {ConversationMemory} from './answer-text.js';

/** A validated POST /v1/chat/completions body. */
export type OpenAiChatRequest = {
  readonly model: string;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** The text of the last user message. */
  readonly question: string;
  /** How many user messages the conversation has. */
  readonly turn: number;
  readonly promptText: string;
  /** The earlier user messages and the latest assistant answer the request carried. */
  readonly memory: ConversationMemory;
};

export function sendOpenAiError(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): void {
  sendJson(res, status, {error: {message, type, param, code}});
}

/** Checks `Authorization: Bearer sk-ssedeck-demo`; answers OpenAI's 401 and returns false if wrong. */
export function checkOpenAiAuth(req: IncomingMessage, res: ServerResponse): boolean {
  const auth = parseBearer(req);
  if (auth.kind === 'token' && auth.token === DEMO_OPENAI_API_KEY) return true;
  if (auth.kind === 'token') {
    // Never echo the key back: clients may print error bodies.
    sendOpenAiError(
      res,
      401,
      'Incorrect API key provided.',
      'invalid_request_error',
      'invalid_api_key',
    );
  } else {
    sendOpenAiError(
      res,
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
      null,
    );
  }
  return false;
}

export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

export type OpenAiParse =
  | {readonly ok: true; readonly request: OpenAiChatRequest}
  | {readonly ok: false; readonly message: string; readonly param: string};

export function parseOpenAiChat(body: Record<string, unknown>): OpenAiParse {
  const {model, messages, stream, stream_options: streamOptions} = body;
  if (typeof model !== 'string' || model === '') {
    return {ok: false, message: "Missing required parameter: 'model'.", param: 'model'};
  }
  if (!Array.isArray(messages) || messages.length === 0 || !messages.every(isRecord)) {
    return {ok: false, message: "Missing required parameter: 'messages'.", param: 'messages'};
  }
  const badRole = messages.findIndex((message) => !chatRoles.has(String(message.role)));
  if (badRole >= 0) {
    return {
      ok: false,
      message: `Invalid value: '${String(messages[badRole]?.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
      param: `messages[${badRole}].role`,
    };
  }
  const userMessages = messages.filter((message) => message.role === 'user');
  const last = userMessages.at(-1);
  return {
    ok: true,
    request: {
      model,
      stream: stream === true,
      includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
      question: last === undefined ? '' : contentText(last.content),
      turn: Math.max(1, userMessages.length),
      promptText: messages.map((message) => contentText(message.content)).join('\n'),
      memory: conversationMemory(messages),
    },
  };
}

const chatRoles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

/** What a chat request (OpenAI or Anthropic messages) carries of the conversation before its last question. */
export function conversationMemory(
  messages: readonly Record<string, unknown>[],
): ConversationMemory {
  const users = messages.filter((message) => message.role === 'user');
  const assistants = messages.filter((message) => message.role === 'assistant');
  const lastAnswer = assistants.at(-1);
  return {
    earlierQuestions: users.slice(0, -1).map((message) => contentText(message.content)),
    lastAnswerChars:
      lastAnswer === undefined ? undefined : Array.from(contentText(lastAnswer.content)).length,
  };
}
