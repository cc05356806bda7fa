import {displayWidth, ELLIPSIS} from '../core/display-text.js';
import {sanitize} from '../core/sanitize.js';
import {tailToWidth} from './answer/layout-text.js';
import type {Segment} from './line.js';
import {cursorParts, type LineEdit} from './state/line-editor.js';

/**
 * A text input as drawn: the text before the cursor (its tail, when the line
 * is longer than the room), the cell under the cursor, drawn inverse (the
 * whole text when it is selected), and the text after it. Sanitized.
 */
export type InputView = {
  readonly before: string;
  readonly at: string;
  readonly after: string;
};

/** `ellipsis` (…) marks text cut off at the start. */
export function inputView(line: LineEdit, room: number, ellipsis = ELLIPSIS): InputView {
  if (line.selected) {
    return {before: '', at: tailToWidth(sanitize(line.draft), room, ellipsis), after: ''};
  }
  const parts = cursorParts(line);
  const at = sanitize(parts.at);
  return {
    before: tailToWidth(sanitize(parts.before), Math.max(1, room - displayWidth(at)), ellipsis),
    at,
    after: sanitize(parts.after),
  };
}

/** The input's segments in `style`, the cursor cell inverse. */
export function inputSegments(view: InputView, style: Omit<Segment, 'text'> = {}): Segment[] {
  return [
    {...style, text: view.before},
    {...style, text: view.at, inverse: true},
    {...style, text: view.after},
  ];
}
