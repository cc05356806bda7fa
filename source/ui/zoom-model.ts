import {prettyLines, wrapToWidth} from '../core/display-text.js';
import type {DisplayEntry} from '../core/store/types.js';
import {formatBytes} from './format.js';
import {localizeMarks, unicodeGlyphs, type Glyphs} from './theme.js';

/**
 * The zoomed view's scrollback, as pure functions of the entries and the
 * selected entry's seq (undefined = follow the newest). Selecting by seq
 * instead of by position keeps the view still while new events arrive.
 */

/** Index of the selected entry: the seq itself, the next newer one if it is gone, or the newest. */
export function selectedIndex(entries: readonly DisplayEntry[], seq: number | undefined): number {
  const last = entries.length - 1;
  if (seq === undefined || last < 0) return last;
  let low = 0;
  let high = last;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((entries[middle]?.seq ?? 0) < seq) low = middle + 1;
    else high = middle;
  }
  return (entries[low]?.seq ?? 0) >= seq ? low : last;
}

/** The entry with exactly `seq`, if it is still there. */
export function entryBySeq(
  entries: readonly DisplayEntry[],
  seq: number | undefined,
): DisplayEntry | undefined {
  if (seq === undefined) return undefined;
  const entry = entries[selectedIndex(entries, seq)];
  return entry?.seq === seq ? entry : undefined;
}

/** The seq after moving `delta` entries; undefined when that lands on the newest (follow). */
export function moveSelection(
  entries: readonly DisplayEntry[],
  seq: number | undefined,
  delta: number,
): number | undefined {
  if (entries.length === 0) return undefined;
  const last = entries.length - 1;
  const index = Math.max(0, Math.min(last, selectedIndex(entries, seq) + delta));
  return index === last ? undefined : entries[index]?.seq;
}

export function firstSeq(entries: readonly DisplayEntry[]): number | undefined {
  return entries.length > 1 ? entries[0]?.seq : undefined;
}

export type ZoomWindow = {
  readonly start: number;
  readonly end: number;
  readonly selected: number;
  readonly following: boolean;
  /** Entries below the window (newer than what is shown). */
  readonly newer: number;
};

/** Which entries fit `height` rows: the selection stays on screen, at the bottom when scrolled. */
export function zoomWindow(
  entries: readonly DisplayEntry[],
  seq: number | undefined,
  height: number,
): ZoomWindow {
  const count = entries.length;
  const following = seq === undefined;
  const selected = selectedIndex(entries, seq);
  const rows = Math.max(0, height);
  const end = following ? count : Math.min(count, Math.max(selected + 1, rows));
  const start = Math.max(0, end - rows);
  return {start, end, selected, following, newer: count - end};
}

const prettyCache = new WeakMap<DisplayEntry, {width: number; glyphs: Glyphs; rows: string[]}>();

/**
 * The pretty (multi-line, wrapped) form of an entry, cached per entry, width
 * and glyphs (the theme's marks in a notice and in the note of a cut event).
 */
export function prettyRows(
  entry: DisplayEntry,
  width: number,
  glyphs: Glyphs = unicodeGlyphs,
): string[] {
  const cached = prettyCache.get(entry);
  if (cached && cached.width === width && cached.glyphs === glyphs) return cached.rows;
  const source =
    entry.kind === 'event' ? prettyLines(entry.data).lines : [localizeMarks(entry.line, glyphs)];
  const rows = source.flatMap((line) => (line === '' ? [''] : wrapToWidth(line, width)));
  if (entry.dataLength > entry.data.length) {
    rows.push(
      `${glyphs.ellipsis} cut at ${formatBytes(entry.data.length)} of ${formatBytes(entry.dataLength)} (display cap)`,
    );
  }
  prettyCache.set(entry, {width, glyphs, rows});
  return rows;
}
