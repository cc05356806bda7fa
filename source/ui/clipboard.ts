/** Longest text sent: terminals drop OSC 52 payloads much larger than this. */
export const MAX_CLIPBOARD_BYTES = 64 * 1024;

/**
 * OSC 52 "set clipboard" for `text` (base64, so nothing in it reaches the
 * terminal as a control). Terminals and tmux (set-clipboard on) honor it,
 * also over SSH. Undefined when the text is too long.
 */
export function osc52(text: string): string | undefined {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.byteLength > MAX_CLIPBOARD_BYTES) return undefined;
  return `\u001B]52;c;${bytes.toString('base64')}\u0007`;
}
