import {Box} from 'ink';
import {memo} from 'react';
import {compactLine} from '../core/display-text.js';
import {formatBytes, formatClock} from './format.js';
import {useTheme} from './hooks/use-theme.js';
import {Line} from './line.js';
import type {PaneBodyProps} from './pane-body.js';
import {prettyRows} from './zoom-model.js';

/** Rows of the pretty view besides the text: its header line. */
export const PRETTY_HEADER_ROWS = 1;

/** The selected event pretty-printed (JSON indented, long lines wrapped), scrollable. */
export const PrettyBody = memo(function PrettyBody(props: PaneBodyProps) {
  const {muted, glyphs} = useTheme();
  const {pretty, width, height} = props;
  if (!pretty || height <= 0) return null;
  const {entry, offset} = pretty;
  const textWidth = Math.max(1, width - 2);
  const rows = prettyRows(entry, textWidth, glyphs);
  const visible = rows.slice(offset, offset + height - PRETTY_HEADER_ROWS);
  const sep = ` ${glyphs.separator} `;
  const header =
    entry.kind === 'event'
      ? `  #${entry.eventNumber} ${entry.typeLabel}${sep}id ${entry.eventId === '' ? '-' : compactLine(entry.eventId, 24, glyphs)}` +
        `${sep}${formatClock(entry.timestamp, true)}${sep}${formatBytes(entry.dataLength)}` +
        `${sep}rows ${Math.min(rows.length, offset + 1)}-${offset + visible.length}/${rows.length}${sep}y/Esc: back`
      : `  notice${sep}${formatClock(entry.timestamp, true)}${sep}y/Esc: back`;
  return (
    <Box flexDirection="column">
      <Line segments={[{text: header, color: muted}]} width={width} />
      {visible.map((row, index) => (
        <Line key={offset + index} segments={[{text: `  ${row}`}]} width={width} />
      ))}
    </Box>
  );
});
