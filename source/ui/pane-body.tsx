import {Box} from 'ink';
import {memo, type ComponentType} from 'react';
import {displayWidth} from '../core/display-text.js';
import type {DisplayEntry} from '../core/store/types.js';
import {AnswerBody} from './answer/answer-body.js';
import type {AnswerLayout} from './answer/layout.js';
import {EventRow} from './event-row.js';
import {useTheme} from './hooks/use-theme.js';
import {Line} from './line.js';
import {PrettyBody} from './pretty-body.js';
import type {ZoomWindow} from './zoom-model.js';

const MIN_TYPE_WIDTH = 4;
const MAX_TYPE_WIDTH = 16;

/** What every pane body gets; a body kind picks how to show it. */
export type PaneBodyProps = {
  readonly entries: readonly DisplayEntry[];
  readonly width: number;
  readonly height: number;
  readonly timestamps: boolean;
  /** The clock, for lines that count down (a pending reconnect). */
  readonly now: number;
  /** Zoomed view: which slice is visible and which entry is selected. */
  readonly zoom: ZoomWindow | undefined;
  /** Pretty view: the entry and the first visible row. */
  readonly pretty: {readonly entry: DisplayEntry; readonly offset: number} | undefined;
  /** Answer view: the transcript rows that fit and the pinned status rows. */
  readonly answer: AnswerLayout | undefined;
  readonly emptyText: string;
};

export function typeColumnWidth(entries: readonly DisplayEntry[]): number {
  let widest = MIN_TYPE_WIDTH;
  for (const entry of entries) {
    if (entry.kind === 'event') widest = Math.max(widest, displayWidth(entry.typeLabel));
  }
  return Math.min(MAX_TYPE_WIDTH, widest);
}

/** The newest entries that fit, or the zoomed window with its selection. */
export const EventLines = memo(function EventLines(props: PaneBodyProps) {
  const theme = useTheme();
  const {entries, zoom, height} = props;
  if (height <= 0) return null;
  const start = zoom ? zoom.start : Math.max(0, entries.length - height);
  const end = zoom ? zoom.end : entries.length;
  const visible = entries.slice(start, end);
  if (visible.length === 0) {
    return (
      <Line
        segments={[{text: `  ${props.emptyText}`, color: theme.muted, dim: true}]}
        width={props.width}
      />
    );
  }
  const typeWidth = typeColumnWidth(visible);
  return (
    <Box flexDirection="column">
      {visible.map((entry, offset) => (
        <EventRow
          key={entry.seq}
          entry={entry}
          width={props.width}
          typeWidth={typeWidth}
          timestamps={props.timestamps}
          now={entry.countdown ? props.now : 0}
          millis={zoom !== undefined}
          selected={zoom !== undefined && !zoom.following && start + offset === zoom.selected}
        />
      ))}
    </Box>
  );
});

/** Pane body kinds; panes pick a body by kind and never depend on what a body shows. */
export type PaneBodyKind = 'events' | 'pretty' | 'answer';

export const paneBodies: Readonly<Record<PaneBodyKind, ComponentType<PaneBodyProps>>> = {
  events: EventLines,
  pretty: PrettyBody,
  answer: AnswerBody,
};
