import type {Key} from 'ink';
import {useCallback, useLayoutEffect, useRef, type Dispatch} from 'react';
import {applyFilter, compileFilter} from '../../core/store/filter.js';
import type {DisplayEntry, StreamStore} from '../../core/store/types.js';
import {assertNever} from '../assert-never.js';
import type {DashboardControls} from '../controls.js';
import {commandFor, keyPresses, scrollDelta, type Command} from '../keymap.js';
import {helpScrollMax} from '../help-overlay.js';
import type {GridLayout} from '../layout.js';
import {createPasteReader} from '../paste-reader.js';
import {paneChrome} from '../pane-counters.js';
import {PRETTY_HEADER_ROWS} from '../pretty-body.js';
import type {UiAction} from '../state/ui-actions.js';
import {uiReducer} from '../state/ui-reducer.js';
import {activeFilter, focusedName, inputMode, type UiState} from '../state/ui-state.js';
import type {Glyphs} from '../theme.js';
import {entryBySeq, firstSeq, moveSelection, prettyRows, selectedIndex} from '../zoom-model.js';
import {isAnswerCommand, runAnswerCommand, scrollAnswer, scrollsAnswer} from './answer-commands.js';
import {isRunCommand, runRunCommand, scrollRun, showsRun, toggleRunDetail} from './run-commands.js';
import {isDailyCommand, runDailyCommand, sendsReady} from './daily-commands.js';
import {copyCurl, scrollDiagnostics, toggleDiagnostics} from './diagnostics-commands.js';

export type CommandContext = {
  readonly state: UiState;
  readonly dispatch: Dispatch<UiAction>;
  readonly store: StreamStore;
  readonly controls: DashboardControls;
  readonly layout: GridLayout;
  /** The theme's symbols: they set how wide some rows are (see paneChrome). */
  readonly glyphs: Glyphs;
};

/** Rows of the zoomed pane's body: its counters take one or two rows, as the pane lays them out. */
function zoomedBodyHeight(context: CommandContext, name: string): number {
  const {store, layout, glyphs} = context;
  return paneChrome(store.getSnapshot(name), Date.now(), layout.width, layout.paneArea, glyphs)
    .bodyHeight;
}

function scrollPretty(context: CommandContext, name: string, command: Command): void {
  const {state, store, layout, dispatch} = context;
  const pretty = state.pretty;
  if (!pretty) return;
  const snapshot = store.getSnapshot(name);
  const entry = entryBySeq(snapshot.entries, pretty.seq);
  if (!entry) return;
  const page = Math.max(1, zoomedBodyHeight(context, name) - PRETTY_HEADER_ROWS);
  const rows = prettyRows(entry, Math.max(1, layout.width - 2), context.glyphs);
  const max = Math.max(0, rows.length - page);
  const delta = scrollDelta(command, page);
  dispatch({type: 'pretty-scroll', delta, max});
}

function scrollHelp(context: CommandContext, command: Command): void {
  const {layout, dispatch} = context;
  const max = helpScrollMax(layout.width, layout.paneArea);
  const page = Math.max(1, layout.paneArea - 1);
  const delta = scrollDelta(command, page);
  dispatch({type: 'help-scroll', delta, max});
}

/** The entries the pane shows now: its buffer under its filter. */
function shownEntries(context: CommandContext, name: string): readonly DisplayEntry[] {
  const {state, store} = context;
  return applyFilter(store.getSnapshot(name).entries, activeFilter(state, name)).entries;
}

function scrollZoom(context: CommandContext, name: string, command: Command): void {
  const {state, dispatch} = context;
  const entries = shownEntries(context, name);
  const page = Math.max(1, zoomedBodyHeight(context, name));
  const current = state.selection[name];
  let seq: number | undefined;
  if (command.type === 'scroll') {
    seq = moveSelection(entries, current, command.delta * (command.unit === 'page' ? page : 1));
  } else if (command.type === 'scroll-top') {
    seq = firstSeq(entries);
  }
  dispatch({type: 'select', name, seq});
}

function openPretty(context: CommandContext, name: string): void {
  const {state, dispatch} = context;
  if (state.pretty) {
    dispatch({type: 'pretty-close'});
    return;
  }
  const entries = shownEntries(context, name);
  const selected = state.view === 'zoom' ? state.selection[name] : undefined;
  const entry = entries[selectedIndex(entries, selected)];
  if (!entry) {
    dispatch({type: 'message', text: `${name}: no event to pretty-print yet`, level: 'info'});
    return;
  }
  dispatch({type: 'pretty-open', name, seq: entry.seq});
}

function exportPane(context: CommandContext, name: string): void {
  const {state, controls, dispatch} = context;
  const filterText = activeFilter(state, name);
  const filter = filterText === '' ? undefined : compileFilter(filterText);
  const include = filter?.ok ? filter.test : undefined;
  controls.exportEvents(name, include).then(
    ({path, count}) =>
      dispatch({
        type: 'message',
        text: `exported ${count} ${include ? 'matching ' : ''}records of ${name} to ${path}`,
        level: 'info',
      }),
    (error: unknown) =>
      dispatch({
        type: 'message',
        text: `export failed: ${error instanceof Error ? error.message : String(error)}`,
        level: 'error',
      }),
  );
}

function toggleRecording(context: CommandContext, names: readonly string[] | undefined): void {
  const {controls, dispatch} = context;
  if (!controls.toggleRecording) {
    dispatch({type: 'message', text: 'recording is not available here', level: 'error'});
    return;
  }
  controls.toggleRecording(names).then(
    ({ok, message}) => dispatch({type: 'message', text: message, level: ok ? 'info' : 'error'}),
    (error: unknown) =>
      dispatch({
        type: 'message',
        text: `recording failed: ${error instanceof Error ? error.message : String(error)}`,
        level: 'error',
      }),
  );
}

