import {Box} from 'ink';
import {memo} from 'react';
import {useTheme} from '../hooks/use-theme.js';
import {Line, type Segment} from '../line.js';
import type {PaneBodyProps} from '../pane-body.js';
import type {Theme} from '../theme.js';
import type {AnswerRow} from './transcript.js';

function rowSegments(row: AnswerRow, theme: Theme): Segment[] {
  const margin: Segment = {text: ' '};
  switch (row.tone) {
    case 'answer':
      return [margin, {text: row.text}];
    case 'query':
    case 'reasoning':
    case 'note':
      return [margin, {text: row.text, color: theme.muted, dim: true}];
    case 'status':
      return [margin, {text: row.text, color: theme.muted}];
    case 'warn':
      return [margin, {text: row.text, color: theme.warn}];
    case 'error':
      return [margin, {text: row.text, color: theme.error}];
    case 'input':
      return [
        margin,
        {text: row.text, color: theme.accent, bold: true},
        ...(row.cursor
          ? [
              {text: row.cursor.at, color: theme.accent, bold: true, inverse: true},
              {text: row.cursor.after, color: theme.accent, bold: true},
            ]
          : []),
        {text: row.hint ?? '', color: theme.muted, dim: true},
      ];
  }
}

/**
 * The answer view of a pane: the transcript rows the pane's layout picked
 * (the end while following), then the pinned error, status and input rows.
 */
export const AnswerBody = memo(function AnswerBody(props: PaneBodyProps) {
  const theme = useTheme();
  const {answer, width, height} = props;
  if (!answer || height <= 0) return null;
  return (
    <Box flexDirection="column" height={height}>
      {answer.visible.map((row, index) => (
        <Line key={`t${answer.top + index}`} segments={rowSegments(row, theme)} width={width} />
      ))}
      {answer.visible.length + answer.pinned.length < height ? <Box flexGrow={1} /> : null}
      {answer.pinned.map((row, index) => (
        <Line key={`p${index}`} segments={rowSegments(row, theme)} width={width} />
      ))}
    </Box>
  );
});
