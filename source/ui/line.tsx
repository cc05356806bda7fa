import {Box, Text} from 'ink';
import {memo} from 'react';
import {displayWidth, truncateToWidth} from '../core/display-text.js';
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

/** The segments cut to at most `width` columns in total (… marks the cut). */
export function clipSegments(segments: readonly Segment[], width: number): Segment[] {
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
    result.push({...segment, text: truncateToWidth(segment.text, left)});
    break;
  }
  return result;
}

/** Pads the segments with `fill` (one column wide) to exactly `width` columns. */
export function padSegments(
  segments: readonly Segment[],
  width: number,
  fill: Omit<Segment, 'text'> & {readonly char?: string} = {},
): Segment[] {
  const clipped = clipSegments(segments, width);
  const used = clipped.reduce((total, segment) => total + displayWidth(segment.text), 0);
  if (used >= width) return clipped;
  const {char = ' ', ...style} = fill;
  return [...clipped, {...style, text: char.repeat(width - used)}];
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
  const clipped = clipSegments(segments, width);
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
