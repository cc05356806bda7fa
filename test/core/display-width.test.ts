import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {displayWidth, narrowText, truncateToWidth} from '../../source/core/display-text.js';

/** Every code point the fast path accepts, from the class itself. */
function fastPathCodePoints(): number[] {
  const points: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (narrowText.test(String.fromCharCode(code))) points.push(code);
  }
  return points;
}

describe('displayWidth fast path', () => {
  it('accepts only code points string-width measures as one column', () => {
    const points = fastPathCodePoints();
    expect(points.length).toBeGreaterThan(500);
    const wrong = points.filter((code) => stringWidth(String.fromCharCode(code)) !== 1);
    expect(wrong.map((code) => code.toString(16))).toEqual([]);
  });

  it('leaves zero-width, combining, wide and emoji text to string-width', () => {
    for (const text of ['e\u0301', 'a\u200bb', '漢字', '◽', '↔\ufe0f', '\u00ad', 'x\u2028y']) {
      expect(narrowText.test(text)).toBe(false);
      expect(displayWidth(text)).toBe(stringWidth(text));
    }
  });

  it('measures and truncates the rows panes draw like string-width', () => {
    const rows = ['━ 1 s0  OPEN  ━━━━', '  12 ev · 3.0/s · 1 KB', 'tick {"n":1}…', '← → ⏎ “q”'];
    for (const row of rows) {
      expect(displayWidth(row)).toBe(stringWidth(row));
      const cut = truncateToWidth(row, 8);
      expect(stringWidth(cut)).toBeLessThanOrEqual(8);
      expect(cut.endsWith('…')).toBe(stringWidth(row) > 8);
    }
  });
});
