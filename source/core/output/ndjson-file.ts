import {createWriteStream, openSync} from 'node:fs';
import {createLineWriter} from './line-writer.js';

/**
 * An NDJSON file written line by line: the one writer of `e`'s exports and
 * of recordings. Lines are batched once per event-loop turn and flushed as
 * they go, so a killed process leaves every line but the last batch.
 */
export type NdjsonFile = {
  /** The file actually opened (an exclusive open may have moved to "-2", "-3"). */
  readonly path: string;
  write(line: string): void;
  /** Hands what is pending to the file now. */
  flush(): void;
  /** A promise while the file's buffer is full. */
  waitForDrain(): Promise<void> | undefined;
  /** Bytes written to the file so far. */
  bytes(): number;
  /** Writes what is pending (waiting at most `timeoutMs` for the disk) and closes the file. */
  close(timeoutMs?: number): Promise<void>;
};

export type NdjsonFileOptions = {
  /** Never replace a file: "name.ndjson" taken opens "name-2.ndjson", and so on. */
  readonly exclusive?: boolean;
  /** A failed write (a full disk) ends the file; without it the error is thrown. */
  readonly onError?: (error: NodeJS.ErrnoException) => void;
};

const MAX_NAME_TRIES = 100;

function openFile(path: string, exclusive: boolean): {fd: number; path: string} {
  if (!exclusive) return {fd: openSync(path, 'w'), path};
  const dot = path.lastIndexOf('.');
  const [stem, extension] =
    dot > path.lastIndexOf('/') ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
  for (let copy = 1; ; copy++) {
    const candidate = copy === 1 ? path : `${stem}-${copy}${extension}`;
    try {
      return {fd: openSync(candidate, 'wx'), path: candidate};
    } catch (error) {
      const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
      if (!exists || copy >= MAX_NAME_TRIES) throw error;
    }
  }
}

/** Opens `path` (truncating it, unless `exclusive`); fs errors are thrown as they are. */
export function openNdjsonFile(path: string, options: NdjsonFileOptions = {}): NdjsonFile {
  const opened = openFile(path, options.exclusive === true);
  const output = createWriteStream(opened.path, {fd: opened.fd});
  let failure: NodeJS.ErrnoException | undefined;
  const writer = createLineWriter(output, {
    onError: (error) => {
      failure = error;
      options.onError?.(error);
    },
  });
  return {
    path: opened.path,
    write: (line) => writer.write(line),
    flush: () => writer.flush(),
    waitForDrain: () => writer.waitForDrain(),
    bytes: () => output.bytesWritten,
    async close(timeoutMs) {
      await writer.end(timeoutMs);
      if (!output.destroyed) {
        await new Promise<void>((resolve) => {
          output.once('error', () => resolve());
          output.end(resolve);
        });
      }
      if (failure && !options.onError) throw failure;
    },
  };
}
