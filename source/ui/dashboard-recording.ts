import {join} from 'node:path';
import type {RecordedStream} from '../core/recording/format.js';
import {defaultExportFileName} from '../core/store/export-ndjson.js';
import type {StreamStore} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';
import type {ControlResult} from './controls.js';
import {formatBytes} from './format.js';

/** What the dashboard needs of a recorder (headless/recorder.ts). */
export type PaneRecorder = {
  /** The file written: the path asked for, or "-2", "-3" … when it was taken. */
  readonly path: string;
  attach(streams: readonly StreamController[]): void;
  close(): Promise<void>;
  bytes(): number;
};

export type DashboardRecordingOptions = {
  readonly streams: readonly StreamController[];
  readonly store: StreamStore;
  readonly views: Readonly<Record<string, string>>;
  /** Where recordings go: next to `e`'s exports. */
  readonly dir: string;
  /**
   * Opens a recorder of these streams at `path`, never replacing a file
   * (throws when it cannot be created); `onError` reports a failed write.
   */
  readonly open: (
    path: string,
    streams: readonly RecordedStream[],
    onError: (error: NodeJS.ErrnoException) => void,
  ) => PaneRecorder;
  readonly now?: () => Date;
};

/** What the key bar shows: the recording being written, or why the last one stopped. */
export type RecordingStatus =
  | {readonly kind: 'recording'; readonly bytes: number}
  | {readonly kind: 'failed'; readonly reason: string};

export type DashboardRecording = {
  /** `o` (all panes: `names` undefined) or `O` (one pane): starts or stops recording. */
  toggle(names: readonly string[] | undefined): Promise<ControlResult>;
  /** Undefined when not recording and the last recording (if any) ended well. */
  status(): RecordingStatus | undefined;
  close(): Promise<void>;
};

/** The dashboard's record keys: one recording at a time, of all panes or of one. */
export function createDashboardRecording(options: DashboardRecordingOptions): DashboardRecording {
  let current: PaneRecorder | undefined;
  // A write that failed (a full disk) stops the recording; the key bar says so until o / O.
  let failure: string | undefined;
  const stop = async (): Promise<ControlResult> => {
    const recorder = current;
    current = undefined;
    if (!recorder) return {ok: false, message: 'not recording'};
    const bytes = recorder.bytes();
    await recorder.close();
    return {ok: true, message: `recording stopped: ${recorder.path} (${formatBytes(bytes)})`};
  };
  const fail = (recorder: PaneRecorder, error: NodeJS.ErrnoException): void => {
    if (current !== recorder) return;
    failure = `${error.code ?? 'write error'} (${formatBytes(recorder.bytes())} kept)`;
    current = undefined;
    void recorder.close();
  };
  return {
    async toggle(names) {
      failure = undefined;
      if (current) return stop();
      const picked = options.streams.filter(
        (stream) => names === undefined || names.includes(stream.name),
      );
      const header = picked.map((stream) => ({
        name: stream.name,
        method: stream.resolved.spec.method,
        url: stream.resolved.spec.url,
        preset: options.store.getAnswerSnapshot(stream.name)?.preset ?? 'none',
        view: options.views[stream.name] ?? 'events',
      }));
      const label = names === undefined ? 'all' : (names[0] ?? 'pane');
      const path = join(
        options.dir,
        defaultExportFileName(label, (options.now ?? (() => new Date()))(), 'recording'),
      );
      let recorder: PaneRecorder;
      try {
        recorder = options.open(path, header, (error) => fail(recorder, error));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        return {ok: false, message: `cannot record to ${path} (${code})`};
      }
      recorder.attach(picked);
      current = recorder;
      const what = names === undefined ? 'all panes' : label;
      return {ok: true, message: `recording ${what} to ${recorder.path} (o/O stops)`};
    },
    status() {
      if (current) return {kind: 'recording', bytes: current.bytes()};
      return failure === undefined ? undefined : {kind: 'failed', reason: failure};
    },
    async close() {
      if (current) await stop();
    },
  };
}
