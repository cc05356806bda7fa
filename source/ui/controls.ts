import type {HumanInputSubmission} from '../core/dify-human-input.js';
import type {RequestView} from '../core/diagnostics/request-view.js';
import type {DisplayEntry, ExportResult} from '../core/store/types.js';

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
  /** Bytes of the recording being written, undefined when none is. */
  recordingSize?(): number | undefined;
  /**
   * Sends `query` as a new run of a Dify stream in the same conversation
   * (stopping a run still going first); resolves once the new run started.
   */
  askFollowUp(name: string, query: string): Promise<ControlResult>;
  /** Asks Dify to stop the stream's running task; the stream reads on to its end. */
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
};
