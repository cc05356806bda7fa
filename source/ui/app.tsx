import {Box, useInput} from 'ink';
import {useEffect, useMemo, useReducer} from 'react';
import type {StreamStore} from '../core/store/types.js';
import type {DashboardControls} from './controls.js';
import {Footer} from './footer.js';
import {DEFAULT_FPS} from './frame-rate.js';
import {Grid} from './grid.js';
import {HelpOverlay} from './help-overlay.js';
import {useInputToken} from './hooks/use-input-token.js';
import {useKeyHandler} from './hooks/use-key-handler.js';
import {useNow} from './hooks/use-now.js';
import {useStreamNames} from './hooks/use-stream-snapshot.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {computeGridLayout, type TerminalSize} from './layout.js';
import {Pane} from './pane.js';
import {ReloadErrorsOverlay} from './reload-errors-overlay.js';
import {reloadOutcomeActions} from './state/reload-actions.js';
import {uiReducer} from './state/ui-reducer.js';
import {
  activeFilter,
  answerDraft,
  runFormInput,
  focusedName,
  initialUiState,
  type PaneView,
} from './state/ui-state.js';
import {ThemeContext, createTheme} from './theme.js';

export const MESSAGE_MS = 5000;

export type AppProps = {
  readonly store: StreamStore;
  readonly controls: DashboardControls;
  /** Fixed terminal size (tests); otherwise the real one, re-read on resize. */
  readonly size?: TerminalSize;
  /** False for NO_COLOR. */
  readonly color?: boolean;
  /** ASCII stand-ins for the line-drawing glyphs (a non-UTF-8 locale). */
  readonly ascii?: boolean;
  readonly clock?: () => number;
  /** How often time-based text refreshes; 0 = never (tests). */
  readonly tickMs?: number;
  readonly fps?: number;
  /** Panes that start in the answer view (by stream name; a reload adds the panes it adds). */
  readonly views?: Readonly<Record<string, PaneView>>;
  /** The zoomed view shows the response details from the start (-i/-v); d still toggles. */
  readonly details?: boolean;
};

/** The dashboard: a grid of panes (or one zoomed pane, or help) over a footer. */
export function App(props: AppProps) {
  const {store, controls, fps = DEFAULT_FPS} = props;
  const names = useStreamNames(store);
  const [state, dispatch] = useReducer(uiReducer, names, (initial) =>
    initialUiState(initial, props.views, {details: props.details}),
  );
  useEffect(() => {
    if (state.names !== names) dispatch({type: 'streams', names, views: props.views});
  }, [names, state.names, props.views]);
  useEffect(
    () =>
      controls.onReload?.((outcome) => {
        for (const action of reloadOutcomeActions(outcome)) dispatch(action);
      }),
    [controls],
  );
  const {size, settling} = useTerminalSize(props.size, fps);
  const clock = props.clock ?? Date.now;
  const now = useNow(props.tickMs ?? 1000, clock);
  const theme = useMemo(
    () => createTheme(props.color ?? true, props.ascii ?? false),
    [props.color, props.ascii],
  );
  const layout = useMemo(
    () => computeGridLayout(size, names.length, state.focus),
    [size, names.length, state.focus],
  );
  const lastToken = useInputToken();
  useInput(
    useKeyHandler({state, dispatch, store, controls, layout, glyphs: theme.glyphs}, lastToken),
  );
  const messageId = state.message?.id;
  useEffect(() => {
    if (messageId === undefined) return;
    const timer = setTimeout(() => dispatch({type: 'message-expire', id: messageId}), MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [messageId]);

  if (settling) return null;
  const name = focusedName(state);
  const request =
    state.diagnostics && name !== undefined
      ? controls.requestOf?.(
          name,
          store.getSnapshot(name).diagnostics?.history.at(-1)?.lastEventIdSent ?? '',
        )
      : undefined;
  let body;
  if (state.reloadErrors) {
    body = (
      <ReloadErrorsOverlay
        lines={state.reloadErrors}
        width={layout.width}
        height={layout.paneArea}
      />
    );
  } else if (state.help) {
    body = <HelpOverlay width={layout.width} height={layout.paneArea} scroll={state.helpScroll} />;
  } else if (state.view === 'zoom' && name !== undefined) {
    const pretty = state.pretty?.name === name ? state.pretty : undefined;
    body = (
      <Pane
        store={store}
        name={name}
        index={state.focus}
        focused
        width={layout.width}
        height={layout.paneArea}
        now={now}
        clock={clock}
        timestamps={state.timestamps}
        filter={activeFilter(state, name)}
        filterEditing={state.filterEdit?.name === name}
        zoomed
        details={state.details}
        selection={state.selection[name]}
        prettySeq={pretty?.seq}
        prettyOffset={pretty?.offset ?? 0}
        answerView={state.answerView[name] ?? false}
        reasoning={state.reasoning}
        answerInput={answerDraft(state, name)}
        answerScroll={state.answerScroll[name]}
        runView={state.runView[name] ?? false}
        runSelected={state.runSelected[name]}
        runDetailOffset={state.runDetail?.name === name ? state.runDetail.offset : undefined}
        runInput={runFormInput(state, name)}
        diagnosticsOffset={state.diagnostics?.offset}
        request={request}
      />
    );
  } else {
    body = (
      <Grid
        store={store}
        layout={layout}
        names={names}
        focus={state.focus}
        now={now}
        clock={clock}
        timestamps={state.timestamps}
        filters={state.filters}
        filterEdit={state.filterEdit}
        answerView={state.answerView}
        reasoning={state.reasoning}
        answerInput={state.answerInput}
        runView={state.runView}
      />
    );
  }
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={layout.width} height={layout.height} overflowY="hidden">
        {body}
        <Footer
          store={store}
          width={layout.width}
          zoomed={state.view === 'zoom'}
          filterEdit={state.filterEdit}
          answerInput={state.answerInput}
          message={state.message}
          confirm={state.confirm}
          hidden={state.view === 'grid' ? layout.hiddenBefore + layout.hiddenAfter : 0}
          recordingStatus={controls.recordingStatus}
        />
      </Box>
    </ThemeContext.Provider>
  );
}
