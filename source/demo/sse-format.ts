/** One server-sent event block. Every field is optional; `data` may span lines. */
export type SseFields = {
  readonly comment?: string;
  readonly event?: string;
  readonly id?: string | number;
  readonly retry?: number;
  readonly data?: string;
};

const LINE_BREAK = /\r\n|\r|\n/;

/** Keeps a single-line field on one line: a CR or LF would start a new field. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\0]/g, ' ');
}

/**
 * Formats one event block: `: comment`, `event:`, `id:`, `retry:`, one `data:`
 * line per line of data, then the blank line that dispatches it.
 */
export function formatSseEvent(fields: SseFields): string {
  let out = '';
  if (fields.comment !== undefined) {
    for (const line of fields.comment.split(LINE_BREAK)) out += `: ${line}\n`;
  }
  if (fields.event !== undefined) out += `event: ${oneLine(fields.event)}\n`;
  if (fields.id !== undefined) out += `id: ${oneLine(String(fields.id))}\n`;
  if (fields.retry !== undefined) out += `retry: ${Math.max(0, Math.trunc(fields.retry))}\n`;
  if (fields.data !== undefined) {
    for (const line of fields.data.split(LINE_BREAK)) out += `data: ${line}\n`;
  }
  return `${out}\n`;
}

/**
 * Where to cut `bytes` so a multi-byte UTF-8 character is split in two: just
 * after the lead byte of the first such character, or -1 when all is ASCII.
 */
export function utf8SplitPoint(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] ?? 0;
    if (byte >= 0xc0) return index + 1;
  }
  return -1;
}
