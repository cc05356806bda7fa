import {Box, Text} from 'ink';
import {memo} from 'react';
import {displayWidth, ELLIPSIS, truncateToWidth} from '../core/display-text.js';
import {useTheme} from './hooks/use-theme.js';
import {lineRuns} from './line-runs.js';

/** A run of text with one style; a line is a list of them. Text must be sanitized. */
export type Segment = {
  readonly text: string;
  readonly color?: string | undefined;
  readonly backgroundColor?: string | undefined;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
};

/**
 * The segments cut to at most `width` columns in total; the segment the cut
 * falls in ends in `ellipsis` (…). When fewer columns than the ellipsis are
 * left there (an ASCII "..."), the ellipsis goes into the segment before, if
 * that keeps some of its text; else the row is just cut.
 */
export function clipSegments(
  segments: readonly Segment[],
  width: number,
  ellipsis = ELLIPSIS,
): Segment[] {
  const result: Segment[] = [];
  let left = width;
  for (const segment of segments) {
    if (left <= 0) break;
    const columns = displayWidth(segment.text);
    if (columns <= left) {
      result.push(segment);
      left -= columns;
      continue;
    }
    const markWidth = ellipsis === ELLIPSIS ? 1 : displayWidth(ellipsis);
    const previous = result.at(-1);
    const room = previous ? displayWidth(previous.text) + left : 0;
    if (left < markWidth && previous && room > markWidth) {
      result[result.length - 1] = {
        ...previous,
        text: truncateToWidth(previous.text + segment.text, room, ellipsis),
      };
    } else {
      result.push({...segment, text: truncateToWidth(segment.text, left, ellipsis)});
    }
    break;
  }
  return result;
}

/**
 * Pads the segments with `fill` (one column wide) to `width` columns. Wider
 * segments are returned as they are: Line cuts them, with the theme's ellipsis.
 */
export function padSegments(
  segments: readonly Segment[],
  width: number,
  fill: Omit<Segment, 'text'> & {readonly char?: string} = {},
): Segment[] {
  const used = segments.reduce((total, segment) => total + displayWidth(segment.text), 0);
  if (used >= width) return [...segments];
  const {char = ' ', ...style} = fill;
  return [...segments, {...style, text: char.repeat(width - used)}];
}

type LineProps = {readonly segments: readonly Segment[]; readonly width: number};

function StyledRun({segments}: {readonly segments: readonly Segment[]}) {
  return (
    <Text wrap="truncate-end">
      {segments.map((segment, index) => (
        <Text
          key={index}
          color={segment.color}
          backgroundColor={segment.backgroundColor}
          bold={segment.bold}
          dimColor={segment.dim}
          inverse={segment.inverse}
        >
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}

/**
 * One terminal row: never wraps, never wider than `width`. Drawn as runs Ink
 * can measure cheaply (lineRuns): one text node when the row is plain ASCII.
 */
export const Line = memo(function Line({segments, width}: LineProps) {
  const {glyphs} = useTheme();
  const clipped = clipSegments(segments, width, glyphs.ellipsis);
  if (clipped.length === 0) return <Text> </Text>;
  const runs = lineRuns(clipped);
  if (runs.length === 1) return <StyledRun segments={clipped} />;
  return (
    <Box flexShrink={0}>
      {runs.map((run, index) => (
        <StyledRun key={index} segments={run} />
      ))}
    </Box>
  );
});
