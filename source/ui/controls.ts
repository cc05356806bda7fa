import type {HumanInputSubmission} from '../core/dify-human-input.js';
import type {RequestView} from '../core/diagnostics/request-view.js';
import type {DisplayEntry, ExportResult} from '../core/store/types.js';
import type {RecordingStatus} from './dashboard-recording.js';
import type {PaneView} from './state/ui-state.js';

/** What a Dify action (follow-up, stop) did, in one line for the footer. */
export type ControlResult = {readonly ok: boolean; readonly message: string};

/** What keys can do to streams; runDashboard wires them to the controllers and the store. */
export type DashboardControls = {
  reconnect(name: string): void;
  reconnectAll(): void;
  /** Stops a running stream or starts a stopped one, and says which. */
  toggleRun(name: string): 'stopped' | 'started' | undefined;
  exportEvents(name: string, include?: (entry: DisplayEntry) => boolean): Promise<ExportResult>;
  /** `o` / `O`: starts recording these panes (undefined: all) or stops the recording. */
  toggleRecording?(names: readonly string[] | undefined): Promise<ControlResult>;
  /** The recording being written, or why the last one failed; undefined otherwise. */
  recordingStatus?(): RecordingStatus | undefined;
  /**
   * Sends `query` as a new run of a chat stream (Dify, OpenAI chat or
   * Responses, Anthropic) in the same conversation, or with `fresh` in a new
   * one (stopping a run still going first); resolves once the new run started.
   */
  askFollowUp(name: string, query: string, fresh?: boolean): Promise<ControlResult>;
  /**
   * Stops the running answer, keeping the partial text: Dify through its stop
   * endpoint (the stream reads on to its end), others by closing the stream.
   */
  stopAnswer(name: string): Promise<ControlResult>;
  /**
   * Fills the paused Dify run's human input form (POST /form/human_input/{token})
   * and, when Dify took it, re-attaches so the run continues in the same pane.
   */
  submitForm(name: string, submission: HumanInputSubmission): Promise<ControlResult>;
  /** Re-attaches to the stream's Dify run (GET /workflow/{id}/events) instead of re-sending. */
  reattach(name: string): ControlResult;
  quit(): void;
  /** Ctrl-C: quit as interrupted (exit 130, like SIGINT). */
  interrupt(): void;
  /** Ctrl-Z: gives the terminal back and stops the process until `fg`. */
  suspend(): void;
  /** The request the stream sends (with `lastEventId`), redacted, and its curl form. */
  requestOf?(name: string, lastEventId: string): RequestView | undefined;
  /** Puts text on the terminal's clipboard (OSC 52); false when there is no terminal. */
  copyToClipboard?(text: string): boolean;
  /** True when OSC 52 is off for the stream (--no-osc52, or osc52: false in its profile). */
  clipboardOff?(name: string): boolean;
  /**
   * `Y`: text of the stream (an answer, event data) on the clipboard, redacted
   * with the stream's secrets and sanitized (line breaks kept).
   */
  copyStreamText?(name: string, text: string): CopyResult;
  /** `w`: writes the stream's answer transcript as Markdown next to the exports; resolves with its path. */
  writeTranscript?(name: string): Promise<string>;
  /**
   * `L`: re-reads the profiles the dashboard started from and applies what
   * changed; the outcome goes to the onReload listeners (absent: not started
   * from profiles).
   */
  reload?(): Promise<void>;
  /** Every reload's outcome, also those --watch starts; returns the unsubscribe. */
  onReload?(listener: (outcome: ReloadOutcome) => void): () => void;
  /** The y/n answer to a reload's "re-send N POST requests?": what it did. */
  confirmReload?(yes: boolean): ReloadOutcome;
  /** How many streams `R` would re-send a request with a body method (POST, PUT…) to. */
  bodyRequestCount?(): number;
};

/**
 * A pane a reload started over (a changed stream): its scroll and selection
 * go; `view`: the profile's first view changed to this.
 */
export type RestartedPane = {readonly name: string; readonly view?: PaneView};

/** What a profile reload (`L`, --watch) did, for the footer, the y/n line or the errors overlay. */
export type ReloadOutcome =
  | {readonly kind: 'message'; readonly text: string; readonly restarted?: readonly RestartedPane[]}
  | {readonly kind: 'confirm'; readonly text: string; readonly restarted?: readonly RestartedPane[]}
  | {readonly kind: 'errors'; readonly lines: readonly string[]};

/** What `Y` did: copied, OSC 52 off for the stream, or too long for OSC 52. */
export type CopyResult = 'copied' | 'off' | 'too-long';
