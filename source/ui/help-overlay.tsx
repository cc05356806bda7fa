import {Box} from 'ink';
import {memo} from 'react';
import {fitToWidth} from '../core/display-text.js';
import {useTheme} from './hooks/use-theme.js';
import {KEY_HELP} from './keymap.js';
import {Line, type Segment} from './line.js';

const KEY_COLUMN = 18;

const BADGES: readonly (readonly [string, string])[] = [
  ['CONNECTING', 'request sent, waiting for the response'],
  ['OPEN', 'connected, events flowing'],
  ['RETRY in 3s (attempt 2/5)', 'reconnecting after a drop or a retryable error'],
  ['CLOSED (reason)', 'ended: stream ended, limit reached, 204, or stopped with s'],
  ['FAILED (HTTP 401: message)', 'gave up: the error that ended it'],
  ['PAUSED (+N)', 'display paused with p; N events arrived meanwhile'],
];

/** The keymap and the badge legend, over the whole pane area. */
export const HelpOverlay = memo(function HelpOverlay(props: {width: number; height: number}) {
  const theme = useTheme();
  const rows: Segment[][] = [
    [
      {text: ' ssedeck keys', bold: true, color: theme.accent},
      {text: '  (any key closes)', color: theme.muted},
    ],
    [],
    ...KEY_HELP.map(({keys, action}): Segment[] => [
      {text: `  ${fitToWidth(keys, KEY_COLUMN)} `, bold: true},
      {text: action},
    ]),
    [],
    [{text: ' badges', bold: true, color: theme.accent}],
    ...BADGES.map(([badge, meaning]): Segment[] => [
      {text: `  ${fitToWidth(badge, 28)} `, bold: true},
      {text: meaning, color: theme.muted},
    ]),
  ];
  return (
    <Box flexDirection="column" width={props.width} height={props.height} overflow="hidden">
      {rows.slice(0, props.height).map((segments, index) => (
        <Line key={index} segments={segments} width={props.width} />
      ))}
    </Box>
  );
});
