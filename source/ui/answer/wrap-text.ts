import {wrapWordsToWidth} from '../../core/display-text.js';
import {sanitize} from '../../core/sanitize.js';

/**
 * Answer text as terminal rows: line breaks kept, everything else that could
 * act on a terminal shown as visible escapes, paragraphs word-wrapped by
 * display width (CJK-aware).
 */

const TAB = '    ';

/** Server text made safe to print on several rows: CRLF and CR become line breaks, tabs spaces. */
export function displayText(text: string): string {
  return sanitize(text.replace(/\r\n?/g, '\n').replaceAll('\t', TAB), {keepNewlines: true});
}

/** One line of a question or heading: whitespace runs become one space. */
export function oneLine(text: string): string {
  return sanitize(text.replace(/\s+/g, ' ').trim());
}

/** Rows of one paragraph (a line without breaks); an empty line is one empty row. */
function wrapLine(line: string, width: number): string[] {
  return line === '' ? [''] : wrapWordsToWidth(line, width);
}

/** Rows of sanitized, multi-line text. */
export function wrapParagraphs(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(line, width));
}

export type TextWrapper = (text: string, width: number) => string[];

/**
 * A wrapper for text that grows at its end (a streaming answer): the rows of
 * every finished paragraph are kept between calls, so each new chunk wraps
 * only the paragraph it lands in.
 */
export function createTextWrapper(): TextWrapper {
  let cache: {width: number; head: string; rows: string[]} | undefined;
  return (text, width) => {
    const cut = text.lastIndexOf('\n');
    if (cut < 0) return wrapLine(text, width);
    const head = text.slice(0, cut);
    if (cache?.width !== width || cache.head !== head) {
      cache = {width, head, rows: wrapParagraphs(head, width)};
    }
    return [...cache.rows, ...wrapLine(text.slice(cut + 1), width)];
  };
}

/** Without the empty rows at the start and the end. */
export function trimBlankRows(rows: readonly string[]): string[] {
  let start = 0;
  let end = rows.length;
  while (start < end && rows[start]?.trim() === '') start++;
  while (end > start && rows[end - 1]?.trim() === '') end--;
  return rows.slice(start, end);
}
