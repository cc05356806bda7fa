import type {RestartedPane} from '../controls.js';
import type {PaneView, UiState} from './ui-state.js';

/** Keeps only the entries of panes that still exist. */
function kept<T>(
  record: Readonly<Record<string, T>>,
  names: ReadonlySet<string>,
): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => names.has(name)));
}

/**
 * The stream set changed (a profile reload): focus stays on the same pane
 * when it is still there (else the one now at its place); what belonged to
 * removed panes (zoom, filters, answer and run views, inputs) goes; added
 * panes start in their configured view.
 */
export function withStreams(
  state: UiState,
  names: readonly string[],
  views: Readonly<Record<string, PaneView>> = {},
): UiState {
  const present = new Set(names);
  const before = new Set(state.names);
  const focusedName = state.names[state.focus];
  const stillThere = focusedName !== undefined && present.has(focusedName);
  const focus = stillThere
    ? names.indexOf(focusedName)
    : Math.min(state.focus, Math.max(0, names.length - 1));
  const answerView = kept(state.answerView, present);
  for (const name of names) {
    if (!before.has(name) && views[name] === 'answer') answerView[name] = true;
  }
  const gone = (name: string | undefined) => name !== undefined && !present.has(name);
  return {
    ...state,
    names,
    focus,
    view: stillThere || names.length === 0 ? state.view : 'grid',
    filters: kept(state.filters, present),
    filterEdit: gone(state.filterEdit?.name) ? undefined : state.filterEdit,
    selection: kept(state.selection, present),
    pretty: gone(state.pretty?.name) ? undefined : state.pretty,
    diagnostics: stillThere ? state.diagnostics : undefined,
    answerView,
    answerInput: gone(state.answerInput?.name) ? undefined : state.answerInput,
    answerScroll: kept(state.answerScroll, present),
    runView: kept(state.runView, present),
    runSelected: kept(state.runSelected, present),
    runDetail: gone(state.runDetail?.name) ? undefined : state.runDetail,
  };
}

/** Drops the entries of these panes. */
function without<T>(
  record: Readonly<Record<string, T>>,
  names: ReadonlySet<string>,
): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => !names.has(name)));
}

/**
 * Panes a reload started over (empty buffers): what pointed into their old
 * entries goes (selection, pretty view, scroll, the selected node); a first
 * view the profile changed applies. Filters and the run view stay.
 */
export function withPanesRestarted(state: UiState, panes: readonly RestartedPane[]): UiState {
  if (panes.length === 0) return state;
  const names = new Set(panes.map(({name}) => name));
  const answerView = {...state.answerView};
  for (const {name, view} of panes) {
    if (view === 'answer') answerView[name] = true;
    else if (view === 'events') delete answerView[name];
  }
  const restarted = (name: string | undefined) => name !== undefined && names.has(name);
  return {
    ...state,
    selection: without(state.selection, names),
    pretty: restarted(state.pretty?.name) ? undefined : state.pretty,
    answerView,
    answerScroll: without(state.answerScroll, names),
    runSelected: without(state.runSelected, names),
    runDetail: restarted(state.runDetail?.name) ? undefined : state.runDetail,
  };
}
