/**
 * A rough token count for text when the server reports no usage: about one
 * token per CJK character (Han, kana, Hangul, full-width forms) and one per
 * four other characters. Good enough for a tokens-per-second figure that is
 * labelled as estimated.
 */

const wideScript =
  /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3134f}]/u;

const charsPerToken = 4;

export type TextMeasure = {
  /** Code points. */
  readonly chars: number;
  /** Estimated tokens as a fraction; sum measures, then round. */
  readonly tokenUnits: number;
};

export function measureText(text: string): TextMeasure {
  let chars = 0;
  let wide = 0;
  for (const character of text) {
    chars++;
    if (wideScript.test(character)) wide++;
  }
  return {chars, tokenUnits: wide + (chars - wide) / charsPerToken};
}
