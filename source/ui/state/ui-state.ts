/**
 * Everything the dashboard shows that is not stream data: focus, view, zoom
 * selection, filters, help, messages. One reducer owns it (ui-reducer.ts);
 * stream data stays in the store.
 */

import type {LineEdit} from './line-editor.js';

/** The filter line being edited (its text is `draft`). */
export type FilterEdit = LineEdit & {
  readonly name: string;
  /** The filter before editing, restored by Esc. */
  readonly previous: string;
};

export type PrettyView = {
  readonly name: string;
  readonly seq: number;
  /** First visible line of the pretty text. */
  readonly offset: number;
};

/** The details view of the focused pane (`D`): its first visible row. */
export type DiagnosticsView = {readonly offset: number};

/**
 * A Dify human input form being filled in the run view: the fields are asked
 * one by one on the input line, then the action; `values` holds the answers so far.
 */
export type RunFormFill = {
  readonly formToken: string;
  readonly fields: readonly string[];
  readonly actions: readonly string[];
  readonly values: readonly string[];
};

/**
 * The follow-up question being typed (its text is `draft`), or a form being
 * filled; `fresh`: the question starts a new conversation (`n`).
 */
export type AnswerInput = LineEdit & {
  readonly name: string;
  readonly fresh: boolean;
  readonly form?: RunFormFill;
};

/** What the input line asks for while a form is filled: the next field, then the action. */
export function formPrompt(form: RunFormFill): string {
  return form.fields[form.values.length] ?? `action (${form.actions.join('/')})`;
}

/** Earlier entries of the text inputs, oldest first, for ↑/↓ (this session only). */
export type InputHistory = {
  readonly followUp: readonly string[];
  readonly filter: readonly string[];
};

/** A y/n question in the footer (R, or L re-sending POSTs); `y` runs `action`. */
export type Confirm = {
  readonly text: string;
  readonly action: 'reconnect-all' | 'reload';
};

export type Message = {
  readonly id: number;
  readonly text: string;
  readonly level: 'info' | 'error';
};

export type UiState = {
  readonly names: readonly string[];
  readonly focus: number;
  readonly view: 'grid' | 'zoom';
  readonly help: boolean;
  /** First row of the help overlay shown (it scrolls when it does not fit). */
  readonly helpScroll: number;
  readonly timestamps: boolean;
  /** Zoomed view: show the last response's status line and headers. */
  readonly details: boolean;
  /** Committed filter text per stream ("" or absent = none). */
  readonly filters: Readonly<Record<string, string>>;
  readonly filterEdit: FilterEdit | undefined;
  /** Selected entry (seq) per stream in the zoomed view; absent = follow the newest. */
  readonly selection: Readonly<Record<string, number>>;
  readonly pretty: PrettyView | undefined;
  /** The focused pane's details view (diagnostics), zoomed, if open. */
  readonly diagnostics: DiagnosticsView | undefined;
  /** Panes switched to the answer view (panes without an answer preset keep showing events). */
  readonly answerView: Readonly<Record<string, boolean>>;
  /** Show the reasoning (thinking) text above answers. */
  readonly reasoning: boolean;
  /** The open follow-up input line, if any. */
  readonly answerInput: AnswerInput | undefined;
  /** First visible transcript row per pane in the zoomed answer view; absent = follow the end. */
  readonly answerScroll: Readonly<Record<string, number>>;
  /** Panes switched to the Dify run view (`f`). */
  readonly runView: Readonly<Record<string, boolean>>;
  /** The selected node row per pane in the zoomed run view; absent = none. */
  readonly runSelected: Readonly<Record<string, number>>;
  /** The selected node's inputs / process data / outputs / error (Enter), at this row. */
  readonly runDetail: {readonly name: string; readonly offset: number} | undefined;
  readonly history: InputHistory;
  /** Why the last reload (L, --watch) changed nothing: the overlay's lines, until a key closes it. */
  readonly reloadErrors: readonly string[] | undefined;
  /** The open y/n question, if any. */
  readonly confirm: Confirm | undefined;
  readonly message: Message | undefined;
  /** Messages shown so far: gives each message its own id. */
  readonly messageCount: number;
};

/** Which body a pane starts with. */
export type PaneView = 'events' | 'answer';

/** How the dashboard starts, from the command line. */
export type UiStart = {
  /** The zoomed view shows the response status line and headers from the start (-i/-v). */
  readonly details?: boolean;
};

export function initialUiState(
  names: readonly string[],
  views: Readonly<Record<string, PaneView>> = {},
  start: UiStart = {},
): UiState {
  const answerView: Record<string, boolean> = {};
  for (const [name, view] of Object.entries(views)) if (view === 'answer') answerView[name] = true;
  return {
    names,
    focus: 0,
    view: 'grid',
    help: false,
    helpScroll: 0,
    timestamps: true,
    details: start.details ?? false,
    filters: {},
    filterEdit: undefined,
    selection: {},
    pretty: undefined,
    diagnostics: undefined,
    answerView,
    reasoning: false,
    answerInput: undefined,
    answerScroll: {},
    runView: {},
    runSelected: {},
    runDetail: undefined,
    history: {followUp: [], filter: []},
    reloadErrors: undefined,
    confirm: undefined,
    message: undefined,
    messageCount: 0,
  };
}

export function focusedName(state: UiState): string | undefined {
  return state.names[state.focus];
}

/** The filter a pane shows now: the draft while it is being edited. */
export function activeFilter(state: Pick<UiState, 'filters' | 'filterEdit'>, name: string): string {
  if (state.filterEdit?.name === name) return state.filterEdit.draft;
  return state.filters[name] ?? '';
}

/** The follow-up line being typed in a pane (text and cursor), if its input line is open. */
export function answerDraft(
  state: Pick<UiState, 'answerInput'>,
  name: string,
): LineEdit | undefined {
  return state.answerInput?.name === name && !state.answerInput.form
    ? state.answerInput
    : undefined;
}

/** The pane's form input line (a form being filled in its run view), if open. */
export function runFormInput(
  state: Pick<UiState, 'answerInput'>,
  name: string,
): {readonly line: LineEdit; readonly prompt: string} | undefined {
  const input = state.answerInput;
  return input?.name === name && input.form
    ? {line: input, prompt: formPrompt(input.form)}
    : undefined;
}

/** Which keymap applies. */
export type InputMode =
  'confirm' | 'reload-errors' | 'answer-input' | 'filter' | 'help' | 'pretty' | 'zoom' | 'grid';

export function inputMode(state: UiState): InputMode {
  if (state.confirm) return 'confirm';
  if (state.reloadErrors) return 'reload-errors';
  if (state.answerInput) return 'answer-input';
  if (state.filterEdit) return 'filter';
  if (state.help) return 'help';
  if (state.pretty) return 'pretty';
  return state.view;
}
