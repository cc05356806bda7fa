import {randomBytes} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {DemoContext, RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {readJsonObject, sendJson} from '../http-helpers.js';
import {createRandom} from '../random.js';
import {chunkTokens, composeAnswer, countTokens, tokenize} from './answer-text.js';
import {
  checkOpenAiAuth,
  parseOpenAiChat,
  sendOpenAiError,
  type OpenAiChatRequest,
} from './openai-request.js';

const BAD_JSON =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)";

type Completion = {
  readonly base: Record<string, unknown>;
  readonly answer: string;
  readonly usage: Record<string, number>;
};

/**
 * POST /v1/chat/completions: an OpenAI-compatible chat model. `stream: true`
 * sends chat.completion.chunk events (role delta, paced content deltas, a
 * finish_reason chunk, an optional usage chunk) and `data: [DONE]`;
 * otherwise one chat.completion JSON.
 */
export const openAiChat: RouteHandler = async (context, {req, res}) => {
  if (!checkOpenAiAuth(req, res)) return;
  const body = await readJsonObject(req);
  if (!body.ok) {
    sendOpenAiError(res, 400, BAD_JSON, 'invalid_request_error', null);
    return;
  }
  const parsed = parseOpenAiChat(body.value);
  if (!parsed.ok) {
    const code = 'missing_required_parameter';
    sendOpenAiError(res, 400, parsed.message, 'invalid_request_error', code, parsed.param);
    return;
  }
  const completion = prepare(parsed.request);
  if (parsed.request.stream) await streamCompletion(context, res, parsed.request, completion);
  else sendCompletion(res, completion);
};

function prepare(request: OpenAiChatRequest): Completion {
  const answer = composeAnswer(request.question, {
    source: 'OpenAI-compatible model',
    turn: request.turn,
    memory: request.memory,
  });
  const promptTokens = 12 + countTokens(request.promptText);
  const completionTokens = countTokens(answer);
  return {
    base: {
      id: `chatcmpl-${randomBytes(12).toString('hex')}`,
      object: 'chat.completion.chunk',
      created: Math.floor(Date.now() / 1000),
      model: request.model,
      system_fingerprint: 'fp_ssedeck',
    },
    answer,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

function sendCompletion(res: ServerResponse, {base, answer, usage}: Completion): void {
  const message = {role: 'assistant', content: answer, refusal: null, annotations: []};
  sendJson(res, 200, {
    ...base,
    object: 'chat.completion',
    choices: [{index: 0, message, logprobs: null, finish_reason: 'stop'}],
    usage,
  });
}

async function streamCompletion(
  context: DemoContext,
  res: ServerResponse,
  request: OpenAiChatRequest,
  {base, answer, usage}: Completion,
): Promise<void> {
  const random = createRandom(Number(base.created));
  const sse = openSse(context, res);
  const chunk = (delta: Record<string, unknown>, finishReason: string | null) => ({
    data: JSON.stringify({
      ...base,
      choices: [{index: 0, delta, logprobs: null, finish_reason: finishReason}],
      ...(request.includeUsage ? {usage: null} : {}),
    }),
  });
  if (!(await sse.send(chunk({role: 'assistant', content: '', refusal: null}, null)))) return;
  for (const content of chunkTokens(tokenize(answer), () => random.int(1, 2))) {
    if (!(await sse.sleep(random.int(20, 50)))) return;
    if (!(await sse.sendSplitUtf8(chunk({content}, null)))) return;
  }
  if (!(await sse.send(chunk({}, 'stop')))) return;
  if (request.includeUsage) {
    if (!(await sse.send({data: JSON.stringify({...base, choices: [], usage})}))) return;
  }
  await sse.send({data: '[DONE]'});
  sse.end();
}
