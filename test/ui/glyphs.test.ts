import {describe, expect, it} from 'vitest';
import {clipSegments} from '../../source/ui/line.js';
import {asciiGlyphs, localizeMarks, unicodeGlyphs} from '../../source/ui/theme.js';

const text = (segments: readonly {text: string}[]) => segments.map((s) => s.text).join('');

describe('clipSegments', () => {
  it('leaves rows that fit alone', () => {
    expect(text(clipSegments([{text: 'ab'}, {text: 'cd'}], 4))).toBe('abcd');
  });

  it('ends the segment the cut falls in with the ellipsis; a cut on a boundary has none', () => {
    expect(text(clipSegments([{text: 'abcd'}, {text: 'efgh'}], 6))).toBe('abcde…');
    expect(text(clipSegments([{text: 'abcd'}, {text: 'efgh'}], 7, '...'))).toBe('abcd...');
    expect(text(clipSegments([{text: 'abcd'}, {text: 'ef'}], 4))).toBe('abcd');
  });

  it('puts an ASCII ellipsis into the segment before when the last one has no room for it', () => {
    // "22 ev | 4/s | id 7" at 13 columns: 2 columns of " | " are left, "..." needs 3.
    const counters = [{text: '22 ev'}, {text: ' | '}, {text: '4/s'}, {text: ' | '}, {text: 'id 7'}];
    expect(text(clipSegments(counters, 13, '...'))).toBe('22 ev | 4/...');
    // The segment before is too short to keep any text: the row is just cut (a cursor cell stays).
    const input = [{text: '> abc'}, {text: ' '}, {text: '  Enter send'}];
    expect(text(clipSegments(input, 7, '...'))).toBe('> abc  ');
  });

  it('keeps the style of the segment the cut ends in', () => {
    const clipped = clipSegments(
      [{text: 'plain '}, {text: 'colored text', color: 'red'}],
      10,
      '...',
    );
    expect(clipped).toEqual([{text: 'plain '}, {text: 'c...', color: 'red'}]);
  });

  it('narrower than the ellipsis, the row is just cut', () => {
    expect(text(clipSegments([{text: 'abcdef'}], 2, '...'))).toBe('ab');
  });
});

describe('localizeMarks', () => {
  it("replaces core's Unicode marks in ASCII mode and leaves other text alone", () => {
    const line = 'failed: HTTP 401: {"a":"b…"} · 3 events⏎中文';
    expect(localizeMarks(line, unicodeGlyphs)).toBe(line);
    expect(localizeMarks(line, asciiGlyphs)).toBe(
      'failed: HTTP 401: {"a":"b..."} | 3 events\\n中文',
    );
  });
});
