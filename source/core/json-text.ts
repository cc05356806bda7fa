/*
 * Characters JSON.stringify leaves raw that a terminal may act on or that
 * make text read differently than it is: DEL, C1 controls (U+009B is a
 * one-character CSI, U+009D an OSC), bidi controls, the line and paragraph
 * separators and zero-width characters. Built from code points so the
 * source stays free of them.
 */
const jsonUnsafeClass = [
  '\\u007f-\\u009f',
  '\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060\\u2066-\\u2069\\ufeff',
].join('');
const jsonUnsafe = new RegExp(`[${jsonUnsafeClass}]`);
const jsonUnsafeGlobal = new RegExp(`[${jsonUnsafeClass}]`, 'g');

const jsonEscape = (character: string): string =>
  `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Escapes those characters in JSON text as `\uXXXX`. In the output of
 * JSON.stringify they can only occur inside string literals, so the result is
 * valid JSON that parses back to the same strings. Tested before replacing:
 * this runs once per record.
 */
export function escapeJsonText(json: string): string {
  return jsonUnsafe.test(json) ? json.replace(jsonUnsafeGlobal, jsonEscape) : json;
}

/** True when `text` holds none of the characters escapeJsonText escapes. */
export const isJsonSafe = (text: string): boolean => !jsonUnsafe.test(text);

/*
 * What JSON.stringify changes in a string: quote, backslash, C0 controls and
 * lone surrogates (any surrogate here, which keeps the test one class).
 */
const jsonSpecialClass = '"\\\\\\u0000-\\u001f\\ud800-\\udfff';
const jsonSpecialOrUnsafe = new RegExp(`[${jsonSpecialClass}${jsonUnsafeClass}]`);

/**
 * `escapeJsonText(JSON.stringify(text))`, cheaper: text with nothing to
 * escape is only quoted, and the scan for unsafe characters runs over the
 * text itself (JSON.stringify leaves them as they are) rather than over a
 * fresh JSON string.
 */
export function jsonStringText(text: string): string {
  if (!jsonSpecialOrUnsafe.test(text)) return `"${text}"`;
  const json = JSON.stringify(text);
  return jsonUnsafe.test(text) ? json.replace(jsonUnsafeGlobal, jsonEscape) : json;
}
