import {randomUUID} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {DemoContext} from '../context.js';
import {sendJson} from '../http-helpers.js';
import {delay} from '../timing.js';
import {countTokens} from './answer-text.js';
import {difyUsage} from './dify-events.js';
import {sendDifyError} from './dify-errors.js';
import {ERROR_MESSAGE, FAIL_MESSAGE, type DifyPlan} from './dify-plan.js';
import type {DifyChatRequest} from './dify-request.js';

/**
 * `response_mode` other than "streaming": wait as long as the stream would
 * take, then answer with Dify's blocking chat shape (or a 400 for "fail" and
 * "error" queries).
 */
export async function answerDifyBlocking(
  context: DemoContext,
  res: ServerResponse,
  request: DifyChatRequest,
  plan: DifyPlan,
): Promise<void> {
  const nominalMs = plan.firstTokenMs + plan.chunkDelays.reduce((sum, ms) => sum + ms, 0);
  if (!(await delay(nominalMs * context.timeScale, context.shutdown))) {
    res.destroy();
    return;
  }
  if (plan.mode === 'fail') {
    sendDifyError(res, 400, 'invalid_param', `Run failed: ${FAIL_MESSAGE}`);
    return;
  }
  if (plan.mode === 'error') {
    sendDifyError(res, 400, 'completion_request_error', ERROR_MESSAGE);
    return;
  }
  const messageId = randomUUID();
  const firstTokenSeconds = plan.firstTokenMs / 1000;
  sendJson(res, 200, {
    event: 'message',
    task_id: randomUUID(),
    id: messageId,
    message_id: messageId,
    conversation_id: request.conversation.id,
    mode: 'advanced-chat',
    answer: plan.answer,
    metadata: {
      retriever_resources: [],
      usage: difyUsage(
        plan.promptTokens,
        countTokens(plan.answer),
        nominalMs / 1000,
        firstTokenSeconds,
      ),
    },
    created_at: Math.floor(Date.now() / 1000),
  });
}
