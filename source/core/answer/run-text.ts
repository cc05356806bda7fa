import {patch} from './patch.js';
import type {RunFold} from './run-fold.js';
import {markStreaming} from './run-status.js';
import type {ThinkSplit} from './think-tags.js';
import {measureText} from './token-estimate.js';

/** The answer and reasoning text of a run, with their character and token tallies. */

function noteOutput(fold: RunFold, at: number): void {
  fold.scratch.firstOutputAt ??= at;
  fold.scratch.lastOutputAt = at;
}

function addSplit(fold: RunFold, split: ThinkSplit, at: number): void {
  const {run, scratch} = fold;
  if (split.answer.length > 0) {
    const measure = measureText(split.answer);
    run.text += split.answer;
    run.metrics = patch(run.metrics, {
      answerChars: run.metrics.answerChars + measure.chars,
      firstAnswerAt: run.metrics.firstAnswerAt ?? at,
    });
    scratch.answerTokenUnits += measure.tokenUnits;
  }
  if (split.reasoning.length > 0) {
    const measure = measureText(split.reasoning);
    scratch.inlineReasoning += split.reasoning;
    scratch.inlineReasoningChars += measure.chars;
    scratch.inlineReasoningUnits += measure.tokenUnits;
    composeReasoning(fold);
  }
}

function composeReasoning(fold: RunFold): void {
  const {separateReasoning, inlineReasoning} = fold.scratch;
  fold.run.reasoning =
    separateReasoning.length > 0 && inlineReasoning.length > 0
      ? `${separateReasoning}\n\n${inlineReasoning}`
      : separateReasoning + inlineReasoning;
}

/** Appends streamed answer text; inline <think> parts go to the reasoning. */
export function appendAnswer(fold: RunFold, text: string, at: number): void {
  if (text.length === 0) return;
  markStreaming(fold);
  fold.run.metrics = patch(fold.run.metrics, {chunkCount: fold.run.metrics.chunkCount + 1});
  noteOutput(fold, at);
  addSplit(fold, fold.scratch.splitter.push(text), at);
}

/** Replaces the whole answer (message_replace, text_replace, a closing full message); later chunks append. */
export function replaceAnswer(fold: RunFold, text: string, at: number): void {
  const {run, scratch} = fold;
  const previous = run.text;
  markStreaming(fold);
  scratch.splitter.reset();
  scratch.inlineReasoning = '';
  scratch.inlineReasoningChars = 0;
  scratch.inlineReasoningUnits = 0;
  scratch.answerTokenUnits = 0;
  run.text = '';
  run.metrics = patch(run.metrics, {answerChars: 0});
  composeReasoning(fold);
  if (text.length > 0) {
    run.metrics = patch(run.metrics, {chunkCount: run.metrics.chunkCount + 1});
    noteOutput(fold, at);
    addSplit(fold, scratch.splitter.push(text), at);
  }
  // A replacement that only extends the text (New Agent's closing message) is no rewrite.
  if (!run.text.startsWith(previous)) run.textRevision++;
}

/**
 * Appends reasoning sent apart from the answer. `source` tells reasoning
 * streams apart (a Dify node id): a new source starts a new paragraph.
 */
export function appendReasoning(fold: RunFold, text: string, at: number, source?: string): void {
  if (text.length === 0) return;
  const {scratch} = fold;
  markStreaming(fold);
  noteOutput(fold, at);
  let piece = text;
  if (source !== scratch.lastReasoningSource) {
    if (scratch.separateReasoning.length > 0 && source !== undefined) piece = `\n\n${text}`;
    scratch.lastReasoningSource = source;
  }
  const measure = measureText(piece);
  scratch.separateReasoning += piece;
  scratch.separateReasoningChars += measure.chars;
  scratch.separateReasoningUnits += measure.tokenUnits;
  composeReasoning(fold);
}

/** Releases text held back for a possible split <think> tag. */
export function flushAnswer(fold: RunFold, at: number): void {
  addSplit(fold, fold.scratch.splitter.flush(), at);
}
