import {
  headerLine,
  RECORDING_FORMAT,
  recordingLine,
  type RecordedStream,
} from '../core/recording/format.js';
import type {Redactor} from '../core/redact.js';
import type {StreamController} from '../core/stream-controller.js';
import {VERSION} from '../core/version.js';
import {openNdjsonFile} from '../core/output/ndjson-file.js';

/** Writes a recording (core/recording/format.ts) of the streams it is attached to. */
export type Recorder = {
  /** The file written (an exclusive open may have moved to "-2", "-3"). */
  readonly path: string;
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
  options: {readonly exclusive?: boolean; readonly now?: () => number} = {},
): Recorder {
  const now = options.now ?? Date.now;
  // A failed write (a full disk) ends the recording, not the run.
  const file = openNdjsonFile(path, {onError, exclusive: options.exclusive === true});
  const started = now();
  file.write(headerLine({format: RECORDING_FORMAT, ssedeck: VERSION, started, streams}, redact));
  file.flush();
  const unsubscribes: Array<() => void> = [];
  return {
    path: file.path,
    attach(controllers) {
      for (const controller of controllers) {
        unsubscribes.push(
          controller.subscribe((record) => {
            const line = recordingLine(record, started, redact);
            if (line !== undefined) file.write(line);
          }),
        );
      }
    },
    waitForDrain: () => file.waitForDrain(),
    bytes: () => file.bytes(),
    async close() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      await file.close(CLOSE_TIMEOUT_MS);
    },
  };
}
