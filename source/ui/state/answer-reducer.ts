import type {AnswerAction} from './ui-actions.js';
import {focusedName, type UiState} from './ui-state.js';

function assertNever(value: never): never {
  throw new Error(`unhandled answer action: ${JSON.stringify(value)}`);
}

// Typed or pasted text never carries control characters.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/g;

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = {...record};
  delete copy[key];
  return copy;
}

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
        answerInput: {name: action.name, draft: ''},
        answerView: {...state.answerView, [action.name]: true},
        filterEdit: undefined,
        help: false,
        pretty: undefined,
      };
    case 'answer-input-type': {
      const input = state.answerInput;
      const text = action.text.replace(controls, '');
      if (!input || text === '') return state;
      return {...state, answerInput: {...input, draft: input.draft + text}};
    }
    case 'answer-input-erase': {
      const input = state.answerInput;
      if (!input || input.draft === '') return state;
      const draft = Array.from(input.draft).slice(0, -1).join('');
      return {...state, answerInput: {...input, draft}};
    }
    case 'answer-input-close':
      return state.answerInput ? {...state, answerInput: undefined} : state;
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
      return assertNever(action);
  }
}
