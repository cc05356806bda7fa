import {flushAnswer} from './run-text.js';
import type {RunFold} from './run-fold.js';
import type {TerminalEvent} from './answer-types.js';

/** Terminal events and the end of a run: both release text held back for a split tag. */

export function addTerminalEvent(fold: RunFold, event: TerminalEvent, at: number): void {
  fold.run.terminalEvents = [...fold.run.terminalEvents, event];
  fold.scratch.lastTerminalAt = at;
  flushAnswer(fold, at);
}

export function markEnded(fold: RunFold, at: number): void {
  fold.run.ended = true;
  fold.scratch.endedAt = at;
  flushAnswer(fold, at);
}
