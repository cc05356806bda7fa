import {assertNever} from '../assert-never.js';
import {lineOf, remember} from './line-editor.js';
import {without} from './record-edit.js';
import type {AnswerAction} from './ui-actions.js';
import {focusedName, type UiState} from './ui-state.js';

/** The answer view's part of the UI state: which panes show answers, reasoning, input, scroll. */
export function answerReducer(state: UiState, action: AnswerAction): UiState {
  switch (action.type) {
    case 'answer-view-all': {
      const all = state.names.length > 0 && state.names.every((name) => state.answerView[name]);
      const answerView: Record<string, boolean> = {};
      if (!all) for (const name of state.names) answerView[name] = true;
      return {...state, answerView, answerScroll: {}};
    }
    case 'answer-view-toggle': {
      const name = focusedName(state);
      if (name === undefined) return state;
      const answerView = state.answerView[name]
        ? without(state.answerView, name)
        : {...state.answerView, [name]: true};
      return {...state, answerView, answerScroll: without(state.answerScroll, name)};
    }
    case 'reasoning-toggle':
      return {...state, reasoning: !state.reasoning};
    case 'answer-input-start':
      // The answer view shows what the question brings.
      return {
        ...state,
        answerInput: {name: action.name, fresh: action.fresh ?? false, ...lineOf('')},
        answerView: {...state.answerView, [action.name]: true},
        filterEdit: undefined,
        help: false,
        pretty: undefined,
      };
    case 'answer-input-close': {
      if (!state.answerInput) return state;
      const history =
        action.sent === undefined
          ? state.history
          : {...state.history, followUp: remember(state.history.followUp, action.sent)};
      return {...state, answerInput: undefined, history};
    }
    case 'answer-scroll':
      if (state.answerScroll[action.name] === action.top) return state;
      return {
        ...state,
        answerScroll:
          action.top === undefined
            ? without(state.answerScroll, action.name)
            : {...state.answerScroll, [action.name]: action.top},
      };
    default:
      return assertNever(action, 'answer action');
  }
}
