import {memo} from 'react';
import type {DisplayEntry} from '../core/store/types.js';
import {fitToWidth} from '../core/display-text.js';
import {reconnectingText} from '../core/store/countdown.js';
import {formatClock} from './format.js';
import {useTheme} from './hooks/use-theme.js';
import {Line, padSegments, type Segment} from './line.js';
import {localizeMarks, type Theme} from './theme.js';

type EventRowProps = {
  readonly entry: DisplayEntry;
  readonly width: number;
  readonly typeWidth: number;
  readonly timestamps: boolean;
  /** The clock; only rows with a countdown use it (others get 0 and stay memoized). */
  readonly now: number;
  readonly millis: boolean;
  readonly selected: boolean;
};

/** Errors red, warnings yellow, info plain, debug dim (NO_COLOR: only debug's dim stays). */
function levelStyle(level: DisplayEntry['level'], theme: Theme): Partial<Segment> {
  switch (level) {
    case 'error':
      return {color: theme.error};
    case 'warn':
      return {color: theme.warn};
    case 'debug':
      return {dim: true};
    case 'info':
      return {};
  }
}

/** One buffered entry on one row: time, event type (stable color), data. */
export const EventRow = memo(function EventRow(props: EventRowProps) {
  const theme = useTheme();
  const {entry, selected} = props;
  const segments: Segment[] = [{text: ' '}];
  if (props.timestamps) {
    segments.push({text: `${formatClock(entry.timestamp, props.millis)} `, color: theme.muted});
  }
  if (entry.kind === 'event') {
    segments.push(
      {
        text: fitToWidth(entry.typeLabel, props.typeWidth, theme.glyphs.ellipsis),
        color: theme.eventType(entry.typeLabel),
      },
      {text: ' '},
      {text: localizeMarks(entry.line, theme.glyphs), ...levelStyle(entry.level, theme)},
    );
  } else {
    const color =
      entry.level === 'error' ? theme.error : entry.level === 'warn' ? theme.warn : theme.muted;
    const {countdown} = entry;
    const line = countdown
      ? reconnectingText(countdown.at, props.now, countdown.reason, entry.timestamp)
      : entry.line;
    const text = `${theme.glyphs.bullet} ${localizeMarks(line, theme.glyphs)}`;
    segments.push({text, color, dim: entry.level === 'info'});
  }
  const row = selected
    ? padSegments(
        segments.map((segment) => ({...segment, inverse: true})),
        props.width,
        {inverse: true},
      )
    : segments;
  return <Line segments={row} width={props.width} />;
});
