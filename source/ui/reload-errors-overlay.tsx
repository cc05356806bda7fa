import {Box} from 'ink';
import {memo} from 'react';
import {wrapWordsToWidth} from '../core/display-text.js';
import {sanitize} from '../core/sanitize.js';
import {useTheme} from './hooks/use-theme.js';
import {Line, type Segment} from './line.js';

type ReloadErrorsProps = {
  /** The problems, one per line as the CLI prints them at start (redacted by the caller). */
  readonly lines: readonly string[];
  readonly width: number;
  readonly height: number;
};

/**
 * Why `L` (or --watch) changed nothing: every problem of the profiles, each
 * wrapped to the width, over the pane area until a key closes it.
 */
export const ReloadErrorsOverlay = memo(function ReloadErrorsOverlay(props: ReloadErrorsProps) {
  const theme = useTheme();
  const {width, height} = props;
  const problems = props.lines.flatMap((line) =>
    wrapWordsToWidth(sanitize(line), Math.max(1, width - 4)).map((part, index): Segment[] => [
      {text: `${index === 0 ? '  ' : '    '}${part}`},
    ]),
  );
  const rows: Segment[][] = [
    [
      {text: ' reload failed', bold: true, color: theme.error},
      {text: ': nothing changed, every stream keeps running', bold: true},
    ],
    ...problems,
    [],
    [{text: ' fix the profile and press L again; any key closes this', color: theme.muted}],
  ];
  let shown = rows;
  if (rows.length > height && height > 1) {
    const hidden = rows.length - (height - 1);
    shown = [...rows.slice(0, height - 1), [{text: ` ${hidden} more rows`, color: theme.accent}]];
  }
  return (
    <Box flexDirection="column" width={width} height={height} overflowY="hidden">
      {shown.map((segments, index) => (
        <Line key={index} segments={segments} width={width} />
      ))}
    </Box>
  );
});
