import {Box} from 'ink';
import {memo, useMemo} from 'react';
import {applyFilter} from '../core/store/filter.js';
import type {StreamStore} from '../core/store/types.js';
import {answerScrollStatus} from './answer/layout.js';
import {useAnswerLayout} from './hooks/use-answer-layout.js';
import {useTheme} from './hooks/use-theme.js';
import {useStreamSnapshot} from './hooks/use-stream-snapshot.js';
import {paneBodies, type PaneBodyKind} from './pane-body.js';
import {paneChrome, PaneCounters} from './pane-counters.js';
import {PaneTitle} from './pane-title.js';
import {RunBody} from './run/run-body.js';
import {runWarnings} from './run/run-lines.js';
import {ReadyBody} from './ready-body.js';
import type {RequestView} from '../core/diagnostics/request-view.js';
import {detailLines} from './diagnostics/detail-lines.js';
import {DiagnosticsBody} from './diagnostics/diagnostics-body.js';
import {RESPONSE_DETAIL_ROWS, ResponseDetails} from './response-details.js';
import type {LineEdit} from './state/line-editor.js';
import type {Glyphs} from './theme.js';
import {entryBySeq, zoomWindow} from './zoom-model.js';

/** Title and counters rows above the body (one more when the counters take two rows). */
const PANE_CHROME_ROWS = 2;

export type PaneProps = {
  readonly store: StreamStore;
  readonly name: string;
  readonly index: number;
  readonly focused: boolean;
  readonly width: number;
  readonly height: number;
  /** The clock tick: re-renders time-based text; `clock` gives the exact time. */
  readonly now: number;
  readonly clock: () => number;
  readonly timestamps: boolean;
  readonly filter: string;
  readonly filterEditing: boolean;
  /** Zoomed: the scrollback with a selection (undefined seq = follow newest). */
  readonly zoomed: boolean;
  /** Zoomed: the last response's status line and headers above the events. */
  readonly details?: boolean;
  readonly selection: number | undefined;
  /** Pretty view of one entry (zoomed only). */
  readonly prettySeq: number | undefined;
  readonly prettyOffset: number;
  /** Show the answer instead of events (when the stream has an answer preset). */
  readonly answerView: boolean;
  readonly reasoning: boolean;
  /** The follow-up being typed in this pane, if its input line is open. */
  readonly answerInput: LineEdit | undefined;
  /** Zoomed answer view: first visible transcript row (undefined = follow the end). */
  readonly answerScroll: number | undefined;
  /** Show the Dify run view (`f`) instead of events or the answer. */
  readonly runView?: boolean;
  /** Zoomed run view: the selected node row. */
  readonly runSelected?: number;
  /** Zoomed run view: the selected node's details are open at this row. */
  readonly runDetailOffset?: number;
  /** The human input form being filled in this pane (its line and what it asks). */
  readonly runInput?: {readonly line: LineEdit; readonly prompt: string};
  /** Zoomed: the details view (diagnostics) is open at this row. */
  readonly diagnosticsOffset?: number;
  /** The request the stream sends, for the details view. */
  readonly request?: RequestView;
};

function zoomStatus(
  count: number,
  selected: number,
  following: boolean,
  newer: number,
  glyphs: Glyphs,
): string {
  if (count === 0) return '';
  if (following) return `[${count}/${count}] following`;
  return `[${selected + 1}/${count}] scrolled${newer > 0 ? `, ${newer} newer` : ''} ${glyphs.separator} G: follow`;
}

/**
 * One stream: title with state badge, counters, and a body. Reads its own
 * snapshot, so a pane re-renders only when its stream (or its props) changed.
 */
