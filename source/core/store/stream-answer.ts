import {
  answerSnapshot,
  createAnswerState,
  detectAnswerPreset,
  latestConversationId,
  latestResponseId,
  setAnswerQuery,
  type AnswerPreset,
} from '../answer/index.js';
import {
  createDifyRunState,
  difyRunSnapshot,
  markStopRequested,
  setReattachOutcome,
} from '../dify-run/index.js';
import {bodyAsJsonObject} from '../request.js';
import type {StreamSpec} from '../stream-spec.js';
import type {StreamState} from './stream-state.js';
import type {StreamStore} from './types.js';

/**
 * The answer side of a stream in the store: which fold it uses and the
 * question its first run asks, as far as the request says.
 */

function lastUserMessage(messages: unknown): string | undefined {
  if (!Array.isArray(messages)) return undefined;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message: unknown = messages[index];
    if (message === null || typeof message !== 'object') continue;
    const {role, content} = message as {role?: unknown; content?: unknown};
    if (role === 'user') return typeof content === 'string' ? content : undefined;
  }
  return undefined;
}

/**
 * The question a request asks: Dify's `query`, the last user message of a
 * chat request, or the `input` of an OpenAI Responses request.
 */
export function requestQuery(spec: StreamSpec, preset: AnswerPreset): string | undefined {
  const body = bodyAsJsonObject(spec.body);
  if (!body) return undefined;
  const query =
    preset === 'dify'
      ? body['query']
      : (lastUserMessage(body['messages']) ??
        (typeof body['input'] === 'string' ? body['input'] : lastUserMessage(body['input'])));
  return typeof query === 'string' && query.trim() !== '' ? query : undefined;
}

/** Gives the stream its answer fold (none for `none`); the first decision wins. */
export function decideAnswer(state: StreamState, preset: AnswerPreset, query?: string): void {
  if (state.answerDecided) return;
  state.answerDecided = true;
  if (preset === 'none') return;
  state.answer = createAnswerState(preset, query === undefined ? {} : {query});
  state.answerSnapshot = answerSnapshot(state.answer);
  if (preset === 'dify') {
    state.difyRun = createDifyRunState();
    state.difyRunSnapshot = difyRunSnapshot(state.difyRun);
  }
}

/** The preset of a stream once its spec is known: the configured one, or guessed from the URL. */
export function attachAnswer(state: StreamState, spec: StreamSpec): void {
  if (!state.answerDecided) {
    const preset = detectAnswerPreset(spec.url);
    decideAnswer(state, preset, requestQuery(spec, preset));
    return;
  }
  // Configured before the spec was known: the request still tells the first question.
  const answer = state.answer;
  if (!answer) return;
  const {current} = answerSnapshot(answer);
  if (current.query !== undefined || current.metrics.startedAt !== undefined) return;
  const query = requestQuery(spec, answer.preset);
  if (query !== undefined && setAnswerQuery(answer, query)) state.answerChanged = true;
}

/** The store's methods for the answer and Dify run folds of its streams. */
export function answerMethods(
  known: (name: string) => StreamState | undefined,
  changed: (state: StreamState) => void,
): Pick<
  StreamStore,
  | 'getAnswerSnapshot'
  | 'setAnswerQuery'
  | 'getRunSnapshot'
  | 'markStopRequested'
  | 'setReattachOutcome'
  | 'latestConversationId'
  | 'latestResponseId'
> {
  return {
    getAnswerSnapshot: (name) => known(name)?.answerSnapshot,
    setAnswerQuery(name, query, newConversation = false) {
      const state = known(name);
      if (!state?.answer || !setAnswerQuery(state.answer, query, newConversation)) return;
      state.answerChanged = true;
      changed(state);
    },
    getRunSnapshot: (name) => known(name)?.difyRunSnapshot,
    markStopRequested(name, at) {
      const state = known(name);
      if (!state?.difyRun || !markStopRequested(state.difyRun, at)) return;
      state.difyRunChanged = true;
      changed(state);
    },
    setReattachOutcome(name, outcome) {
      const state = known(name);
      if (!state?.difyRun || !setReattachOutcome(state.difyRun, outcome)) return;
      state.difyRunChanged = true;
      changed(state);
    },
    latestConversationId(name) {
      const answer = known(name)?.answer;
      return answer ? latestConversationId(answer) : undefined;
    },
    latestResponseId(name) {
      const answer = known(name)?.answer;
      return answer ? latestResponseId(answer) : undefined;
    },
  };
}
