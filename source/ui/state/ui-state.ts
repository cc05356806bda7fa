/**
 * Everything the dashboard shows that is not stream data: focus, view, zoom
 * selection, filters, help, messages. One reducer owns it (ui-reducer.ts);
 * stream data stays in the store.
 */

export type FilterEdit = {
  readonly name: string;
  readonly draft: string;
  /** The filter before editing, restored by Esc. */
  readonly previous: string;
};

export type PrettyView = {
  readonly name: string;
  readonly seq: number;
  /** First visible line of the pretty text. */
  readonly offset: number;
};

export type AnswerInput = {
  readonly name: string;
  /** The follow-up question typed so far. */
  readonly draft: string;
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
  readonly timestamps: boolean;
  /** Committed filter text per stream ("" or absent = none). */
  readonly filters: Readonly<Record<string, string>>;
  readonly filterEdit: FilterEdit | undefined;
  /** Selected entry (seq) per stream in the zoomed view; absent = follow the newest. */
  readonly selection: Readonly<Record<string, number>>;
  readonly pretty: PrettyView | undefined;
  /** Panes switched to the answer view (panes without an answer preset keep showing events). */
  readonly answerView: Readonly<Record<string, boolean>>;
  /** Show the reasoning (thinking) text above answers. */
  readonly reasoning: boolean;
  /** The open follow-up input line, if any. */
  readonly answerInput: AnswerInput | undefined;
  /** First visible transcript row per pane in the zoomed answer view; absent = follow the end. */
  readonly answerScroll: Readonly<Record<string, number>>;
  readonly message: Message | undefined;
  /** Messages shown so far: gives each message its own id. */
  readonly messageCount: number;
};

/** Which body a pane starts with. */
export type PaneView = 'events' | 'answer';

export function initialUiState(
  names: readonly string[],
  views: Readonly<Record<string, PaneView>> = {},
): UiState {
  const answerView: Record<string, boolean> = {};
  for (const [name, view] of Object.entries(views)) if (view === 'answer') answerView[name] = true;
  return {
    names,
    focus: 0,
    view: 'grid',
    help: false,
    timestamps: true,
    filters: {},
    filterEdit: undefined,
    selection: {},
    pretty: undefined,
    answerView,
    reasoning: false,
    answerInput: undefined,
    answerScroll: {},
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

/** The follow-up being typed in a pane, if its input line is open. */
export function answerDraft(state: Pick<UiState, 'answerInput'>, name: string): string | undefined {
  return state.answerInput?.name === name ? state.answerInput.draft : undefined;
}

/** Which keymap applies. */
export type InputMode = 'answer-input' | 'filter' | 'help' | 'pretty' | 'zoom' | 'grid';

export function inputMode(state: UiState): InputMode {
  if (state.answerInput) return 'answer-input';
  if (state.filterEdit) return 'filter';
  if (state.help) return 'help';
  if (state.pretty) return 'pretty';
  return state.view;
}