export const Pane = memo(function Pane(props: PaneProps) {
  const {width, height} = props;
  const {glyphs} = useTheme();
  const snapshot = useStreamSnapshot(props.store, props.name);
  const filtered = useMemo(
    () => applyFilter(snapshot.entries, props.filter),
    [snapshot.entries, props.filter],
  );
  // Renders also happen between ticks (new records): read the clock then too.
  const now = Math.max(props.now, props.clock());
  const chrome = paneChrome(snapshot, now, width, height, glyphs, true);
  const diagnosticsOpen = props.zoomed && props.diagnosticsOffset !== undefined;
  const {counters} = chrome;
  // Zoomed: the last response's status line and headers above the events, when there is room.
  const details =
    props.zoomed &&
    props.details === true &&
    !diagnosticsOpen &&
    !props.answerView &&
    props.prettySeq === undefined &&
    snapshot.response &&
    chrome.bodyHeight > RESPONSE_DETAIL_ROWS + 2
      ? snapshot.response
      : undefined;
  const bodyHeight = chrome.bodyHeight - (details ? RESPONSE_DETAIL_ROWS : 0);
  const entries = filtered.entries;
  const zoom = props.zoomed ? zoomWindow(entries, props.selection, bodyHeight) : undefined;
  const prettyEntry = props.zoomed ? entryBySeq(snapshot.entries, props.prettySeq) : undefined;
  const answer = useAnswerLayout(
    props.store,
    props.name,
    props.answerView && !prettyEntry && props.runView !== true,
    {
      width,
      height: bodyHeight,
      reasoning: props.reasoning,
      input: props.answerInput,
      scrollTop: props.zoomed ? props.answerScroll : undefined,
    },
  );
  const run = props.runView === true && !prettyEntry ? snapshot.difyRun?.current : undefined;
  const kind: PaneBodyKind = prettyEntry ? 'pretty' : answer ? 'answer' : 'events';
  // Waiting to be sent: the request it would send (until a follow-up is typed).
  const ready =
    snapshot.connection.kind === 'idle' && props.answerInput === undefined && !prettyEntry
      ? snapshot.connection.ready
      : undefined;
  const Body = paneBodies[kind];
  const checkOptions = props.store.runCheckOptions;
  const warnings = snapshot.difyRun ? runWarnings(snapshot.difyRun.current, now, checkOptions) : 0;
  let status = '';
  if (run) status = 'run';
  else if (warnings > 0) status = `run: ${warnings} warning${warnings === 1 ? '' : 's'} (f)`;
  else if (answer)
    status = `answer${props.zoomed ? ` ${answerScrollStatus(answer, glyphs)}` : ''}`.trim();
  else if (zoom && !prettyEntry)
    status = zoomStatus(entries.length, zoom.selected, zoom.following, zoom.newer, glyphs);
  const emptyText =
    filtered.matches === 0
      ? 'no buffered event matches the filter'
      : `waiting for events${glyphs.ellipsis}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      <PaneTitle
        index={props.index}
        name={props.name}
        focused={props.focused}
        width={width}
        connection={snapshot.connection}
        now={now}
        paused={snapshot.paused}
        pausedArrivals={snapshot.pausedArrivals}
        insecure={snapshot.insecure}
        filter={{
          text: props.filter,
          matches: filtered.matches,
          error: filtered.error,
          editing: props.filterEditing,
        }}
        status={status}
        findings={snapshot.diagnostics?.findings.length ?? 0}
      />
      {height >= PANE_CHROME_ROWS ? <PaneCounters rows={counters} width={width} /> : null}
      {details ? <ResponseDetails response={details} width={width} /> : null}
      {diagnosticsOpen && bodyHeight > 0 ? (
        <DiagnosticsBody
          lines={detailLines({
            diagnostics: snapshot.diagnostics,
            response: snapshot.response,
            request: props.request,
            now,
            width,
          })}
          offset={props.diagnosticsOffset ?? 0}
          width={width}
          height={bodyHeight}
        />
      ) : run && bodyHeight > 0 ? (
        <RunBody
          run={run}
          width={width}
          height={bodyHeight}
          now={now}
          redact={props.store.redactorOf(props.name)}
          selected={props.zoomed ? props.runSelected : undefined}
          input={props.runInput}
          detailOffset={props.zoomed ? props.runDetailOffset : undefined}
          checkOptions={checkOptions}
        />
      ) : ready && bodyHeight > 0 ? (
        <ReadyBody ready={ready} width={width} height={bodyHeight} />
      ) : bodyHeight > 0 ? (
        <Body
          entries={entries}
          width={width}
          height={bodyHeight}
          timestamps={props.timestamps}
          now={now}
          zoom={zoom}
          pretty={prettyEntry ? {entry: prettyEntry, offset: props.prettyOffset} : undefined}
          answer={answer}
          emptyText={emptyText}
        />
      ) : null}
    </Box>
  );
});
