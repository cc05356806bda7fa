import {Box} from 'ink';
import {memo} from 'react';
import type {ResponseInfo} from '../core/store/types.js';
import {useTheme} from './hooks/use-theme.js';
import {Line} from './line.js';
import {localizeMarks} from './theme.js';

/** Rows the details take at the top of a zoomed pane. */
export const RESPONSE_DETAIL_ROWS = 2;

/** The headers on one row: "content-type: text/event-stream · x-request-id: 7". */
export function headerLine(headers: ResponseInfo['headers'], separator = '·'): string {
  if (headers.length === 0) return 'no headers';
  return headers.map(([name, value]) => `${name}: ${value}`).join(` ${separator} `);
}

/**
 * The last response of a zoomed pane, compact: its status line, then its
 * headers on one row (values already redacted and sanitized by the store).
 */
export const ResponseDetails = memo(function ResponseDetails(props: {
  readonly response: ResponseInfo;
  readonly width: number;
}) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={props.width} height={RESPONSE_DETAIL_ROWS}>
      <Line
        segments={[
          {text: ' '},
          {text: localizeMarks(props.response.statusLine, theme.glyphs), color: theme.accent},
        ]}
        width={props.width}
      />
      <Line
        segments={[
          {text: ' '},
          {text: headerLine(props.response.headers, theme.glyphs.separator), color: theme.muted},
        ]}
        width={props.width}
      />
    </Box>
  );
});
