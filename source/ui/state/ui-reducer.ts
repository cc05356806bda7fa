import {assertNever} from '../assert-never.js';
import {moveFocus} from '../layout.js';
import {answerReducer} from './answer-reducer.js';
import {runReducer} from './run-reducer.js';
import {withPanesRestarted, withStreams} from './streams-change.js';
import {
  applyEdit,
  lineOf,
  pastedLine,
  remember,
  type EditOp,
  type LineEdit,
} from './line-editor.js';
import {without} from './record-edit.js';
import type {UiAction} from './ui-actions.js';
import {focusedName, type UiState} from './ui-state.js';

function withLine<T extends LineEdit>(target: T, line: LineEdit): T {
  const {draft, cursor, selected, browse} = line;
  return {...target, draft, cursor, selected, browse};
}

/** One edit in the open text input: the follow-up if open, else the filter. */
function editInput(state: UiState, op: EditOp): UiState {
  const {answerInput, filterEdit, history} = state;
  if (answerInput) {
    const line = applyEdit(answerInput, op, history.followUp);
    return {...state, answerInput: withLine(answerInput, line)};
  }
  if (filterEdit) {
    const line = applyEdit(filterEdit, op, history.filter);
    return {...state, filterEdit: withLine(filterEdit, line)};
  }
  return state;
}

function withFocus(state: UiState, focus: number): UiState {
  if (focus === state.focus) return state;
  const diagnostics = state.diagnostics && {offset: 0};
  return {...state, focus, pretty: undefined, diagnostics};
}

export function uiReducer(state: UiState, action: UiAction): UiState {
  const count = state.names.length;
  switch (action.type) {
    case 'streams':
      return withStreams(state, action.names, action.views);
    case 'focus-next':
      return count === 0 ? state : withFocus(state, (state.focus + 1) % count);
    case 'focus-previous':
      return count === 0 ? state : withFocus(state, (state.focus - 1 + count) % count);
    case 'focus-index':
      return action.index >= 0 && action.index < count ? withFocus(state, action.index) : state;
    case 'focus-move':
      return withFocus(state, moveFocus(state.focus, action.direction, action.columns, count));
    case 'zoom-toggle':
      return {
        ...state,
        view: state.view === 'grid' ? 'zoom' : 'grid',
        pretty: undefined,
        diagnostics: undefined,
      };
    case 'zoom-open':
      return state.view === 'zoom' ? state : {...state, view: 'zoom'};
    case 'back':
      if (state.reloadErrors) return {...state, reloadErrors: undefined};
      if (state.answerInput) return {...state, answerInput: undefined};
      if (state.filterEdit) return {...state, filterEdit: undefined};
      if (state.help) return {...state, help: false, helpScroll: 0};
      if (state.pretty) return {...state, pretty: undefined};
      if (state.diagnostics) return {...state, diagnostics: undefined};
      if (state.runDetail) return {...state, runDetail: undefined};
      if (state.view === 'zoom') return {...state, view: 'grid'};
      return state;
    case 'help-toggle':
      return {...state, help: !state.help, helpScroll: 0};
    case 'help-scroll': {
      const helpScroll = Math.max(0, Math.min(action.max, state.helpScroll + action.delta));
      return helpScroll === state.helpScroll ? state : {...state, helpScroll};
    }
    case 'timestamps-toggle':
      return {...state, timestamps: !state.timestamps};
    case 'details-toggle':
      return {...state, details: !state.details};
    case 'filter-start': {
      const name = focusedName(state);
      if (name === undefined) return state;
      const current = state.filters[name] ?? '';
      // The current filter starts selected: typing replaces it, ←/→ keep it.
      return {
        ...state,
        filterEdit: {name, ...lineOf(current, {selected: true}), previous: current},
      };
    }
    case 'input-edit':
      return editInput(state, action.op);
    case 'input-paste':
      return editInput(state, {type: 'insert', text: pastedLine(action.text)});
    case 'filter-commit': {
      const edit = state.filterEdit;
      if (!edit) return state;
      const filters =
        edit.draft === ''
          ? without(state.filters, edit.name)
          : {...state.filters, [edit.name]: edit.draft};
      return {
        ...state,
        filters,
        filterEdit: undefined,
        history: {...state.history, filter: remember(state.history.filter, edit.draft)},
        selection: without(state.selection, edit.name),
        pretty: undefined,
      };
    }
    case 'filter-cancel':
      return state.filterEdit ? {...state, filterEdit: undefined} : state;
    case 'select':
      return {
        ...state,
        selection:
          action.seq === undefined
            ? without(state.selection, action.name)
            : {...state.selection, [action.name]: action.seq},
      };
    case 'pretty-open':
      return {
        ...state,
        view: 'zoom',
        pretty: {name: action.name, seq: action.seq, offset: 0},
        diagnostics: undefined,
      };
    case 'diagnostics-toggle':
      return state.diagnostics
        ? {...state, diagnostics: undefined}
        : {...state, view: 'zoom', pretty: undefined, diagnostics: {offset: 0}};
    case 'diagnostics-scroll': {
      const diagnostics = state.diagnostics;
      if (!diagnostics) return state;
      const offset = Math.max(0, Math.min(action.max, diagnostics.offset + action.delta));
      return offset === diagnostics.offset ? state : {...state, diagnostics: {offset}};
    }
    case 'pretty-scroll': {
      const pretty = state.pretty;
      if (!pretty) return state;
      const offset = Math.max(0, Math.min(action.max, pretty.offset + action.delta));
      return offset === pretty.offset ? state : {...state, pretty: {...pretty, offset}};
    }
    case 'pretty-close':
      return state.pretty ? {...state, pretty: undefined} : state;
    case 'answer-view-all':
    case 'answer-view-toggle':
    case 'reasoning-toggle':
    case 'answer-input-start':
    case 'answer-input-close':
    case 'answer-scroll':
      return answerReducer(state, action);
    case 'run-view-toggle':
    case 'run-select':
    case 'run-detail-toggle':
    case 'run-detail-scroll':
    case 'run-form-start':
    case 'run-form-next':
      return runReducer(state, action);
    case 'confirm-open':
      return {...state, confirm: action.confirm};
    case 'confirm-close':
      return state.confirm ? {...state, confirm: undefined} : state;
    case 'reload-errors':
      return state.reloadErrors === action.lines ? state : {...state, reloadErrors: action.lines};
    case 'panes-restarted':
      return withPanesRestarted(state, action.panes);
    case 'message': {
      const id = state.messageCount + 1;
      return {...state, messageCount: id, message: {id, text: action.text, level: action.level}};
    }
    case 'message-expire':
      return state.message?.id === action.id ? {...state, message: undefined} : state;
    default:
      return assertNever(action, 'UI action');
  }
}
