import {memo} from 'react';
import {eventsPerSecond} from '../core/store/rate.js';
import type {StreamSnapshot} from '../core/store/types.js';
import {compactLine, displayWidth} from '../core/display-text.js';
import {formatBytes, formatCount, formatDuration, formatRate} from './format.js';
import {useTheme} from './hooks/use-theme.js';
import {Line, type Segment} from './line.js';
import {sparkline, SPARK_SECONDS} from './sparkline.js';
import {unicodeGlyphs, type Glyphs} from './theme.js';

const MAX_ID_CHARS = 24;

/** The counters of one stream as label/value pairs, most important first. */
export function counterParts(
  snapshot: StreamSnapshot,
  now: number,
  glyphs: Glyphs = unicodeGlyphs,
): string[] {
  const {counters} = snapshot;
  const parts = [
    `${snapshot.run > 1 ? `run ${snapshot.run}: ` : ''}${formatCount(counters.events)} ev`,
    formatRate(eventsPerSecond(snapshot.rate, now)),
    formatBytes(counters.bytes),
    `${formatCount(counters.reconnects)} reconn`,
    `last ${counters.lastEventAt === undefined ? '-' : `${formatDuration(now - counters.lastEventAt)} ago`}`,
  ];
  if (counters.lastEventId !== '') {
    parts.push(`id ${compactLine(counters.lastEventId, MAX_ID_CHARS, glyphs)}`);
  }
  if (counters.firstEventMs !== undefined) {
    parts.push(`first ${formatDuration(counters.firstEventMs)}`);
  }
  return parts;
}

const INDENT = '  ';
/** Panes at least this tall give the counters a second row when one is too narrow. */
export const TWO_COUNTER_ROWS_FROM = 6;

/** The counters in one row, or two (traffic, then timing) when one row is too narrow. */
export function counterRows(
  parts: readonly string[],
  width: number,
  height: number,
  glyphs: Glyphs = unicodeGlyphs,
): string[][] {
  const oneRow = displayWidth(INDENT + parts.join(` ${glyphs.separator} `)) <= width;
  if (oneRow || height < TWO_COUNTER_ROWS_FROM) return [[...parts]];
  return [parts.slice(0, 4), parts.slice(4)];
}

/** Narrowest sparkline worth drawing. */
const MIN_SPARK = 8;

/** Appends the events/s sparkline to the last counter row when at least MIN_SPARK columns are left. */
export function withSparkline(
  rows: string[][],
  snapshot: StreamSnapshot,
  now: number,
  width: number,
  glyphs: Glyphs,
): string[][] {
  const last = rows.at(-1);
  if (!last) return rows;
  const {since} = snapshot.rate;
  if (since === undefined) return rows;
  const separator = ` ${glyphs.separator} `;
  const used = displayWidth(INDENT + last.join(separator) + separator);
  const room = Math.min(SPARK_SECONDS, width - used);
  // It grows with the stream's age: no empty past before the first event.
  const seconds = Math.floor(now / 1000) - Math.floor(since / 1000);
  if (room < MIN_SPARK || seconds < 1) return rows;
  const spark = sparkline(snapshot.rate, now, Math.min(room, seconds), glyphs.spark);
  return [...rows.slice(0, -1), [...last, spark]];
}

/**
 * A pane's counter rows and the rows left for its body under the title and
 * them: the one place that says how tall a pane's body is. With `withSpark`
 * the last row ends with a sparkline of events/s where the width allows (it
 * never adds a row).
 */
export function paneChrome(
  snapshot: StreamSnapshot,
  now: number,
  width: number,
  height: number,
  glyphs: Glyphs = unicodeGlyphs,
  withSpark = false,
): {counters: string[][]; bodyHeight: number} {
  const rows = counterRows(counterParts(snapshot, now, glyphs), width, height, glyphs);
  const counters = withSpark ? withSparkline(rows, snapshot, now, width, glyphs) : rows;
  return {counters, bodyHeight: Math.max(0, height - 1 - counters.length)};
}

type PaneCountersProps = {
  readonly rows: readonly (readonly string[])[];
  readonly width: number;
};

/** "1,234 ev · 10.0/s · 45.1 KB · 2 reconn · last 0.4s ago · id 1234 · first 15ms" */
export const PaneCounters = memo(function PaneCounters({rows, width}: PaneCountersProps) {
  const theme = useTheme();
  return (
    <>
      {rows.map((parts, row) => {
        const segments: Segment[] = [{text: INDENT}];
        parts.forEach((part, index) => {
          if (index > 0) {
            segments.push({text: ` ${theme.glyphs.separator} `, color: theme.muted, dim: true});
          }
          segments.push({text: part, color: row === 0 && index === 0 ? undefined : theme.muted});
        });
        return <Line key={row} segments={segments} width={width} />;
      })}
    </>
  );
});
