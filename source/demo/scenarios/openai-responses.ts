import {randomBytes} from 'node:crypto';
import type {DemoContext, RouteHandler} from '../context.js';
import {openSse} from '../context.js';
import {isRecord, readJsonObject, sendJson} from '../http-helpers.js';
import {createRandom} from '../random.js';
import {chunkTokens, composeAnswer, countTokens, tokenize} from './answer-text.js';
import {checkOpenAiAuth, contentText, sendOpenAiError} from './openai-request.js';

/** What the demo remembers of a response, for a later `previous_response_id`. */
type StoredResponse = {
  /** The user inputs of the conversation up to and including this response, oldest first. */
  readonly questions: readonly string[];
  readonly answerChars: number;
};

const MAX_STORED = 500;
const stores = new WeakMap<DemoContext, Map<string, StoredResponse>>();

function storeOf(context: DemoContext): Map<string, StoredResponse> {
  let store = stores.get(context);
  if (!store) {
    store = new Map();
    stores.set(context, store);
  }
  return store;
}

/** The text of `input`: a string, or the last user message of an input item list. */
function inputText(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  if (!Array.isArray(input)) return undefined;
  const users = input.filter((item) => isRecord(item) && item.role === 'user');
  const last: unknown = users.at(-1);
  return isRecord(last) ? contentText(last.content) : undefined;
}

/**
 * POST /v1/responses: the OpenAI Responses API (Bearer `sk-ssedeck-demo`).
 * Each response is stored, so a request with `previous_response_id` continues
 * its conversation (an unknown id is OpenAI's 404 `previous_response_not_found`);
 * the reply names the earlier questions it remembers. `stream: true` sends
 * response.created, response.in_progress, output item and content part
 * events, response.output_text.delta chunks, the done events and
 * response.completed with usage; otherwise one response JSON.
 */
export const openAiResponses: RouteHandler = async (context, {req, res}) => {
  if (!checkOpenAiAuth(req, res)) return;
  const body = await readJsonObject(req);
  if (!body.ok) {
    sendOpenAiError(
      res,
      400,
      'We could not parse the JSON body of your request.',
      'invalid_request_error',
      null,
    );
    return;
  }
  const {model, input, stream, previous_response_id: previousId, instructions} = body.value;
  if (typeof model !== 'string' || model === '') {
    sendOpenAiError(
      res,
      400,
      "Missing required parameter: 'model'.",
      'invalid_request_error',
      'missing_required_parameter',
      'model',
    );
    return;
  }
  const question = inputText(input);
  if (question === undefined || question.trim() === '') {
    sendOpenAiError(
      res,
      400,
      "Missing required parameter: 'input'.",
      'invalid_request_error',
      'missing_required_parameter',
      'input',
    );
    return;
  }
  const store = storeOf(context);
  let previous: StoredResponse | undefined;
  if (previousId !== undefined && previousId !== null) {
    previous = typeof previousId === 'string' ? store.get(previousId) : undefined;
    if (!previous) {
      sendOpenAiError(
        res,
        404,
        `Previous response with id '${String(previousId)}' not found.`,
        'invalid_request_error',
        'previous_response_not_found',
        'previous_response_id',
      );
      return;
    }
  }
  const earlier = previous?.questions ?? [];
  const answer = composeAnswer(question, {
    source: 'OpenAI Responses model',
    turn: earlier.length + 1,
    memory: {earlierQuestions: earlier, lastAnswerChars: previous?.answerChars},
  });
  const id = `resp_${randomBytes(16).toString('hex')}`;
  const itemId = `msg_${randomBytes(16).toString('hex')}`;
  store.set(id, {questions: [...earlier, question], answerChars: Array.from(answer).length});
  if (store.size > MAX_STORED) store.delete(store.keys().next().value ?? '');
  const inputTokens =
    8 + countTokens(question) + countTokens(typeof instructions === 'string' ? instructions : '');
  const outputTokens = countTokens(answer);
  const textPart = (text: string) => ({type: 'output_text', text, annotations: []});
  const item = (status: string, text?: string) => ({
    id: itemId,
    type: 'message',
    status,
    role: 'assistant',
    content: text === undefined ? [] : [textPart(text)],
  });
  const response = (status: string, output: unknown[], usage: unknown) => ({
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    model,
    instructions: typeof instructions === 'string' ? instructions : null,
    previous_response_id: typeof previousId === 'string' ? previousId : null,
    output,
    usage,
  });
  const usage = {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    total_tokens: inputTokens + outputTokens,
  };
  if (stream !== true) {
    sendJson(res, 200, response('completed', [item('completed', answer)], usage));
    return;
  }
  const sse = openSse(context, res);
  const random = createRandom(inputTokens * 31 + outputTokens);
  let sequence = 0;
  const send = (type: string, data: Record<string, unknown>) =>
    sse.send({event: type, data: JSON.stringify({type, sequence_number: sequence++, ...data})});
  const at = {item_id: itemId, output_index: 0, content_index: 0};
  try {
    if (!(await send('response.created', {response: response('in_progress', [], null)}))) return;
    if (!(await send('response.in_progress', {response: response('in_progress', [], null)})))
      return;
    if (!(await send('response.output_item.added', {output_index: 0, item: item('in_progress')})))
      return;
    if (!(await send('response.content_part.added', {...at, part: textPart('')}))) return;
    for (const delta of chunkTokens(tokenize(answer), () => random.int(1, 3))) {
      if (!(await sse.sleep(random.int(20, 50)))) return;
      if (!(await send('response.output_text.delta', {...at, delta}))) return;
    }
    if (!(await send('response.output_text.done', {...at, text: answer}))) return;
    if (!(await send('response.content_part.done', {...at, part: textPart(answer)}))) return;
    const done = item('completed', answer);
    if (!(await send('response.output_item.done', {output_index: 0, item: done}))) return;
    await send('response.completed', {response: response('completed', [done], usage)});
  } finally {
    sse.end();
  }
};
