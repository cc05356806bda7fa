/**
 * A small, independent SSE reader for the demo tests: it keeps every block
 * (also data-less ones like Dify's `event: ping`), the raw byte chunks, and
 * what happened at the end (clean end, error, or a trailing partial block).
 */
export type SseBlock = {
  event?: string;
  data?: string;
  id?: string;
  retry?: number;
  comments: string[];
};

export type SseRead = {
  blocks: SseBlock[];
  /** Blocks a browser would dispatch (those with data). */
  events: SseBlock[];
  /** Text after the last blank line (an unfinished block). */
  trailing: string;
  chunks: Uint8Array[];
  /** Set when the body ended with an error (e.g. a destroyed connection). */
  error?: unknown;
};

export type ReadOptions = {
  /** Called for every block; return true to stop reading (the body is cancelled). */
  onBlock?: (
    block: SseBlock,
    blocks: readonly SseBlock[],
  ) => boolean | void | Promise<boolean | void>;
};

function parseBlock(lines: readonly string[]): SseBlock {
  const block: SseBlock = {comments: []};
  const data: string[] = [];
  for (const line of lines) {
    if (line.startsWith(':')) {
      block.comments.push(line.slice(1).replace(/^ /, ''));
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') block.event = value;
    else if (field === 'id') block.id = value;
    else if (field === 'retry') block.retry = Number(value);
  }
  if (data.length > 0) block.data = data.join('\n');
  return block;
}

export async function readSse(response: Response, options: ReadOptions = {}): Promise<SseRead> {
  const result: SseRead = {blocks: [], events: [], trailing: '', chunks: []};
  const body = response.body;
  if (body === null) return result;
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let lines: string[] = [];
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      result.chunks.push(value);
      text += decoder.decode(value, {stream: true});
      let newline: number;
      while ((newline = text.search(/\r\n|\r|\n/)) >= 0) {
        const line = text.slice(0, newline);
        text = text.slice(newline + (text.startsWith('\r\n', newline) ? 2 : 1));
        if (line !== '') {
          lines.push(line);
          continue;
        }
        const block = parseBlock(lines);
        lines = [];
        result.blocks.push(block);
        if (block.data !== undefined) result.events.push(block);
        if ((await options.onBlock?.(block, result.blocks)) === true) {
          await reader.cancel();
          return result;
        }
      }
    }
    text += decoder.decode();
  } catch (error) {
    result.error = error;
  }
  result.trailing = [...lines, text].filter((part) => part !== '').join('\n');
  return result;
}

/** True when `chunk` ends inside a multi-byte UTF-8 character. */
export function endsMidCharacter(chunk: Uint8Array): boolean {
  for (let back = 1; back <= Math.min(4, chunk.length); back++) {
    const byte = chunk[chunk.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (byte < 0xc0) return false;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return back < needed;
  }
  return false;
}

/** JSON of every data event (skips Dify pings and `[DONE]`). */
export function jsonEvents(read: SseRead): Record<string, unknown>[] {
  return read.events
    .filter((block) => block.data !== '[DONE]')
    .map((block) => JSON.parse(block.data ?? '') as Record<string, unknown>);
}
