import {answerErrorText, answerIdsLine, answerStatusLine} from '../../core/answer/index.js';
import type {AnswerRun, AnswerSnapshot} from '../../core/answer/index.js';
import {displayWidth} from '../../core/display-text.js';
import {inputView} from '../input-line.js';
import type {LineEdit} from '../state/line-editor.js';
import {transcriptRows, type AnswerRow, type AnswerTone, type RunWrappers} from './transcript.js';
import {wrapParagraphs} from './wrap-text.js';
import {localizeMarks, unicodeGlyphs, type Glyphs} from '../theme.js';

/** Rows an error may take above the status line. */
export const MAX_ERROR_ROWS = 2;
/** The ids line shows only when the transcript keeps at least this many rows. */
export const MIN_ROWS_WITH_IDS = 3;

function statusTone(run: AnswerRun): AnswerTone {
  switch (run.status) {
    case 'error':
      return 'error';
    case 'paused':
    case 'stopped':
    case 'incomplete':
      return 'warn';
    default:
      return 'status';
  }
}

/**
 * The rows under the transcript that never scroll away: the current run's
 * error (red), its ids (`idsLine`, when given), its status line, and the
 * follow-up input line while it is open.
 */
export function pinnedRows(
  run: AnswerRun,
  width: number,
  input: LineEdit | undefined,
  glyphs: Glyphs = unicodeGlyphs,
  idsLine = '',
): AnswerRow[] {
  const rows: AnswerRow[] = [];
  if (run.error !== undefined) {
    const error = wrapParagraphs(localizeMarks(answerErrorText(run.error), glyphs), width);
    const shown = error.slice(0, MAX_ERROR_ROWS);
    if (error.length > MAX_ERROR_ROWS) shown[MAX_ERROR_ROWS - 1] += glyphs.ellipsis;
    rows.push(...shown.map((text): AnswerRow => ({text, tone: 'error'})));
  }
  if (idsLine !== '') rows.push({text: idsLine, tone: 'note'});
  rows.push({text: answerStatusLine(run, glyphs.separator), tone: statusTone(run)});
  if (input !== undefined) {
    const mark = `${glyphs.prompt} `;
    const room = Math.max(1, width - displayWidth(mark));
    const view = inputView(input, room, glyphs.ellipsis);
    const hint = `  Enter send ${glyphs.separator} Esc cancel`;
    rows.push({text: mark + view.before, tone: 'input', hint, cursor: view});
  }
  return rows;
}

export type AnswerLayout = {
  readonly visible: readonly AnswerRow[];
  readonly pinned: readonly AnswerRow[];
  /** First visible transcript row. */
  readonly top: number;
  readonly total: number;
  readonly following: boolean;
  /** Rows left for the transcript. */
  readonly rows: number;
};

/**
 * What fits `height` rows: the pinned rows at the bottom (the input line
 * first when space is short), the transcript above them, its end when
 * following, else from `scrollTop` (kept in range).
 */
export function layoutAnswer(
  transcript: readonly AnswerRow[],
  pinned: readonly AnswerRow[],
  height: number,
  scrollTop: number | undefined,
): AnswerLayout {
  const room = Math.max(0, height);
  const shownPinned = pinned.slice(Math.max(0, pinned.length - room));
  const rows = room - shownPinned.length;
  const total = transcript.length;
  const max = Math.max(0, total - rows);
  const top = scrollTop === undefined ? max : Math.max(0, Math.min(scrollTop, max));
  return {
    visible: rows > 0 ? transcript.slice(top, top + rows) : [],
    pinned: shownPinned,
    top,
    total,
    following: top >= max,
    rows,
  };
}

/** The title's note for the zoomed answer view: "[12-40/80] scrolled · G: follow". */
export function answerScrollStatus(layout: AnswerLayout, glyphs: Glyphs = unicodeGlyphs): string {
  const {top, total, visible, following} = layout;
  if (total <= visible.length) return '';
  const range = `[${top + 1}-${top + visible.length}/${total}]`;
  return following ? `${range} following` : `${range} scrolled ${glyphs.separator} G: follow`;
}

export type AnswerViewOptions = {
  /** The pane body's size. */
  readonly width: number;
  readonly height: number;
  readonly reasoning: boolean;
  /** The follow-up being typed in this pane, if any. */
  readonly input: LineEdit | undefined;
  /** First transcript row (zoomed and scrolled); undefined follows the end. */
  readonly scrollTop: number | undefined;
  /** The theme's symbols (default Unicode). */
  readonly glyphs?: Glyphs;
};

/** Columns around answer text: one on the left (like event rows), one on the right. */
export const ANSWER_MARGIN = 2;

/** The whole answer view of a pane, from its answer snapshot. */
export function answerLayoutOf(
  snapshot: AnswerSnapshot,
  options: AnswerViewOptions,
  wrappers?: RunWrappers,
): AnswerLayout {
  const width = Math.max(1, options.width - ANSWER_MARGIN);
  const {glyphs} = options;
  const transcript = transcriptRows(
    snapshot,
    {width, reasoning: options.reasoning, ...(glyphs ? {glyphs} : {})},
    wrappers,
  );
  let pinned = pinnedRows(snapshot.current, width, options.input, glyphs);
  // The ids a bug report needs, when the pane is tall enough to spare a row.
  if (options.height - pinned.length - 1 >= MIN_ROWS_WITH_IDS) {
    const {separator, ellipsis} = glyphs ?? unicodeGlyphs;
    const ids = answerIdsLine(snapshot.current, snapshot.preset, width, separator, ellipsis);
    if (ids !== '') pinned = pinnedRows(snapshot.current, width, options.input, glyphs, ids);
  }
  return layoutAnswer(transcript, pinned, options.height, options.scrollTop);
}
