/**
 * The one sanitizer for every string a server sends before it reaches a
 * terminal. Control characters are shown as visible escapes and never written
 * raw, so no escape sequence from a server can run: without its ESC (or C1
 * introducer) a CSI, OSC (OSC 52 clipboard, OSC 8 links), DCS, APC or PM is
 * plain printable text, e.g. ESC [ 2 J is shown as `\x1b[2J`.
 *
 * Escaped: C0 controls (U+0000-U+001F), DEL, C1 controls (U+0080-U+009F, where
 * U+009B is a one-character CSI), and the invisible bidirectional and line
 * separator characters that can make text read differently than it is, and
 * the zero-width characters (U+200B-U+200D, U+2060, U+FEFF) whose width
 * terminals disagree on, so the width of every drawn row is exact.
 */

// Built from code points so the source stays free of raw control characters.
const controlClass = (keepNewlines: boolean): string =>
  [
    keepNewlines ? '\\u0000-\\u0009\\u000b-\\u001f' : '\\u0000-\\u001f',
    '\\u007f-\\u009f',
    '\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069',
    // Zero-width characters: terminals disagree on their width, so a row's width would be a guess.
    '\\u200b-\\u200d\\u2060\\ufeff',
  ].join('');

const unsafeAll = new RegExp(`[${controlClass(false)}]`);
const unsafeAllGlobal = new RegExp(`[${controlClass(false)}]`, 'g');
const unsafeKeepNewlines = new RegExp(`[${controlClass(true)}]`);
const unsafeKeepNewlinesGlobal = new RegExp(`[${controlClass(true)}]`, 'g');

const named: Readonly<Record<string, string>> = {'\t': '\\t', '\n': '\\n', '\r': '\\r'};

/** The visible escape of one unsafe character: `\x1b`, `\x9b`, `\t`, `\u202e`. */
export function escapeCharacter(character: string): string {
  const known = named[character];
  if (known !== undefined) return known;
  const code = character.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

export type SanitizeOptions = {
  /** Keep "\n" as a line break (multi-line views); every other control is still escaped. */
  readonly keepNewlines?: boolean;
};

/** Returns `text` with every unsafe character replaced by its visible escape. */
export function sanitize(text: string, options: SanitizeOptions = {}): string {
  const keep = options.keepNewlines === true;
  if (!(keep ? unsafeKeepNewlines : unsafeAll).test(text)) return text;
  return text.replace(keep ? unsafeKeepNewlinesGlobal : unsafeAllGlobal, escapeCharacter);
}

/** True when `text` could be written to a terminal as is. */
export function isTerminalSafe(text: string): boolean {
  return !unsafeAll.test(text);
}
