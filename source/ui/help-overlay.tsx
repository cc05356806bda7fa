import {Box} from 'ink';
import {memo} from 'react';
import {fitToWidth} from '../core/display-text.js';
import {useTheme} from './hooks/use-theme.js';
import {keyHelp} from './keymap.js';
import {Line, type Segment} from './line.js';
import type {Theme} from './theme.js';

const KEY_COLUMN = 18;

const BADGES: readonly (readonly [string, string])[] = [
  ['READY', 'not sent yet (autostart: false): Enter or r sends it'],
  ['CONNECTING', 'request sent, waiting for the response'],
  ['OPEN', 'connected, events flowing'],
  ['RETRY in 3s (attempt 2/5)', 'reconnecting after a drop or a retryable error'],
  ['CLOSED (reason)', 'ended: stream ended, limit reached, 204, or stopped with s'],
  ['FAILED (HTTP 401: message)', 'gave up: the error that ended it'],
  ['WAITING (human input)', 'a Dify run paused on a form: f, then i fills it'],
  ['PAUSED (+N)', 'display paused with p; N events arrived meanwhile'],
];

function helpRows(theme: Theme): Segment[][] {
  const {up, down, ellipsis} = theme.glyphs;
  return [
    [
      {text: ' ssedeck keys', bold: true, color: theme.accent},
      {text: `  (j/k ${up}/${down} PgUp/PgDn scroll, any other key closes)`, color: theme.muted},
    ],
    ...keyHelp(theme.glyphs).map(({keys, action}): Segment[] => [
      {text: `  ${fitToWidth(keys, KEY_COLUMN, ellipsis)} `, bold: true},
      {text: action},
    ]),
    [],
    [{text: ' badges', bold: true, color: theme.accent}],
    ...BADGES.map(([badge, meaning]): Segment[] => [
      {text: `  ${fitToWidth(badge, 28, ellipsis)} `, bold: true},
      {text: meaning, color: theme.muted},
    ]),
  ];
}

/** Rows of help text (one per line, never wrapped). */
export const HELP_ROWS = 1 + keyHelp().length + 2 + BADGES.length;

/**
 * The highest first row the overlay can scroll to at `height` rows: 0 when
 * everything fits; otherwise one row is kept for the "more" line.
 */
export function helpScrollMax(_width: number, height: number): number {
  if (HELP_ROWS <= height) return 0;
  return Math.max(0, HELP_ROWS - Math.max(1, height - 1));
}

type HelpProps = {readonly width: number; readonly height: number; readonly scroll?: number};

/** The keymap and the badge legend, over the whole pane area; it scrolls when it does not fit. */
export const HelpOverlay = memo(function HelpOverlay(props: HelpProps) {
  const theme = useTheme();
  const {width, height} = props;
  const rows = helpRows(theme);
  let shown: Segment[][] = rows.slice(0, height);
  if (rows.length > height && height > 1) {
    const room = height - 1;
    const top = Math.max(0, Math.min(props.scroll ?? 0, rows.length - room));
    const below = rows.length - (top + room);
    const {up, down, separator} = theme.glyphs;
    const more =
      below > 0
        ? `${down} ${below} more (j/${down} PgDn)${top > 0 ? ` ${separator} ${up} ${top} above` : ''}`
        : `${up} ${top} above (k/${up} PgUp) ${separator} end`;
    shown = [...rows.slice(top, top + room), [{text: ` ${more}`, color: theme.accent}]];
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {shown.map((segments, index) => (
        <Line key={index} segments={segments} width={width} />
      ))}
    </Box>
  );
});
