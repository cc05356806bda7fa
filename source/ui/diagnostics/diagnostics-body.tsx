import {Box} from 'ink';
import {memo} from 'react';
import {useTheme} from '../hooks/use-theme.js';
import {Line} from '../line.js';
import {localizeMarks} from '../theme.js';
import type {DetailLine, DetailTone} from './detail-lines.js';

/** Rows of the details view besides its lines: the header. */
export const DIAGNOSTICS_HEADER_ROWS = 1;

/** The details view (`D`): findings, request, response, timings, reconnect history; scrollable. */
export const DiagnosticsBody = memo(function DiagnosticsBody(props: {
  readonly lines: readonly DetailLine[];
  readonly offset: number;
  readonly width: number;
  readonly height: number;
}) {
  const theme = useTheme();
  const {lines, width, height} = props;
  if (height <= 0) return null;
  const page = Math.max(0, height - DIAGNOSTICS_HEADER_ROWS);
  const offset = Math.max(0, Math.min(props.offset, Math.max(0, lines.length - page)));
  const visible = lines.slice(offset, offset + page);
  const color: Record<DetailTone, string | undefined> = {
    heading: theme.accent,
    finding: theme.warn,
    fix: theme.accent,
    muted: theme.muted,
    normal: undefined,
  };
  const header = `  details · rows ${Math.min(lines.length, offset + 1)}-${offset + visible.length}/${lines.length} · j/k scroll · C copy curl · D/Esc back`;
  return (
    <Box flexDirection="column">
      <Line
        segments={[{text: localizeMarks(header, theme.glyphs), color: theme.muted}]}
        width={width}
      />
      {visible.map((line, index) => (
        <Line
          key={offset + index}
          segments={[
            {
              text: localizeMarks(line.text, theme.glyphs),
              color: color[line.tone],
              bold: line.tone === 'heading',
            },
          ]}
          width={width}
        />
      ))}
    </Box>
  );
});