const simpleActions = {
  'focus-next': 'focus-next',
  'focus-previous': 'focus-previous',
  back: 'back',
  help: 'help-toggle',
  timestamps: 'timestamps-toggle',
  details: 'details-toggle',
  'zoom-toggle': 'zoom-toggle',
  zoom: 'zoom-open',
  filter: 'filter-start',
  'filter-commit': 'filter-commit',
  'filter-cancel': 'filter-cancel',
} as const satisfies Partial<Record<Command['type'], UiAction['type']>>;

type SimpleCommand = keyof typeof simpleActions;

function isSimple(command: Command): command is Extract<Command, {type: SimpleCommand}> {
  return Object.hasOwn(simpleActions, command.type);
}

/** Carries out one command against the UI state, the store and the streams. */
export function runCommand(context: CommandContext, command: Command): void {
  const {state, dispatch, store, controls, layout} = context;
  if (command.type === 'zoom' && toggleRunDetail(context)) return;
  if (command.type === 'zoom' && sendsReady(context)) {
    const ready = focusedName(state) ?? '';
    controls.reconnect(ready);
    return dispatch({type: 'message', text: `sending ${ready}`, level: 'info'});
  }
  if (isSimple(command)) return dispatch({type: simpleActions[command.type]});
  if (isRunCommand(command)) return runRunCommand(context, command);
  if (isDailyCommand(command)) return runDailyCommand(context, command);
  if (isAnswerCommand(command)) return runAnswerCommand(context, command);
  const name = focusedName(state) ?? '';
  switch (command.type) {
    case 'quit':
      return controls.quit();
    case 'interrupt':
      return controls.interrupt();
    case 'focus-index':
      return dispatch({type: 'focus-index', index: command.index});
    case 'focus-move':
      return dispatch({type: 'focus-move', direction: command.direction, columns: layout.columns});
    case 'edit':
      return dispatch({type: 'input-edit', op: command.op});
    case 'suspend':
      return controls.suspend();
    case 'pause':
      return store.setPaused(name, !store.getSnapshot(name).paused);
    case 'reconnect': {
      const ready = sendsReady(context);
      controls.reconnect(name);
      const text = ready ? `sending ${name}` : `reconnecting ${name}`;
      return dispatch({type: 'message', text, level: 'info'});
    }
    case 'toggle-run': {
      const result = controls.toggleRun(name);
      if (result) dispatch({type: 'message', text: `${result} ${name}`, level: 'info'});
      return;
    }
    case 'clear':
      store.clear(name);
      dispatch({type: 'select', name, seq: undefined});
      return dispatch({type: 'message', text: `cleared the buffer of ${name}`, level: 'info'});
    case 'pretty':
      return openPretty(context, name);
    case 'export':
      return exportPane(context, name);
    case 'record':
      return toggleRecording(context, command.scope === 'all' ? undefined : [name]);
    case 'diagnostics':
      return toggleDiagnostics(context);
    case 'copy-curl':
      return copyCurl(context, name);
    case 'scroll':
    case 'scroll-top':
    case 'scroll-bottom':
      if (state.help) return scrollHelp(context, command);
      if (state.pretty) return scrollPretty(context, name, command);
      if (state.diagnostics) return scrollDiagnostics(context, name, command);
      if (state.runDetail) {
        // A big step for g/G: the body clamps what it shows.
        const delta = Math.max(-1e6, Math.min(1e6, scrollDelta(command, 10)));
        return dispatch({type: 'run-detail-scroll', delta});
      }
      if (state.view === 'zoom' && showsRun(context, name))
        return scrollRun(context, name, command);
      if (scrollsAnswer(context, name)) return scrollAnswer(context, name, command);
      if (state.view === 'zoom') return scrollZoom(context, name, command);
      return;
    default:
      return assertNever(command, 'command');
  }
}

/**
 * The key handler: every key press of a read (several when keys arrive
 * together, e.g. key repeat while busy) runs in order, each seeing the UI
 * state the previous one left. Keys that arrive before React re-subscribed
 * the new handler (Ink does that in a passive effect, after the frame is
 * drawn) still see the latest state: it is kept in a ref, updated by every
 * press and by every committed render.
 */
export function useKeyHandler(
  context: CommandContext,
  lastToken: () => string | undefined = () => undefined,
): (input: string, key: Key) => void {
  const {state, dispatch, store, controls, layout, glyphs} = context;
  const latest = useRef(state);
  const paste = useRef(createPasteReader());
  useLayoutEffect(() => {
    latest.current = state;
  }, [state]);
  return useCallback(
    (input: string, key: Key) => {
      let current = latest.current;
      const apply = (action: UiAction): void => {
        current = uiReducer(current, action);
        latest.current = current;
        dispatch(action);
      };
      const token = lastToken() ?? input;
      const step = paste.current.push(token);
      if (step.kind === 'pasting') return;
      if (step.kind === 'paste') {
        // A paste is text for the open input, never keys.
        const mode = inputMode(current);
        if (mode === 'answer-input' || mode === 'filter')
          apply({type: 'input-paste', text: step.text});
        else apply({type: 'message', text: 'paste ignored: no text input is open', level: 'info'});
        return;
      }
      for (const press of keyPresses(input, key, token)) {
        const command = commandFor(press.input, press.key, inputMode(current));
        if (command)
          runCommand({state: current, dispatch: apply, store, controls, layout, glyphs}, command);
      }
    },
    [dispatch, store, controls, layout, glyphs, lastToken],
  );
}
