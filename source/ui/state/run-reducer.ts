import {lineOf} from './line-editor.js';
import {without} from './record-edit.js';
import type {UiAction} from './ui-actions.js';
import {focusedName, type UiState} from './ui-state.js';

export type RunAction = Extract<UiAction, {readonly type: `run-${string}`}>;

/** The run view's part of the UI state: which panes show it, the selected node, the form input. */
export function runReducer(state: UiState, action: RunAction): UiState {
  switch (action.type) {
    case 'run-view-toggle': {
      const name = focusedName(state);
      if (name === undefined) return state;
      const runView = state.runView[name]
        ? without(state.runView, name)
        : {...state.runView, [name]: true};
      return {...state, runView, runSelected: without(state.runSelected, name)};
    }
    case 'run-select':
      return {
        ...state,
        runSelected:
          action.index === undefined
            ? without(state.runSelected, action.name)
            : {...state.runSelected, [action.name]: action.index},
      };
    case 'run-detail-toggle':
      return {
        ...state,
        runDetail: state.runDetail ? undefined : {name: action.name, offset: 0},
      };
    case 'run-detail-scroll': {
      const detail = state.runDetail;
      if (!detail) return state;
      return {...state, runDetail: {...detail, offset: Math.max(0, detail.offset + action.delta)}};
    }
    case 'run-form-start':
      return {
        ...state,
        answerInput: {name: action.name, fresh: false, form: action.form, ...lineOf('')},
        runView: {...state.runView, [action.name]: true},
        filterEdit: undefined,
        help: false,
        pretty: undefined,
      };
    case 'run-form-next': {
      const input = state.answerInput;
      if (!input?.form) return state;
      const form = {...input.form, values: [...input.form.values, action.value]};
      return {...state, answerInput: {name: input.name, fresh: false, form, ...lineOf('')}};
    }
  }
}
