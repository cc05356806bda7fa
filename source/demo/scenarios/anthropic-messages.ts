import {randomBytes} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {isRecord, readJsonObject, sendJson} from '../http-helpers.js';
import {createRandom} from '../random.js';
import {chunkTokens, composeAnswer, countTokens, tokenize} from './answer-text.js';
import {contentText, conversationMemory} from './openai-request.js';

/** The x-api-key the demo's Anthropic Messages API accepts (public on purpose). */
export const DEMO_ANTHROPIC_API_KEY = 'sk-ant-ssedeck-demo';

function sendAnthropicError(res: ServerResponse, status: number, type: string, message: string) {
  sendJson(res, status, {type: 'error', error: {type, message}});
}

type MessagesRequest = {
  readonly model: string;
  readonly stream: boolean;
  readonly messages: readonly Record<string, unknown>[];
  readonly system: string;
};

type Parsed = {ok: true; request: MessagesRequest} | {ok: false; message: string};

/** Checks the body as the Messages API does: model, max_tokens, user/assistant messages starting with user. */
function parseMessages(body: Record<string, unknown>): Parsed {
  const {model, max_tokens: maxTokens, messages, stream, system} = body;
  if (typeof model !== 'string' || model === '')
    return {ok: false, message: 'model: Field required'};
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
    return {ok: false, message: 'max_tokens: Field required'};
  }
  if (!Array.isArray(messages) || messages.length === 0 || !messages.every(isRecord)) {
    return {ok: false, message: 'messages: Field required'};
  }
  const bad = messages.findIndex(
    (message) => message.role !== 'user' && message.role !== 'assistant',
  );
  if (bad >= 0) {
    const hint =
      messages[bad]?.role === 'system'
        ? ' (the Messages API takes the system prompt as the top-level `system` parameter)'
        : '';
    return {
      ok: false,
      message: `messages.${bad}.role: Input should be 'user' or 'assistant'${hint}`,
    };
  }
  if (messages[0]?.role !== 'user') {
    return {ok: false, message: 'messages: first message must use the "user" role'};
  }
  const empty = messages.findIndex((message) => contentText(message.content).trim() === '');
  if (empty >= 0) {
    return {ok: false, message: `messages.${empty}: all messages must have non-empty content`};
  }
  return {
    ok: true,
    request: {
      model,
      stream: stream === true,
      messages,
      system: typeof system === 'string' ? system : contentText(system),
    },
  };
}

/**
 * POST /v1/messages: an Anthropic Messages API model (x-api-key
 * `sk-ant-ssedeck-demo`, `anthropic-version` required). It answers the last
 * user message and names the earlier questions and the latest assistant
 * answer it received, so a client's follow-up can be checked. `stream: true`
 * sends message_start, content_block_start, ping, text_delta
 * content_block_delta events, content_block_stop, message_delta (stop_reason,
 * usage) and message_stop; otherwise one message JSON.
 */
export const anthropicMessages: RouteHandler = async (context, {req, res}) => {
  const key = req.headers['x-api-key'];
  if (key !== DEMO_ANTHROPIC_API_KEY) {
    sendAnthropicError(res, 401, 'authentication_error', 'invalid x-api-key');
    return;
  }
  if (typeof req.headers['anthropic-version'] !== 'string') {
    sendAnthropicError(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
    return;
  }
  const body = await readJsonObject(req);
  if (!body.ok) {
    sendAnthropicError(res, 400, 'invalid_request_error', 'There was an issue with the JSON body');
    return;
  }
  const parsed = parseMessages(body.value);
  if (!parsed.ok) {
    sendAnthropicError(res, 400, 'invalid_request_error', parsed.message);
    return;
  }
  const {request} = parsed;
  const users = request.messages.filter((message) => message.role === 'user');
  const question = contentText(users.at(-1)?.content);
  const answer = composeAnswer(question, {
    source: 'Anthropic-compatible model',
    turn: users.length,
    memory: conversationMemory(request.messages),
  });
  const inputTokens =
    10 +
    countTokens(request.system) +
    countTokens(request.messages.map((message) => contentText(message.content)).join('\n'));
  const outputTokens = countTokens(answer);
  const message = {
    id: `msg_${randomBytes(12).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model: request.model,
    stop_sequence: null,
  };
  if (!request.stream) {
    sendJson(res, 200, {
      ...message,
      content: [{type: 'text', text: answer}],
      stop_reason: 'end_turn',
      usage: {input_tokens: inputTokens, output_tokens: outputTokens},
    });
    return;
  }
  const sse = openSse(context, res);
  const random = createRandom(inputTokens + outputTokens);
  const send = (type: string, data: Record<string, unknown>) =>
    sse.send({event: type, data: JSON.stringify({type, ...data})});
  try {
    const start = {
      message: {
        ...message,
        content: [],
        stop_reason: null,
        usage: {input_tokens: inputTokens, output_tokens: 1},
      },
    };
    if (!(await send('message_start', start))) return;
    const block = {index: 0, content_block: {type: 'text', text: ''}};
    if (!(await send('content_block_start', block))) return;
    if (!(await send('ping', {}))) return;
    for (const text of chunkTokens(tokenize(answer), () => random.int(1, 3))) {
      if (!(await sse.sleep(random.int(20, 50)))) return;
      if (!(await send('content_block_delta', {index: 0, delta: {type: 'text_delta', text}}))) {
        return;
      }
    }
    if (!(await send('content_block_stop', {index: 0}))) return;
    const delta = {
      delta: {stop_reason: 'end_turn', stop_sequence: null},
      usage: {output_tokens: outputTokens},
    };
    if (!(await send('message_delta', delta))) return;
    await send('message_stop', {});
  } finally {
    sse.end();
  }
};
