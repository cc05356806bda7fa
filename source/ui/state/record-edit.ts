/** Small immutable edits the UI reducers share: per-pane records and typed text. */

// Typed or pasted text never carries control characters.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f]/g;

/** A copy of `record` without `key`. */
export function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = {...record};
  delete copy[key];
  return copy;
}

/** Typed or pasted text without control characters. */
export function typedText(text: string): string {
  return text.replace(controls, '');
}

/** `text` without its last character (a whole code point). */
export function dropLastCharacter(text: string): string {
  return Array.from(text).slice(0, -1).join('');
}
