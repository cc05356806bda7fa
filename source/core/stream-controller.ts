import type {RecordListener, SummaryRecord} from './records.js';
import type {ResolvedStreamSpec, StreamSpec} from './stream-spec.js';

/**
 * What every consumer (headless runner, dashboard store, recorder) holds for
 * one stream: a subscription to its records and the few controls a person has.
 * Implemented by the engine's SseStream.
 */
export type StreamController = {
  readonly name: string;
  readonly resolved: ResolvedStreamSpec;
  /** True from start() until the run's summary record. */
  readonly running: boolean;
  subscribe(listener: RecordListener): () => void;
  /**
   * Starts a run unless one is running; resolves with its summary record.
   * With a spec (a Dify follow-up query, say), this run and later ones use it;
   * the stream keeps its name.
   */
  start(spec?: StreamSpec): Promise<SummaryRecord>;
  /** Ends the running run; its summary has status "stopped". */
  stop(): void;
  /**
   * Drops the current connection (or skips the pending reconnect delay) and
   * connects again right away. A person asked for it, so this also re-sends a POST.
   */
  reconnect(): void;
  /**
   * Re-attaches to the stream's Dify chatflow/workflow run (GET
   * /workflow/{workflow_run_id}/events, Dify 1.14+) instead of re-sending the
   * request: the running run's next connection, or a new run when none is
   * running. False when no workflow_run_id is known (or not a Dify stream).
   */
  reattach?(): boolean;
};
