import {join} from 'node:path';
import type {RecordedStream} from '../core/recording/format.js';
import {defaultExportFileName} from '../core/store/export-ndjson.js';
import type {StreamStore} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';
import type {ControlResult} from './controls.js';
import {formatBytes} from './format.js';

/** What the dashboard needs of a recorder (headless/recorder.ts). */
export type PaneRecorder = {
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
  /** Opens a recorder of these streams at `path` (throws when it cannot be created). */
  readonly open: (path: string, streams: readonly RecordedStream[]) => PaneRecorder;
  readonly now?: () => Date;
};

export type DashboardRecording = {
  /** `o` (all panes: `names` undefined) or `O` (one pane): starts or stops recording. */
  toggle(names: readonly string[] | undefined): Promise<ControlResult>;
  /** The size of the recording being written, or undefined when none is. */
  size(): number | undefined;
  close(): Promise<void>;
};

/** The dashboard's record keys: one recording at a time, of all panes or of one. */
export function createDashboardRecording(options: DashboardRecordingOptions): DashboardRecording {
  let current: {recorder: PaneRecorder; path: string} | undefined;
  const stop = async (): Promise<ControlResult> => {
    const {recorder, path} = current ?? {};
    current = undefined;
    if (!recorder) return {ok: false, message: 'not recording'};
    const bytes = recorder.bytes();
    await recorder.close();
    return {ok: true, message: `recording stopped: ${path} (${formatBytes(bytes)})`};
  };
  return {
    async toggle(names) {
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
      let recorder;
      try {
        recorder = options.open(path, header);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        return {ok: false, message: `cannot record to ${path} (${code})`};
      }
      recorder.attach(picked);
      current = {recorder, path};
      const what = names === undefined ? 'all panes' : label;
      return {ok: true, message: `recording ${what} to ${path} (o/O stops)`};
    },
    size: () => current?.recorder.bytes(),
    async close() {
      if (current) await stop();
    },
  };
}
