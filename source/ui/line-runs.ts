import {narrowText} from '../core/display-text.js';
import type {Segment} from './line.js';

const printableAscii = /^[\x20-\x7e]*$/;
const asciiOrNot = /[\x20-\x7e]+|[^\x20-\x7e]+/g;

/**
 * The segments of a line split into runs that Ink measures cheaply apart.
 * Ink measures every text node of every frame with string-width, whose
 * printable-ASCII fast path is about 30 times faster than its grapheme path,
 * and one `…` or `·` sends a whole row down the slow path. So printable-ASCII
 * pieces and the other pieces (rules, separators, ellipses) go into runs of
 * their own, each drawn as one text node. Only lines made entirely of narrow
 * text (displayWidth's fast path: characters that never join into a cluster)
 * are split; any other line is one run, so no cluster is ever cut apart.
 * Styles stay with their text; the order and the text are unchanged.
 */
export function lineRuns(segments: readonly Segment[]): Segment[][] {
  if (!segments.every((segment) => narrowText.test(segment.text))) return [[...segments]];
  const runs: Segment[][] = [];
  let current: Segment[] = [];
  let currentAscii: boolean | undefined;
  const add = (segment: Segment, ascii: boolean) => {
    if (currentAscii !== undefined && ascii !== currentAscii) {
      runs.push(current);
      current = [];
    }
    currentAscii = ascii;
    current.push(segment);
  };
  for (const segment of segments) {
    if (printableAscii.test(segment.text)) {
      add(segment, true);
      continue;
    }
    for (const [piece] of segment.text.matchAll(asciiOrNot)) {
      const text = piece.length === segment.text.length ? segment : {...segment, text: piece};
      add(text, printableAscii.test(piece));
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}
