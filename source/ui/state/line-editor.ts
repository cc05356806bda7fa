/**
 * The line editing of the dashboard's text inputs (the follow-up `i` and the
 * filter `/`): a cursor, a whole-text selection, word moves and kills, and
 * ↑/↓ through earlier entries. Pure: the reducers apply it, tests drive it.
 * The cursor is a UTF-16 offset that always sits on a grapheme boundary.
 */
import {typedText} from './record-edit.js';

export type LineEdit = {
  readonly draft: string;
  readonly cursor: number;
  /** The whole text is selected: typing replaces it, ←/→/Home/End keep it. */
  readonly selected: boolean;
  /** While browsing history: the entry shown and the draft it replaced. */
  readonly browse?: {readonly index: number; readonly draft: string} | undefined;
};

export type EditMove = 'left' | 'right' | 'home' | 'end' | 'word-left' | 'word-right';
export type EditKill = 'before' | 'after' | 'to-start' | 'to-end' | 'word-before' | 'word-after';

export type EditOp =
  | {readonly type: 'insert'; readonly text: string}
  | {readonly type: 'move'; readonly to: EditMove}
  | {readonly type: 'delete'; readonly what: EditKill}
  | {readonly type: 'history'; readonly delta: -1 | 1};

/** Entries kept per history. */
export const HISTORY_LIMIT = 100;

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

function boundaries(text: string): number[] {
  const result = [0];
  for (const {index, segment} of graphemes.segment(text)) result.push(index + segment.length);
  return result;
}

function previousBoundary(text: string, cursor: number): number {
  let previous = 0;
  for (const boundary of boundaries(text)) {
    if (boundary >= cursor) break;
    previous = boundary;
  }
  return previous;
}

function nextBoundary(text: string, cursor: number): number {
  for (const boundary of boundaries(text)) if (boundary > cursor) return boundary;
  return text.length;
}

const wordCharacter = /[\p{L}\p{N}_]/u;
const isWord = (text: string, at: number) => wordCharacter.test(text.charAt(at));
const isSpace = (text: string, at: number) => /\s/.test(text.charAt(at));

/** Start of the word before the cursor (letters and digits; Alt-B, Ctrl-←). */
function wordStart(text: string, cursor: number, inWord = isWord): number {
  let at = cursor;
  while (at > 0 && !inWord(text, at - 1)) at--;
  while (at > 0 && inWord(text, at - 1)) at--;
  return at;
}

/** End of the word after the cursor (Alt-F, Ctrl-→). */
function wordEnd(text: string, cursor: number): number {
  let at = cursor;
  while (at < text.length && !isWord(text, at)) at++;
  while (at < text.length && isWord(text, at)) at++;
  return at;
}

/** A line holding `text` with the cursor at its end. */
export function lineOf(text: string, options: {selected?: boolean} = {}): LineEdit {
  return {draft: text, cursor: text.length, selected: (options.selected ?? false) && text !== ''};
}

/** Pasted text as one line: line breaks and tabs become spaces, other controls go. */
export function pastedLine(text: string): string {
  return typedText(text.replace(/\r\n|[\r\n\t\v\f]/g, ' '));
}

function insert(line: LineEdit, raw: string): LineEdit {
  const text = typedText(raw);
  if (text === '') return line;
  if (line.selected) return {draft: text, cursor: text.length, selected: false};
  const before = line.draft.slice(0, line.cursor);
  return {
    draft: before + text + line.draft.slice(line.cursor),
    cursor: line.cursor + text.length,
    selected: false,
  };
}

function move(line: LineEdit, to: EditMove): LineEdit {
  const {draft: text, cursor} = line;
  if (line.selected) {
    // The selection collapses to the side the key points at; the text stays.
    const start = to === 'left' || to === 'home' || to === 'word-left';
    return {draft: text, cursor: start ? 0 : text.length, selected: false};
  }
  const targets: Record<EditMove, () => number> = {
    left: () => previousBoundary(text, cursor),
    right: () => nextBoundary(text, cursor),
    home: () => 0,
    end: () => text.length,
    'word-left': () => wordStart(text, cursor),
    'word-right': () => wordEnd(text, cursor),
  };
  return {draft: text, cursor: targets[to](), selected: false};
}

function kill(line: LineEdit, what: EditKill): LineEdit {
  if (line.selected) return {draft: '', cursor: 0, selected: false};
  const {draft: text, cursor} = line;
  const ranges: Record<EditKill, () => readonly [number, number]> = {
    before: () => [previousBoundary(text, cursor), cursor],
    after: () => [cursor, nextBoundary(text, cursor)],
    'to-start': () => [0, cursor],
    'to-end': () => [cursor, text.length],
    // Ctrl-W deletes back to the previous whitespace, as in a shell.
    'word-before': () => [wordStart(text, cursor, (value, at) => !isSpace(value, at)), cursor],
    'word-after': () => [cursor, wordEnd(text, cursor)],
  };
  const [from, to] = ranges[what]();
  return {draft: text.slice(0, from) + text.slice(to), cursor: from, selected: false};
}

function browse(line: LineEdit, delta: -1 | 1, history: readonly string[]): LineEdit {
  if (history.length === 0) return line;
  const draft = line.browse?.draft ?? line.draft;
  const index = (line.browse?.index ?? history.length) + delta;
  if (index < 0) return line;
  if (index >= history.length) return line.browse ? lineOf(draft) : line;
  return {...lineOf(history[index] ?? ''), browse: {index, draft}};
}

/** The line after one edit; `history` is the input's earlier entries, oldest first. */
export function applyEdit(line: LineEdit, op: EditOp, history: readonly string[] = []): LineEdit {
  switch (op.type) {
    case 'insert':
      return insert(line, op.text);
    case 'move':
      return move(line, op.to);
    case 'delete':
      return kill(line, op.what);
    case 'history':
      return browse(line, op.delta, history);
  }
}

/** `history` with `entry` appended: never empty, never the same as the last, at most `limit`. */
export function remember(
  history: readonly string[],
  entry: string,
  limit = HISTORY_LIMIT,
): readonly string[] {
  if (entry.trim() === '' || history.at(-1) === entry) return history;
  return [...history, entry].slice(-limit);
}

/** The line split around its cursor for drawing: the cell under the cursor is `at` (" " at the end). */
export function cursorParts(line: LineEdit): {before: string; at: string; after: string} {
  const end = nextBoundary(line.draft, line.cursor);
  const at = line.draft.slice(line.cursor, end);
  return {
    before: line.draft.slice(0, line.cursor),
    at: at === '' ? ' ' : at,
    after: line.draft.slice(end),
  };
}
