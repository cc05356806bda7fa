import process from 'node:process';
import {render} from 'ink';
import {stoppedNote} from '../core/answer/stopped-note.js';
import type {RunCheckOptions} from '../core/dify-run/index.js';
import type {SummaryRecord} from '../core/records.js';
import {DEFAULT_FPS, KEY_FRAME_FPS} from './frame-rate.js';
import type {StreamStore} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';
import {anchoredStdout} from './anchored-stdout.js';
import {App} from './app.js';
import {osc52} from './clipboard.js';
import type {DashboardControls} from './controls.js';
import {createDashboardControls} from './dashboard-controls.js';
import {createDashboardReload, type ReloadSource} from './reload/dashboard-reload.js';
import {reloadControls} from './reload/reload-controls.js';
import {createDashboardStore, type DashboardStreamOptions} from './stream-options.js';
import {createDashboardRecording, type DashboardRecordingOptions} from './dashboard-recording.js';
import type {PaneView} from './state/ui-state.js';
import {createStreamAttachments} from './stream-attachments.js';
import {createStreamRuns} from './stream-runs.js';
import {enterTerminal} from './terminal-session.js';
import {colorFromEnv, utf8FromEnv} from './theme.js';

export type {DashboardStreamOptions} from './stream-options.js';

export type RunDashboardOptions = {
  readonly streams: readonly StreamController[];
  /** Per stream, by stream name. */
  readonly streamOptions?: Readonly<Record<string, DashboardStreamOptions>>;
  /** Most frames per second (default 30). */
  readonly fps?: number;
  /** Ring buffer entries per stream (default 1000). */
  readonly bufferSize?: number;
  readonly stdout?: NodeJS.WriteStream;
  readonly stdin?: NodeJS.ReadStream;
  /** Where SIGINT/SIGTERM/SIGHUP come from (default: process). */
  readonly signals?: NodeJS.EventEmitter;
  /** For NO_COLOR (default: process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where `e` writes exports (default: the current directory). */
  readonly exportDir?: string;
  /** Opens a recorder for the o / O keys (absent: no recording keys). */
  readonly openRecorder?: DashboardRecordingOptions['open'];
  /** How long quitting waits for the streams' summaries (default 2000 ms). */
  readonly shutdownTimeoutMs?: number;
  /** Zoomed panes show the response status line and headers from the start (-i/-v). */
  readonly details?: boolean;
  /** How the Dify run checks judge (--ping-wait). */
  readonly runCheckOptions?: RunCheckOptions;
  /** `L` (and --watch): where the profiles are read again (absent: "no profiles to reload"). */
  readonly reload?: ReloadSource;
};

export type DashboardResult = {
  /**
   * After q / Ctrl-C: 1 when a stream's latest run failed, else 0; 130 / 143 /
   * 129 after SIGINT / SIGTERM / SIGHUP; 1 after a crash.
   */
  readonly exitCode: number;
  /** Each stream's latest summary, in stream order, for the caller to print. */
  readonly summaries: SummaryRecord[];
  /** What crashed the dashboard, when it did. */
  readonly error?: unknown;
};

export const SHUTDOWN_TIMEOUT_MS = 2000;
/** After a signal the summaries get less time: the process promises to end within 2 s. */
export const SIGNAL_SHUTDOWN_TIMEOUT_MS = 1000;
/** How long Ctrl-Z waits for the stop to take before it takes the terminal back. */
const SUSPEND_FALLBACK_MS = 300;
const SIGNAL_CODES = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129} as const;
type Signal = keyof typeof SIGNAL_CODES;

/**
 * "run 2: completed (...): 12 events ..." after a restart, the run the pane's
 * counters count too (both count the latest run; the first run has no label).
 */
function runLabelled(summaries: readonly SummaryRecord[], store: StreamStore): SummaryRecord[] {
  store.flush();
  return summaries.map((summary) => {
    const {run} = store.getSnapshot(summary.stream);
    const labelled = run > 1 ? `run ${run}: ${summary.summary}` : summary.summary;
    // An answer stopped by q or x keeps its partial text: say so.
    const answer = store.getAnswerSnapshot(summary.stream)?.current;
    const note = answer?.status === 'stopped' ? ` · ${stoppedNote(answer, 'the answer')}` : '';
    return labelled === summary.summary && note === ''
      ? summary
      : {...summary, summary: `${labelled}${note}`};
  });
}

/**
 * Runs the dashboard on the alternate screen until q, Ctrl-C, a signal or a
 * crash; then stops every stream, waits (bounded) for their summaries and
 * restores the terminal. It prints nothing itself: the caller prints the
 * returned summaries on the normal screen.
 */
