/**
 * Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in
 * ESC[200~ ... ESC[201~. Ink 6.8 has no paste support: its input parser
 * hands each of the two markers over as its own token (they are complete CSI
 * sequences) and the text between as ordinary input, so without this a paste
 * runs as keys. The reader sees Ink's raw tokens in order and collects the
 * ones between the markers into one paste.
 */

export const PASTE_START = '\u001B[200~';
export const PASTE_END = '\u001B[201~';
/** Longest paste kept; the rest is dropped (an input line needs no more). */
export const MAX_PASTE_CHARS = 64 * 1024;

export type PasteStep =
  | {readonly kind: 'key'}
  | {readonly kind: 'pasting'}
  | {readonly kind: 'paste'; readonly text: string};

export type PasteReader = {push(token: string): PasteStep};

export function createPasteReader(maxChars = MAX_PASTE_CHARS): PasteReader {
  let buffer: string | undefined;
  return {
    push(token) {
      if (buffer === undefined) {
        if (token !== PASTE_START) return token === PASTE_END ? {kind: 'pasting'} : {kind: 'key'};
        buffer = '';
        return {kind: 'pasting'};
      }
      if (token === PASTE_END) {
        const text = buffer;
        buffer = undefined;
        return {kind: 'paste', text};
      }
      // Escape sequences inside a paste (pasted terminal output) are not text.
      if (!token.startsWith('\u001B') && buffer.length < maxChars) {
        buffer = (buffer + token).slice(0, maxChars);
      }
      return {kind: 'pasting'};
    },
  };
}
