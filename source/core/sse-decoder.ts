import {createParser, type EventSourceParser} from 'eventsource-parser';

/**
 * Bytes in, WHATWG server-sent events out, for one connection.
 *
 * eventsource-parser 3.x parses the fields; this wrapper does what it leaves
 * to the caller: streaming UTF-8 decoding (one leading BOM stripped), line
 * splitting that treats a CR as a line end right away (so a CR at the very end
 * of the stream still ends a line), a bounded pending line, the persistent
 * last event ID (also set by blocks that have only an `id` line, which the
 * parser does not report), and dropping an incomplete event at end of stream.
 * Complete lines are fed to the parser one at a time so its dispatches and our
 * id bookkeeping stay in step.
 */

export type SseEvent = {
  readonly type: string;
  readonly data: string;
  /** The stream's last event ID once this event is dispatched. */
  readonly lastEventId: string;
};

export type SseDecoderHandlers = {
  readonly onEvent: (event: SseEvent) => void;
  readonly onRetry: (milliseconds: number) => void;
  /** A comment line ("comment") or a data-less `event:` block (its name, e.g. "ping"). */
  readonly onKeepAlive?: (kind: string) => void;
};

export type SseDecoderOptions = {
  /** Longest line, and longest event data, in characters. */
  readonly maxBufferSize: number;
  /** The last event ID carried over from earlier connections. */
  readonly lastEventId?: string;
};

export type SseDecoder = {
  push(chunk: Uint8Array): void;
  /** The body ended: flush the decoder, drop any incomplete event. */
  end(): void;
  readonly lastEventId: string;
};

export class SseBufferOverflowError extends Error {
  constructor(what: string, limit: number) {
    super(`${what} longer than the ${formatChars(limit)} buffer limit (maxBufferSize)`);
    this.name = 'SseBufferOverflowError';
  }
}

function formatChars(count: number): string {
  const mebi = 1024 * 1024;
  return count >= mebi && count % mebi === 0 ? `${count / mebi} MiB` : `${count}-character`;
}

const LF = 10;
const CR = 13;
const SPACE = 32;

export function createSseDecoder(
  handlers: SseDecoderHandlers,
  options: SseDecoderOptions,
): SseDecoder {
  const {maxBufferSize} = options;
  const textDecoder = new TextDecoder('utf-8');
  let lastEventId = options.lastEventId ?? '';
  let pending = '';
  let afterCR = false;
  let blockId: string | undefined;
  let blockType: string | undefined;
  let blockHasData = false;
  let overflowed = false;

  const parser: EventSourceParser = createParser({
    maxBufferSize,
    onEvent(event) {
      if (event.id !== undefined) lastEventId = event.id;
      handlers.onEvent({type: event.event ?? 'message', data: event.data, lastEventId});
    },
    onRetry: (milliseconds) => handlers.onRetry(milliseconds),
    onError(error) {
      // Unknown fields and non-numeric retry values are ignored, as the spec says.
      if (error.type === 'max-buffer-size-exceeded') overflowed = true;
    },
  });

  function handleLine(line: string): void {
    if (line.length === 0) {
      // Dispatch point: an id-only block still sets the last event ID.
      if (blockId !== undefined) lastEventId = blockId;
      if (!blockHasData && blockType) handlers.onKeepAlive?.(blockType);
      blockId = undefined;
      blockType = undefined;
      blockHasData = false;
      parser.feed('\n');
      if (overflowed) throw new SseBufferOverflowError('An event', maxBufferSize);
      return;
    }
    switch (line.charCodeAt(0)) {
      case 58: // ":" comment
        handlers.onKeepAlive?.('comment');
        break;
      case 100: // "d"
        if (fieldValue(line, 'data') !== undefined) blockHasData = true;
        break;
      case 101: // "e"
        blockType = fieldValue(line, 'event') ?? blockType;
        break;
      case 105: {
        // "i"
        const value = fieldValue(line, 'id');
        if (value !== undefined && !value.includes('\0')) blockId = value;
        break;
      }
    }
    parser.feed(line + '\n');
    if (overflowed) throw new SseBufferOverflowError('An event', maxBufferSize);
  }

  function pushText(text: string): void {
    let start = 0;
    if (afterCR && text.charCodeAt(0) === LF) start = 1;
    afterCR = false;
    let nextLF = text.indexOf('\n', start);
    let nextCR = text.indexOf('\r', start);
    while (nextLF !== -1 || nextCR !== -1) {
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR;
      const piece = text.slice(start, end);
      const line = pending.length === 0 ? piece : pending + piece;
      pending = '';
      start = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (start === text.length) afterCR = true;
        else if (text.charCodeAt(start) === LF) start++;
      }
      handleLine(line);
      if (nextLF !== -1 && nextLF < start) nextLF = text.indexOf('\n', start);
      if (nextCR !== -1 && nextCR < start) nextCR = text.indexOf('\r', start);
    }
    if (start < text.length) {
      if (pending.length + text.length - start > maxBufferSize) {
        pending = '';
        throw new SseBufferOverflowError('A line', maxBufferSize);
      }
      pending += text.slice(start);
    }
  }

  return {
    push(chunk) {
      const text = textDecoder.decode(chunk, {stream: true});
      if (text.length > 0) pushText(text);
    },
    end() {
      const rest = textDecoder.decode();
      if (rest.length > 0) pushText(rest);
      pending = '';
      blockId = undefined;
      blockType = undefined;
      blockHasData = false;
      parser.reset();
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}

/** The value of `field` on this line, or undefined when the line has another field. */
function fieldValue(line: string, field: string): string | undefined {
  if (line.length === field.length) return line === field ? '' : undefined;
  if (line.charCodeAt(field.length) !== 58 || !line.startsWith(field)) return undefined;
  const start = line.charCodeAt(field.length + 1) === SPACE ? field.length + 2 : field.length + 1;
  return line.slice(start);
}
