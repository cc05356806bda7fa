/**
 * Bytes in, WHATWG server-sent events out, for one connection: streaming
 * UTF-8 decoding (one leading BOM stripped), line splitting that treats a CR
 * as a line end right away (so a CR at the very end of the stream still ends
 * a line), a bounded pending line and event, the persistent last event ID
 * (also set by blocks that have only an `id` line), keep-alives (comments and
 * data-less `event:` blocks), and dropping an incomplete event at end of
 * stream.
 *
 * It parses the four fields itself instead of calling eventsource-parser:
 * the library splits lines too, but does not report id-only blocks or let a
 * trailing CR end a line, so this file had to split lines anyway and fed the
 * parser one line at a time (a string concatenation and a second scan per
 * line). Field parsing is the small part of the spec left after that; doing
 * it in the same pass more than doubles throughput on small events.
 */

import {copyString} from './copy-string.js';

export type SseEvent = {
  readonly type: string;
  /** May share memory with the body chunk it came in: copy it (copyString) to keep it long. */
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
const COLON = 58;
const D = 100;
const E = 101;
const I = 105;
const R = 114;

export function createSseDecoder(
  handlers: SseDecoderHandlers,
  options: SseDecoderOptions,
): SseDecoder {
  const {maxBufferSize} = options;
  const {onEvent, onRetry, onKeepAlive} = handlers;
  const textDecoder = new TextDecoder('utf-8');
  let lastEventId = options.lastEventId ?? '';
  let pending = '';
  let afterCR = false;
  // The block being read: its id (undefined: none yet), type and data lines.
  let blockId: string | undefined;
  let blockType = '';
  let lastType = '';
  let data = '';
  let dataLines = 0;

  /** Dispatch point (a blank line). */
  function dispatch(): void {
    // An id-only block still sets the last event ID.
    if (blockId !== undefined) lastEventId = blockId;
    if (dataLines > 0) {
      // `data` may be a slice of the chunk's text: a consumer that keeps it
      // for long copies it (the store does, for the entries it still holds).
      onEvent({type: blockType === '' ? 'message' : blockType, data, lastEventId});
    } else if (blockType !== '') onKeepAlive?.(blockType);
    blockId = undefined;
    blockType = '';
    data = '';
    dataLines = 0;
  }

  /** One complete line, `text.slice(start, end)`, not empty. */
  function handleLine(text: string, start: number, end: number): void {
    switch (text.charCodeAt(start)) {
      case COLON:
        onKeepAlive?.('comment');
        return;
      case D: {
        const value = fieldValue(text, start, end, 'data');
        if (value === undefined) return;
        data = dataLines === 0 ? value : data + '\n' + value;
        dataLines++;
        if (data.length > maxBufferSize)
          throw new SseBufferOverflowError('An event', maxBufferSize);
        return;
      }
      case E: {
        const value = fieldValue(text, start, end, 'event');
        // Streams repeat a few types: keep the copy made for the previous one.
        if (value !== undefined)
          blockType = value === lastType ? lastType : (lastType = copyString(value));
        return;
      }
      case I: {
        const value = fieldValue(text, start, end, 'id');
        if (value !== undefined && !value.includes('\0')) blockId = copyString(value);
        return;
      }
      case R: {
        const value = fieldValue(text, start, end, 'retry');
        if (value !== undefined && ASCII_DIGITS.test(value)) onRetry(parseInt(value, 10));
        return;
      }
    }
    // Unknown fields are ignored, as the spec says.
  }

  function pushText(text: string): void {
    let start = 0;
    if (afterCR && text.charCodeAt(0) === LF) start = 1;
    afterCR = false;
    const length = text.length;
    let nextLF = text.indexOf('\n', start);
    let nextCR = text.indexOf('\r', start);
    while (nextLF !== -1 || nextCR !== -1) {
      const end = nextCR === -1 || (nextLF !== -1 && nextLF < nextCR) ? nextLF : nextCR;
      if (pending.length === 0) {
        if (end === start) dispatch();
        else handleLine(text, start, end);
      } else {
        const line = pending + text.slice(start, end);
        pending = '';
        handleLine(line, 0, line.length);
      }
      start = end + 1;
      if (text.charCodeAt(end) === CR) {
        if (start === length) afterCR = true;
        else if (text.charCodeAt(start) === LF) start++;
      }
      if (nextLF !== -1 && nextLF < start) nextLF = text.indexOf('\n', start);
      if (nextCR !== -1 && nextCR < start) nextCR = text.indexOf('\r', start);
    }
    if (start < length) {
      if (pending.length + length - start > maxBufferSize) {
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
      blockType = '';
      data = '';
      dataLines = 0;
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}

const ASCII_DIGITS = /^[0-9]+$/;

/**
 * The value of `field` on the line `text.slice(start, end)` (one space after
 * the colon stripped), or undefined when the line has another field. A line
 * end is never a letter, so the prefix test cannot run past `end`.
 */
function fieldValue(text: string, start: number, end: number, field: string): string | undefined {
  const colon = start + field.length;
  if (colon > end || !text.startsWith(field, start)) return undefined;
  if (colon === end) return '';
  if (text.charCodeAt(colon) !== COLON) return undefined;
  const valueStart =
    text.charCodeAt(colon + 1) === SPACE && colon + 1 < end ? colon + 2 : colon + 1;
  return text.slice(valueStart, end);
}
