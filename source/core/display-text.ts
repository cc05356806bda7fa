import stringWidth from 'string-width';
import {sanitize} from './sanitize.js';

/**
 * Pure helpers that turn server text into what a terminal cell grid can show:
 * one-line compaction, truncation and wrapping by display width (CJK and most
 * emoji take two columns). Every function sanitizes or expects sanitized text.
 */

/** Longest one-line form kept per event; wider than any pane on any screen. */
export const MAX_LINE_CHARS = 1024;
/** Only JSON up to this size is parsed for minifying; longer data is shown as is. */
export const JSON_MINIFY_LIMIT = 64 * 1024;
export const NEWLINE_MARK = '⏎';
export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
/**
 * Text that is one column per UTF-16 unit: printable ASCII and Latin-1, general
 * punctuation (· … ‘ ’ • ‰), arrows, ⏎, box drawing and block elements. None
 * of these join into wider clusters, so the width is the length and
 * string-width's grapheme segmentation (the costly part of every frame) is
 * skipped for nearly every row a pane draws. A test checks each code point.
 */
export const narrowText =
  /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u23ce\u2500-\u259f]*$/;
const lineBreaks = /\r\n|\r|\n/g;

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** JSON.stringify of the parsed text, or undefined when it is not JSON. */
export function minifyJson(text: string): string | undefined {
  if (text.length > JSON_MINIFY_LIMIT || !looksLikeJson(text)) return undefined;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/** Cuts at most `max` UTF-16 units without splitting a surrogate pair. */
export function sliceCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/** The marks compactLine and compactText add: where a line broke and where text was cut. */
export type LineMarks = {readonly newline: string; readonly ellipsis: string};
const defaultMarks: LineMarks = {newline: NEWLINE_MARK, ellipsis: ELLIPSIS};

/**
 * One line for a pane: JSON minified when it parses, line breaks shown as ⏎,
 * control characters escaped, at most `maxChars` long (with … when cut).
 * `marks` replaces ⏎ and … (the dashboard's ASCII glyphs).
 */
export function compactLine(
  text: string,
  maxChars = MAX_LINE_CHARS,
  marks: LineMarks = defaultMarks,
): string {
  return compactText(minifyJson(text) ?? text, maxChars, marks);
}

/** The parsed value, when `text` is JSON small enough to parse (one parse per event). */
export function parseJson(text: string): {value: unknown} | undefined {
  if (text.length > JSON_MINIFY_LIMIT || !looksLikeJson(text)) return undefined;
  try {
    return {value: JSON.parse(text) as unknown};
  } catch {
    return undefined;
  }
}

/** compactLine without the JSON step: for text already minified (or known not to be JSON). */
export function compactText(
  source: string,
  maxChars = MAX_LINE_CHARS,
  marks: LineMarks = defaultMarks,
): string {
  const cut = source.length > maxChars;
  const head = sliceCodePoints(source, maxChars).replace(lineBreaks, marks.newline);
  const safe = sanitize(head);
  const bounded = safe.length > maxChars ? sliceCodePoints(safe, maxChars) : safe;
  return cut || bounded.length < safe.length ? bounded + marks.ellipsis : bounded;
}

/** Columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  return narrowText.test(text) ? text.length : stringWidth(text);
}

/**
 * At most `width` columns of `text`, ending in `ellipsis` (…) when it was
 * cut. A wide character that would straddle the limit is left out whole.
 * Narrower than the ellipsis, the text is cut without one.
 */
export function truncateToWidth(text: string, width: number, ellipsis = ELLIPSIS): string {
  if (width <= 0) return '';
  const markWidth = ellipsis === ELLIPSIS ? 1 : displayWidth(ellipsis);
  if (markWidth > width) return truncateToWidth(text, width, '');
  if (narrowText.test(text)) {
    return text.length <= width ? text : text.slice(0, width - markWidth) + ellipsis;
  }
  if (stringWidth(text) <= width) return text;
  const budget = width - markWidth;
  let used = 0;
  let result = '';
  for (const {segment} of segmenter.segment(text)) {
    const columns = stringWidth(segment);
    if (used + columns > budget) break;
    used += columns;
    result += segment;
  }
  return result + ellipsis;
}

/** `text` truncated (ending in `ellipsis`), then padded with spaces to exactly `width` columns. */
export function fitToWidth(text: string, width: number, ellipsis = ELLIPSIS): string {
  const cut = truncateToWidth(text, width, ellipsis);
  const missing = width - displayWidth(cut);
  return missing > 0 ? cut + ' '.repeat(missing) : cut;
}

/** Hard-wraps one line (no line breaks in it) into rows of at most `width` columns. */
export function wrapToWidth(text: string, width: number): string[] {
  if (width <= 0) return [];
  if (displayWidth(text) <= width) return [text];
  const rows: string[] = [];
  let row = '';
  let used = 0;
  for (const {segment} of segmenter.segment(text)) {
    const columns = stringWidth(segment);
    if (used + columns > width && row !== '') {
      rows.push(row);
      row = '';
      used = 0;
    }
    row += segment;
    used += columns;
  }
  if (row !== '') rows.push(row);
  return rows;
}

/**
 * The readable multi-line form of event data: pretty JSON when it parses,
 * otherwise its own lines. Every line is sanitized.
 */
export function prettyLines(data: string): {lines: string[]; json: boolean} {
  let pretty: string | undefined;
  if (looksLikeJson(data)) {
    try {
      pretty = JSON.stringify(JSON.parse(data), null, 2);
    } catch {
      pretty = undefined;
    }
  }
  const text = pretty ?? data;
  return {
    lines: text.split(lineBreaks).map((line) => sanitize(line)),
    json: pretty !== undefined,
  };
}

/** Wide punctuation that must not start a row (closing marks): 「，」 stays with the word before. */
const noRowStart = new Set([...'，。、！？；：）」』》〉】〕”’…‥・ー〜．']);
/** Wide punctuation that must not end a row (opening marks). */
const noRowEnd = new Set([...'（「『《〈【〔“‘']);

type Cell = {readonly segment: string; readonly columns: number};

function rowText(cells: readonly Cell[]): string {
  return cells
    .map((cell) => cell.segment)
    .join('')
    .trimEnd();
}

/** May a row end after `before` and the next one start with `segment` (of `columns`)? */
function canBreakBetween(before: Cell | undefined, segment: string, columns: number): boolean {
  if (before === undefined || noRowStart.has(segment)) return false;
  if (before.segment === ' ') return true;
  const wideBefore = before.columns >= 2 && !noRowEnd.has(before.segment);
  return wideBefore || (columns >= 2 && !noRowEnd.has(before.segment));
}

/**
 * Word-wraps one line (no line breaks in it) into rows of at most `width`
 * columns: breaks after spaces, and before or after wide (CJK) characters
 * except before closing or after opening punctuation; a word wider than a row
 * is cut. The spaces a row ends with are dropped.
 */
export function wrapWordsToWidth(text: string, width: number): string[] {
  if (width <= 0) return [];
  if (displayWidth(text) <= width) return [text];
  const rows: string[] = [];
  let row: Cell[] = [];
  let used = 0;
  // The last index of `row` where the next row may start (0: none yet).
  let breakAt = 0;
  for (const {segment} of segmenter.segment(text)) {
    const columns = stringWidth(segment);
    const space = segment === ' ';
    const breakHere = canBreakBetween(row.at(-1), segment, columns);
    if (used + columns > width && row.length > 0) {
      const cut = space || breakHere || breakAt === 0 ? row.length : breakAt;
      rows.push(rowText(row.slice(0, cut)));
      row = row.slice(cut);
      while (row[0]?.segment === ' ') row.shift();
      used = row.reduce((total, cell) => total + cell.columns, 0);
      breakAt = 0;
      if (space && row.length === 0) continue;
    } else if (breakHere) {
      breakAt = row.length;
    }
    row.push({segment, columns});
    used += columns;
  }
  const last = rowText(row);
  if (last !== '' || rows.length === 0) rows.push(last);
  return rows;
}
