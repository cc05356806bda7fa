import {createWriteStream, openSync} from 'node:fs';
import {
  headerLine,
  RECORDING_FORMAT,
  recordingLine,
  type RecordedStream,
} from '../core/recording/format.js';
import type {Redactor} from '../core/redact.js';
import type {StreamController} from '../core/stream-controller.js';
import {VERSION} from '../core/version.js';
import {createLineWriter} from './line-writer.js';

/** Writes a recording (core/recording/format.ts) of the streams it is attached to. */
export type Recorder = {
  /** Subscribes to the streams; call before they start. */
  attach(streams: readonly StreamController[]): void;
  /** A promise while the file's buffer is full (the engine then slows down). */
  waitForDrain(): Promise<void> | undefined;
  /** Stops listening, writes what is pending and closes the file. */
  close(): Promise<void>;
  /** Bytes written to the file so far. */
  bytes(): number;
};

/** How long closing may wait for the disk before giving up on the last lines. */
const CLOSE_TIMEOUT_MS = 5000;

/**
 * Opens `path` for writing (truncating it; throws the fs error when it cannot
 * be created) and writes the header line. Records are written as they come,
 * batched once per event-loop turn, so a killed process leaves every line but
 * the last batch.
 */
export function openRecorder(
  path: string,
  streams: readonly RecordedStream[],
  redact: Redactor,
  onError: (error: NodeJS.ErrnoException) => void,
  now: () => number = Date.now,
): Recorder {
  const fd = openSync(path, 'w');
  const output = createWriteStream(path, {fd});
  // A failed write (a full disk) ends the recording, not the run.
  const writer = createLineWriter(output, {onError});
  const started = now();
  writer.write(headerLine({format: RECORDING_FORMAT, ssedeck: VERSION, started, streams}, redact));
  writer.flush();
  const unsubscribes: Array<() => void> = [];
  return {
    attach(controllers) {
      for (const controller of controllers) {
        unsubscribes.push(
          controller.subscribe((record) => {
            const line = recordingLine(record, started, redact);
            if (line !== undefined) writer.write(line);
          }),
        );
      }
    },
    waitForDrain: writer.waitForDrain,
    bytes: () => output.bytesWritten,
    async close() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      await writer.end(CLOSE_TIMEOUT_MS);
      if (output.destroyed) return;
      await new Promise<void>((resolve) => {
        output.once('error', () => resolve());
        output.end(resolve);
      });
    },
  };
}
