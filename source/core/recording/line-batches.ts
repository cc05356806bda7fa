import {createReadStream} from 'node:fs';

/** Lines of one read chunk; `first` is the 1-based number of `lines[0]`. */
export type LineBatch = {
  readonly lines: readonly string[];
  readonly first: number;
  /** True for the text after the last newline at the end of the file (a line cut short, perhaps). */
  readonly unterminated: boolean;
};

/** Bytes read at a time: the memory a reader holds, plus its longest line. */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * The lines of the file at `path` (from byte `start`, which begins line
 * `firstLine`), a batch per read chunk, decoded as UTF-8 across chunk edges;
 * "\n" or "\r\n" ends a line. Memory stays at about one chunk plus one line,
 * whatever the size of the file. fs errors reject the iteration.
 */
export async function* readLineBatches(
  path: string,
  start = 0,
  firstLine = 1,
  chunkBytes = READ_CHUNK_BYTES,
): AsyncGenerator<LineBatch> {
  const input = createReadStream(path, {encoding: 'utf8', start, highWaterMark: chunkBytes});
  let rest = '';
  let number = firstLine;
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest === '' ? chunk : rest + chunk;
    const lines: string[] = [];
    let from = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', from)) {
      const stop = end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      lines.push(text.slice(from, stop));
      from = end + 1;
    }
    rest = from === 0 ? text : text.slice(from);
    if (lines.length > 0) {
      yield {lines, first: number, unterminated: false};
      number += lines.length;
    }
  }
  if (rest !== '') yield {lines: [rest.replace(/\r$/, '')], first: number, unterminated: true};
}