export async function runDashboard(options: RunDashboardOptions): Promise<DashboardResult> {
  const stdout = options.stdout ?? process.stdout;
  const stdin = options.stdin ?? process.stdin;
  const signals = options.signals ?? process;
  const fps = options.fps ?? DEFAULT_FPS;
  // Live: a reload (L) adds, replaces and removes controllers in place.
  const streams = [...options.streams];

  const perStream = new Map(Object.entries(options.streamOptions ?? {}));
  const optionsOf = (name: string): DashboardStreamOptions => perStream.get(name) ?? {};
  const store = createDashboardStore(streams, optionsOf, {
    bufferSize: options.bufferSize,
    notifyIntervalMs: Math.ceil(1000 / fps),
    ...(options.runCheckOptions ? {runCheckOptions: options.runCheckOptions} : {}),
  });
  const views: Record<string, PaneView> = Object.fromEntries(
    streams.map((stream) => [stream.name, optionsOf(stream.name).view ?? 'events'] as const),
  );
  const attachments = createStreamAttachments(store);
  const {attach, detach} = attachments;
  for (const stream of streams) attach(stream);
  const runs = createStreamRuns(streams);
  const reload = options.reload
    ? createDashboardReload(
        {list: streams, options: perStream, views, store, runs, attach, detach},
        options.reload,
      )
    : undefined;

  type Outcome = {code: number; error?: unknown; signal?: boolean};
  let settle: (outcome: Outcome) => void = () => undefined;
  const finished = new Promise<Outcome>((resolve) => {
    let done = false;
    settle = (outcome) => {
      if (done) return;
      done = true;
      resolve(outcome);
    };
  });

  const terminal = enterTerminal(stdout, stdin);
  let ink: ReturnType<typeof render> | undefined;
  const restore = (): void => {
    try {
      ink?.unmount();
    } catch {
      // Unmounting a crashed tree may throw; the terminal is restored below anyway.
    }
    terminal.restore();
  };
  let stopping = false;
  const onSignal = (signal: Signal) => (): void => {
    // A second signal while stopping: restore now and leave.
    if (stopping) {
      restore();
      process.exit(SIGNAL_CODES[signal]);
    }
    settle({code: SIGNAL_CODES[signal], signal: true});
  };
  const signalHandlers = (Object.keys(SIGNAL_CODES) as Signal[]).map(
    (signal) => [signal, onSignal(signal)] as const,
  );
  const onCrash = (error: unknown): void => {
    restore();
    settle({code: 1, error});
  };
  for (const [signal, handler] of signalHandlers) signals.on(signal, handler);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  process.on('exit', restore);

  // Ctrl-Z: raw mode delivers it as a key (0x1a), not as a signal. Give the
  // terminal back, stop like a shell job, and on `fg` (SIGCONT) take it again
  // and redraw everything (a resize event makes the app draw a whole frame).
  let suspended = false;
  const onContinue = (): void => {
    process.off('SIGCONT', onContinue);
    if (!suspended) return;
    suspended = false;
    if (terminal.restored) return;
    terminal.resume();
    stdout.emit('resize');
  };
  const suspend = (): void => {
    if (terminal.restored || stopping || suspended) return;
    suspended = true;
    terminal.suspend();
    process.on('SIGCONT', onContinue);
    try {
      process.kill(process.pid, 'SIGTSTP');
    } catch {
      // Not allowed here: carry on as if resumed.
    }
    // Without job control (an orphaned process group) the kernel drops the
    // stop signal: then this runs soon and takes the terminal back. After a
    // real stop it runs on resume, together with the SIGCONT handler.
    setTimeout(onContinue, SUSPEND_FALLBACK_MS).unref();
  };

  const exportDir = options.exportDir ?? process.cwd();
  const recording = options.openRecorder
    ? createDashboardRecording({
        streams,
        store,
        views,
        dir: exportDir,
        open: options.openRecorder,
      })
    : undefined;
  const dashboardControls = createDashboardControls({
    streams,
    store,
    runs,
    exportDir,
    ...(recording ? {recording} : {}),
    quit: () => settle({code: 0}),
    interrupt: () => settle({code: SIGNAL_CODES.SIGINT, signal: true}),
    suspend,
    // Read when Y or C is pressed: a reload may have changed the option.
    clipboardOff: (name) => optionsOf(name).osc52 === false,
    clipboard: (text) => {
      const sequence = osc52(text);
      if (sequence === undefined) return false;
      stdout.write(sequence);
      return true;
    },
  });
  const controls: DashboardControls = reload
    ? {...dashboardControls, ...reloadControls(reload)}
    : dashboardControls;
  const unwatch = options.reload?.watch?.(() => void controls.reload?.());
  let outcome: Outcome;
  let summaries: SummaryRecord[] = [];
  try {
    ink = render(
      <App
        store={store}
        controls={controls}
        fps={fps}
        views={views}
        details={options.details ?? false}
        color={colorFromEnv(options.env ?? process.env)}
        ascii={!utf8FromEnv(options.env ?? process.env)}
      />,
      {
        stdout: anchoredStdout(stdout),
        stdin,
        maxFps: Math.max(fps, KEY_FRAME_FPS),
        incrementalRendering: true,
        exitOnCtrlC: false,
        patchConsole: false,
      },
    );
    ink.waitUntilExit().then(
      () => settle({code: 0}),
      (error: unknown) => settle({code: 1, error}),
    );
    for (const stream of streams) {
      if (optionsOf(stream.name).autostart !== false) runs.start(stream);
    }
    outcome = await finished;
    stopping = true;
    unwatch?.();
    reload?.close();
    runs.stopAll();
    const timeoutMs = options.shutdownTimeoutMs ?? SHUTDOWN_TIMEOUT_MS;
    summaries = runLabelled(
      await runs.summaries(
        outcome.signal ? Math.min(timeoutMs, SIGNAL_SHUTDOWN_TIMEOUT_MS) : timeoutMs,
      ),
      store,
    );
    // Quitting after a stream failed is exit 1, like the headless modes.
    if (outcome.code === 0 && summaries.some((summary) => summary.status === 'failed')) {
      outcome = {code: 1};
    }
  } catch (error) {
    outcome = {code: 1, error};
    reload?.close();
    runs.stopAll();
  } finally {
    restore();
    unwatch?.();
    await recording?.close();
    attachments.detachAll();
    store.dispose();
    for (const [signal, handler] of signalHandlers) signals.off(signal, handler);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    process.off('exit', restore);
    process.off('SIGCONT', onContinue);
  }
  return outcome.error === undefined
    ? {exitCode: outcome.code, summaries}
    : {exitCode: outcome.code, summaries, error: outcome.error};
}
