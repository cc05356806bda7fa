import {answerErrorText} from '../../core/answer/index.js';
import type {AnswerRun, AnswerSnapshot} from '../../core/answer/index.js';
import {
  displayText,
  oneLine,
  trimBlankRows,
  wrapParagraphs,
  type TextWrapper,
} from './wrap-text.js';
import {localizeMarks, unicodeGlyphs, type Glyphs} from '../theme.js';

/**
 * The answer view's transcript as rows: each earlier run of the pane (its
 * question, dimmed, then its answer and how it ended), then the current run.
 * Every row is sanitized and at most `width` columns wide.
 */

export type AnswerTone =
  'query' | 'answer' | 'reasoning' | 'error' | 'note' | 'status' | 'warn' | 'input';

export type AnswerRow = {
  readonly text: string;
  readonly tone: AnswerTone;
  /** Dimmed text after `text` (the input line's key hints). */
  readonly hint?: string;
  /** The input line's cursor cell (drawn inverse) and the text after it. */
  readonly cursor?: {readonly at: string; readonly after: string};
};

export type TranscriptOptions = {
  /** Columns for text (the pane width minus the margins). */
  readonly width: number;
  /** Show each run's reasoning (thinking) text, dimmed. */
  readonly reasoning: boolean;
  /** The theme's symbols (default Unicode). */
  readonly glyphs?: Glyphs;
};

/** Wrappers that keep the current run's finished paragraphs between renders. */
export type RunWrappers = {readonly text: TextWrapper; readonly reasoning: TextWrapper};

const freshWrappers: RunWrappers = {text: wrapParagraphs, reasoning: wrapParagraphs};

function rowsOf(texts: readonly string[], tone: AnswerTone): AnswerRow[] {
  return texts.map((text) => ({text, tone}));
}

/** How a finished run ended, when not plainly done: one short note. */
function endNote(run: AnswerRun): string | undefined {
  switch (run.status) {
    case 'done':
    case 'error':
    case 'waiting':
    case 'streaming':
      return undefined;
    case 'stopped':
      return 'stopped';
    case 'paused':
    case 'incomplete':
      return oneLine(run.statusReason || run.status);
  }
}

/** The rows of one run; `current` runs leave their error and status to the pinned rows. */
export function runRows(
  run: AnswerRun,
  options: TranscriptOptions,
  current: boolean,
  wrappers: RunWrappers = freshWrappers,
): AnswerRow[] {
  const {width, glyphs = unicodeGlyphs} = options;
  const rows: AnswerRow[] = [];
  if (run.query !== undefined) {
    rows.push(...rowsOf(wrapParagraphs(`${glyphs.prompt} ${oneLine(run.query)}`, width), 'query'));
  }
  if (options.reasoning && run.reasoning.trim() !== '') {
    rows.push(
      ...rowsOf(trimBlankRows(wrappers.reasoning(displayText(run.reasoning), width)), 'reasoning'),
    );
  }
  const text = trimBlankRows(wrappers.text(displayText(run.text), width));
  rows.push(...rowsOf(text, 'answer'));
  if (current) {
    if (text.length === 0 && (run.status === 'waiting' || run.status === 'streaming')) {
      rows.push({text: `waiting for the answer${glyphs.ellipsis}`, tone: 'note'});
    }
    return rows;
  }
  if (run.error !== undefined) {
    const error = localizeMarks(answerErrorText(run.error), glyphs);
    rows.push(...rowsOf(wrapParagraphs(error, width), 'error'));
  } else {
    const note = endNote(run);
    if (note !== undefined) rows.push({text: `(${note})`, tone: 'warn'});
  }
  return rows;
}

const historyCache = new WeakMap<AnswerRun, {key: string; rows: AnswerRow[]}>();

function historyRows(run: AnswerRun, options: TranscriptOptions): AnswerRow[] {
  const key = `${options.width}:${options.reasoning}:${options.glyphs?.prompt ?? ''}`;
  const cached = historyCache.get(run);
  if (cached?.key === key) return cached.rows;
  const rows = runRows(run, options, false);
  historyCache.set(run, {key, rows});
  return rows;
}

const BLANK: AnswerRow = {text: '', tone: 'answer'};

/** The rule above a run that started a new conversation (`n`), as wide as the text. */
function conversationSeparator(options: TranscriptOptions): AnswerRow {
  const {rule} = options.glyphs ?? unicodeGlyphs;
  const label = ' new conversation ';
  const side = Math.max(2, Math.floor((options.width - label.length) / 2));
  return {
    text: `${rule.repeat(side)}${label}${rule.repeat(side)}`.slice(0, options.width),
    tone: 'note',
  };
}

/**
 * Every earlier run (oldest first), then the current one, a blank row between
 * runs and a rule above each run that started a new conversation.
 */
export function transcriptRows(
  snapshot: AnswerSnapshot,
  options: TranscriptOptions,
  wrappers?: RunWrappers,
): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const separate = (run: AnswerRun): void => {
    if (run.newConversation && rows.length > 0) rows.push(conversationSeparator(options), BLANK);
  };
  for (const run of snapshot.history) {
    separate(run);
    rows.push(...historyRows(run, options), BLANK);
  }
  separate(snapshot.current);
  rows.push(...runRows(snapshot.current, options, true, wrappers));
  return rows;
}
