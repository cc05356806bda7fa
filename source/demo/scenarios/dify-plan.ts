import {createRandom} from '../random.js';
import {chunkTokens, composeAnswer, countTokens, tokenize} from './answer-text.js';
import type {DifyChatRequest} from './dify-request.js';

/** How a run ends, chosen by words in the query. */
export type DifyRunMode = 'succeed' | 'fail' | 'error';

export type DifyPlan = {
  readonly mode: DifyRunMode;
  readonly answer: string;
  readonly chunks: readonly string[];
  /** Nominal pause after each chunk, in ms (before timeScale). */
  readonly chunkDelays: readonly number[];
  readonly firstTokenMs: number;
  readonly promptTokens: number;
};

/** In "error" runs the in-band error comes after this many chunks. */
export const ERROR_AFTER_CHUNKS = 4;

export const FAIL_MESSAGE =
  '[openai] Error code: 500 - The server had an error while processing your request. (ssedeck demo: the query asked the run to fail)';

export const ERROR_MESSAGE =
  '[openai] Rate Limit Error, Error code: 429 - Rate limit reached for requests. (ssedeck demo: the query asked for an error)';

export function runModeFor(query: string): DifyRunMode {
  if (/\bfail/i.test(query)) return 'fail';
  if (/\berror/i.test(query)) return 'error';
  return 'succeed';
}

function seedOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  }
  return hash >>> 0;
}

/** Everything a run will say and how fast, decided up front and repeatable per query and turn. */
export function planDifyRun(request: DifyChatRequest): DifyPlan {
  const random = createRandom(seedOf(`${request.query}\u0000${request.turn}`));
  const answer = composeAnswer(request.query, {
    source: 'Dify chatflow',
    turn: request.turn,
    long: /\blong\b/i.test(request.query),
  });
  const chunks = chunkTokens(tokenize(answer), () => random.int(1, 3));
  return {
    mode: runModeFor(request.query),
    answer,
    chunks,
    chunkDelays: chunks.map(() => random.int(30, 60)),
    firstTokenMs: random.int(250, 450),
    promptTokens: 48 + countTokens(request.query) + 20 * (request.turn - 1),
  };
}
