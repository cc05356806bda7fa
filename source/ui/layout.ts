/**
 * Where panes go. Pure, so a terminal size maps to one layout in tests and
 * at run time alike. The frame is at most rows - 1 tall: Ink 6 clears the
 * whole screen on every render when a frame is as tall as the terminal.
 */

/** Narrower than this: one column of panes. */
export const TWO_COLUMNS_FROM = 100;
export const THREE_COLUMNS_FROM = 180;
export const FOUR_COLUMNS_FROM = 260;
/** Title + counters + one event line. */
export const MIN_PANE_HEIGHT = 3;
export const FOOTER_HEIGHT = 1;
export const COLUMN_GAP = 1;

export type PaneCell = {
  readonly index: number;
  readonly width: number;
  readonly height: number;
};

export type GridRow = {readonly height: number; readonly cells: readonly PaneCell[]};

export type GridLayout = {
  /** Frame size: every row of the frame fits in it. */
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  /** The visible grid rows (a window around the focused pane when not all fit). */
  readonly rows: readonly GridRow[];
  /** Height of the pane area (frame minus footer). */
  readonly paneArea: number;
  readonly hiddenBefore: number;
  readonly hiddenAfter: number;
};

export type TerminalSize = {readonly columns: number; readonly rows: number};

export function gridColumns(terminalColumns: number, count: number): number {
  const wanted =
    terminalColumns < TWO_COLUMNS_FROM
      ? 1
      : terminalColumns < THREE_COLUMNS_FROM
        ? 2
        : terminalColumns < FOUR_COLUMNS_FROM
          ? 3
          : 4;
  return Math.max(1, Math.min(wanted, count));
}

/** Splits `total` into `parts` sizes that differ by at most one, larger first. */
export function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({length: parts}, (_, index) => base + (index < extra ? 1 : 0));
}

export function frameSize(size: TerminalSize): TerminalSize {
  return {columns: Math.max(10, size.columns), rows: Math.max(1, size.rows - 1)};
}

export function computeGridLayout(size: TerminalSize, count: number, focus: number): GridLayout {
  const frame = frameSize(size);
  const paneArea = Math.max(0, frame.rows - FOOTER_HEIGHT);
  const columns = gridColumns(frame.columns, count);
  const widths = split(frame.columns - COLUMN_GAP * (columns - 1), columns);
  const gridRowCount = Math.ceil(count / columns);
  const fitting = Math.max(1, Math.min(gridRowCount, Math.floor(paneArea / MIN_PANE_HEIGHT)));
  const focusRow = Math.floor(Math.max(0, Math.min(focus, count - 1)) / columns);
  const firstRow = Math.max(0, Math.min(focusRow - fitting + 1, gridRowCount - fitting));
  const heights = split(paneArea, fitting);
  const rows: GridRow[] = heights.map((height, offset) => {
    const row = firstRow + offset;
    const cells: PaneCell[] = [];
    for (let column = 0; column < columns; column++) {
      const index = row * columns + column;
      if (index < count) cells.push({index, width: widths[column] ?? 0, height});
    }
    return {height, cells};
  });
  const shownFrom = firstRow * columns;
  const shownTo = Math.min(count, (firstRow + fitting) * columns);
  return {
    width: frame.columns,
    height: frame.rows,
    columns,
    rows,
    paneArea,
    hiddenBefore: shownFrom,
    hiddenAfter: count - shownTo,
  };
}

/** The pane index an arrow key moves focus to in a grid with `columns` columns. */
export function moveFocus(
  focus: number,
  direction: 'left' | 'right' | 'up' | 'down',
  columns: number,
  count: number,
): number {
  if (count === 0) return 0;
  switch (direction) {
    case 'left':
      return focus % columns === 0 ? focus : focus - 1;
    case 'right':
      return focus % columns === columns - 1 || focus + 1 >= count ? focus : focus + 1;
    case 'up':
      return focus - columns >= 0 ? focus - columns : focus;
    case 'down':
      return focus + columns < count ? focus + columns : focus;
  }
}
