import type {Redactor} from '../core/redact.js';
import {SseStream} from '../core/sse-stream.js';
import {resolveStreamSpec} from '../core/stream-spec.js';
import {TlsConfigError} from '../core/tls-config.js';
import {ProfileError} from '../profiles/problems.js';
import {watchFiles} from '../profiles/watch-files.js';
import type {ReloadSource} from '../ui/reload/dashboard-reload.js';
import type {DashboardStreamOptions} from '../ui/stream-options.js';
import type {StreamSetup} from './stream-setups.js';
import {UsageError} from './usage-error.js';

/** What a setup says about its pane. */
export function dashboardOptionsOf(setup: StreamSetup): DashboardStreamOptions {
  return {
    answer: setup.answer,
    view: setup.view,
    bufferSize: setup.bufferSize,
    autostart: setup.autostart,
    osc52: setup.osc52,
  };
}

export type ReloadSourceOptions = {
  /** The setups as at start: the same profiles, --stream picks, flag overrides and URLs. */
  readonly load: () => Promise<StreamSetup[]>;
  /** New secrets of a reloaded profile, so every later line redacts them too. */
  readonly learnSecrets: (setups: readonly StreamSetup[]) => void;
  readonly redact: Redactor;
  /** --watch: the profile files and their .env (absent: L only). */
  readonly watchedFiles?: readonly string[] | undefined;
};

/** The problems a start with these files would print, one line each; undefined for other errors. */
function problemLines(error: unknown): readonly string[] | undefined {
  if (error instanceof ProfileError) return error.lines;
  if (error instanceof UsageError || error instanceof TlsConfigError) return [error.message];
  return undefined;
}

/** What `L` and --watch read: the profiles again, as the command line loaded them at start. */
export function reloadSource(options: ReloadSourceOptions): ReloadSource {
  const files = options.watchedFiles;
  return {
    async load() {
      try {
        const setups = await options.load();
        options.learnSecrets(setups);
        return {
          ok: true,
          streams: setups.map((setup) => ({spec: setup.spec, options: dashboardOptionsOf(setup)})),
        };
      } catch (error) {
        const lines = problemLines(error);
        if (!lines) throw error;
        return {ok: false, lines: lines.map((line) => options.redact(line))};
      }
    },
    // Streams a reload adds or restarts are not part of a --record recording.
    makeController: (spec) => new SseStream(resolveStreamSpec(spec), {holdPausedRuns: true}),
    ...(files ? {watch: (onChange: () => void) => watchFiles(files, onChange)} : {}),
  };
}
