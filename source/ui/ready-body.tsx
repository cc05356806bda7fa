import {Box} from 'ink';
import {memo} from 'react';
import {formatBytes} from './format.js';
import type {ReadyRequest} from '../core/store/ready-request.js';
import {sanitize} from '../core/sanitize.js';
import {useTheme} from './hooks/use-theme.js';
import {Line, type Segment} from './line.js';

/**
 * The body of a pane that waits READY (autostart: false): the request it
 * would send (method, URL, the question), secrets already redacted by the
 * store, every string sanitized here.
 */
export const ReadyBody = memo(function ReadyBody(props: {
  readonly ready: ReadyRequest;
  readonly width: number;
  readonly height: number;
}) {
  const theme = useTheme();
  const {ready, width, height} = props;
  const oneLine = (text: string) => sanitize(text.replace(/\s+/g, ' ').trim());
  const rows: Segment[][] = [
    [
      {text: '  ', color: undefined},
      {text: 'Enter', color: theme.accent, bold: true},
      {text: ' or ', color: theme.muted},
      {text: 'r', color: theme.accent, bold: true},
      {text: ' sends:', color: theme.muted},
    ],
    [
      {text: `  ${sanitize(ready.method)} `, bold: true},
      {text: sanitize(ready.url), color: undefined},
      {
        text: ready.bodyBytes > 0 ? ` (${formatBytes(ready.bodyBytes)} body)` : '',
        color: theme.muted,
      },
    ],
  ];
  if (ready.question !== undefined) {
    rows.push([{text: `  ${theme.glyphs.prompt} ${oneLine(ready.question)}`, color: theme.muted}]);
  }
  return (
    <Box flexDirection="column">
      {/* Short panes keep the request and drop the hint (the badge says READY). */}
      {(rows.length > height ? rows.slice(1) : rows)
        .slice(0, Math.max(0, height))
        .map((segments, index) => (
          <Line key={index} segments={segments} width={width} />
        ))}
    </Box>
  );
});
