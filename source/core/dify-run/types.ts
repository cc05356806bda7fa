/**
 * The Dify run inspector's view of one run of a stream: which nodes ran, in
 * what order, how long each took, what each cost, where it failed, whether
 * the run really ended and whether stop really stopped. Built by the fold in
 * dify-run-fold.ts from the same records as the answer; read it through the
 * store's getRunSnapshot(). Everything here is immutable: a changed row is a
 * new object, an unchanged one is shared with the previous snapshot, so views
 * can compare by reference. Strings are raw (as the server sent them, secrets
 * not yet redacted): whoever draws or writes them passes them through the
 * sanitizer and the redactor. Times are epoch ms measured by ssedeck (client
 * clock) unless the name says `Seconds` (server-measured, as Dify sends).
 */

import type {HumanInputForm} from './form-types.js';

/** The kind of Dify app, inferred from the events (see inferAppType in app-type.ts). */
export type DifyAppType = 'chatflow' | 'workflow' | 'agent-chat' | 'chat' | 'completion';

/**
 * A node execution's status. `running` until its node_finished; `paused` while
 * the run waits for human input on this node; the others are Dify's
 * node_finished statuses (`exception`: the node's error strategy handled the
 * failure and the run went on).
 */
export type RunNodeStatus = 'running' | 'succeeded' | 'failed' | 'exception' | 'stopped' | 'paused';

/**
 * The run's status: `waiting` before any event, `running`, `paused` (human
 * input), or the status of workflow_finished (succeeded, failed,
 * partial-succeeded, stopped). Chat-type apps (no workflow events) become
 * `succeeded` at message_end and `failed` at an `error` event. `incomplete`:
 * the stream ended without the terminal event the app type needs.
 */
export type RunStatus =
  | 'waiting'
  | 'running'
  | 'paused'
  | 'succeeded'
  | 'partial-succeeded'
  | 'failed'
  | 'stopped'
  | 'incomplete';

/** One of a node's inputs / process_data / outputs. */
export type RunPayload = {
  /** The value as parsed from the event (null when Dify sent null). */
  readonly value: unknown;
  /** Dify's `*_truncated` flag: the server cut the value itself. */
  readonly truncated: boolean;
  /** Size of the value as compact JSON, in UTF-16 code units (about bytes for ASCII JSON). */
  readonly size: number;
};

/**
 * A node's inputs, process data and outputs. Kept only for the most recent
 * node executions within a budget (see RUN_DETAIL_BUDGET in node-details.ts):
 * node_finished payloads can be megabytes each. When an older node's details
 * were let go to stay within the budget, `dropped` is true and the values are
 * undefined; the sizes and flags stay.
 */
export type RunNodeDetails = {
  readonly inputs: RunPayload | undefined;
  readonly processData: RunPayload | undefined;
  readonly outputs: RunPayload | undefined;
  /** True when the values were let go to stay within the memory budget. */
  readonly dropped: boolean;
};

/**
 * Which parallel branch a node ran on. `event`: Dify 0.8 – 1.8 said so with
 * parallel_branch_started/finished (group = parallel_id, branch =
 * parallel_branch_id). `overlap`: Dify >= 1.9 sends no branch events, so a
 * node that starts while another node of the same container (the run, or the
 * same iteration/loop step) is still running is on a parallel branch, and so
 * is that other node; a node that starts after its predecessor on a branch,
 * while the branches still overlap, stays on that branch. The group is the
 * fork: the node_id of the predecessor of the first node on the branches.
 */
export type RunParallel = {
  readonly group: string;
  /** The node_id of the first node on the branch. */
  readonly branch: string;
  readonly source: 'event' | 'overlap';
};

/** Where a node ran inside an iteration or loop. */
export type RunNesting = {
  readonly kind: 'iteration' | 'loop';
  /** The iteration/loop node's node_id (the node's data.iteration_id / data.loop_id). */
  readonly containerNodeId: string;
  /** The step of the container when this node started: `index` of the latest iteration_next / loop_next, as sent. */
  readonly step: number | undefined;
};

/** One row of the timeline: one node execution (data.id), in start order. */
export type RunNode = {
  /** Dify's node execution id (data.id); the key of the row. */
  readonly executionId: string;
  /** The node's id in the app graph (data.node_id). */
  readonly nodeId: string;
  readonly title: string;
  /** Dify node type, e.g. "llm", "answer", "iteration", "http-request". */
  readonly nodeType: string;
  /** `node`: node_started/finished; `iteration` / `loop`: the container (iteration_* / loop_* events). */
  readonly kind: 'node' | 'iteration' | 'loop';
  readonly status: RunNodeStatus;
  /** Dify's execution index (data.index), when sent. */
  readonly index: number | undefined;
  readonly predecessorNodeId: string | undefined;
  /** Client epoch ms of node_started (a running node's live elapsed is now - startedAt). */
  readonly startedAt: number;
  /** Client epoch ms of node_finished (or of the end of the run for a node left running). */
  readonly finishedAt: number | undefined;
  /** Server-measured seconds (data.elapsed_time). */
  readonly elapsedSeconds: number | undefined;
  /** execution_metadata.total_tokens (iterations: data.total_tokens). */
  readonly tokens: number | undefined;
  /** execution_metadata.total_price, a decimal string as sent. */
  readonly price: string | undefined;
  readonly currency: string | undefined;
  /** node_retry events seen for this execution. */
  readonly retries: number;
  /** retry_index of the latest node_retry. */
  readonly retryIndex: number | undefined;
  /** Nesting depth: 0 at the top, 1 inside an iteration/loop, 2 inside a nested one, … */
  readonly depth: number;
  readonly nesting: RunNesting | undefined;
  readonly parallel: RunParallel | undefined;
  /** Iterations and loops: the current / last step (`index` of *_next, as sent) and the step count. */
  readonly step: number | undefined;
  /** metadata.iterator_length of iteration_started, or `steps` of iteration_completed / loop_completed. */
  readonly steps: number | undefined;
  /** The node's error (node_finished / node_retry data.error). */
  readonly error: string | undefined;
  readonly details: RunNodeDetails | undefined;
};

/** One step of an agent app (agent_thought), updated in place when re-sent with the same id. */
export type AgentStep = {
  readonly id: string;
  readonly position: number | undefined;
  readonly thought: string;
  readonly tool: string;
  /** The tool input as sent (usually a JSON string). */
  readonly toolInput: string;
  readonly observation: string;
  /** The agent_message text that followed this thought (until the next one). */
  readonly message: string;
};

/** message_replace / text_replace: the server replaced the whole answer. */
export type AnswerReplacement = {
  readonly event: 'message_replace' | 'text_replace';
  /** message_replace `reason` (e.g. "output_moderation"; "" for chat apps); undefined for text_replace. */
  readonly reason: string | undefined;
  /** The answer text before the replacement, as streamed (raw, <think> tags included). */
  readonly previousText: string;
  /** The replacement text. */
  readonly text: string;
  readonly at: number;
};

/**
 * What happened after the user asked Dify to stop (the pane's `x`). Dify's
 * stop answers 200 even when the run keeps going.
 */
export type StopTracking = {
  /** Client epoch ms of the stop request. */
  readonly requestedAt: number;
  /** Data events (not pings) that arrived after the request. */
  readonly eventsAfter: number;
  /** node_started events that arrived after the request. */
  readonly nodesAfter: number;
  /**
   * `pending`: the run has not ended yet. `stopped`: it ended (workflow_finished
   * with status stopped, message_end, or the end of the stream). `ignored`: it
   * finished on its own (workflow_finished succeeded / failed / partial-succeeded)
   * after the stop.
   */
  readonly outcome: 'pending' | 'stopped' | 'ignored';
  /** Client epoch ms when the run ended after the stop. */
  readonly endedAt: number | undefined;
};

/**
 * The re-attach of a dropped chatflow/workflow run through
 * `GET /workflow/{workflow_run_id}/events` (Dify 1.14+), as told by whoever
 * does it (store.setReattachOutcome). `unsupported`: the server answered 404
 * (older than 1.14).
 */
export type ReattachOutcome =
  | {readonly kind: 'attempting'; readonly at: number}
  | {readonly kind: 'attached'; readonly at: number}
  | {readonly kind: 'unsupported'; readonly at: number; readonly message: string}
  | {readonly kind: 'failed'; readonly at: number; readonly message: string};

/** The run's header line. */
export type RunHeader = {
  /** Undefined until an event told (chat-type apps are told apart by message_end, agent_thought, …). */
  readonly appType: DifyAppType | undefined;
  readonly workflowRunId: string | undefined;
  readonly taskId: string | undefined;
  readonly conversationId: string | undefined;
  readonly messageId: string | undefined;
  readonly status: RunStatus;
  /** Client epoch ms of the run's first `connecting` record. */
  readonly startedAt: number | undefined;
  /** Client epoch ms when the run ended (terminal event or end of stream). */
  readonly endedAt: number | undefined;
  /** Server-measured total (workflow_finished / workflow_paused elapsed_time, else message_end usage.latency). */
  readonly elapsedSeconds: number | undefined;
  /** workflow_finished total_tokens, else message_end usage.total_tokens. */
  readonly totalTokens: number | undefined;
  /** message_end usage.total_price (decimal string), else the sum of the nodes' prices. */
  readonly totalPrice: string | undefined;
  readonly currency: string | undefined;
  /** workflow_finished / workflow_paused total_steps. */
  readonly totalSteps: number | undefined;
  /** Client-measured: run start to the first non-empty answer chunk (message, agent_message, text_chunk). */
  readonly clientTtftMs: number | undefined;
  /** Dify's own message_end usage.time_to_first_token (seconds). */
  readonly serverTtftSeconds: number | undefined;
  /** workflow_finished `error`, or the error of the `error` event. */
  readonly error: string | undefined;
  /** workflow_finished exceptions_count. */
  readonly exceptionsCount: number | undefined;
};

/** The terminal events that came, in arrival order. */
export type RunTerminalEvent = 'message_end' | 'workflow_finished' | 'workflow_paused' | 'error';

/** An immutable view of one run. */
export type DifyRun = {
  /** 1 for the first run of the stream, then 2, 3, … (a resumed run keeps its number). */
  readonly runNumber: number;
  readonly header: RunHeader;
  /** Node executions in start order (iterations and loops included, their children after them). */
  readonly nodes: readonly RunNode[];
  /** Agent apps: agent_thought steps in arrival order. */
  readonly agentSteps: readonly AgentStep[];
  /** agent_message text that came before any agent_thought. */
  readonly agentPreamble: string;
  readonly humanInput: HumanInputForm | undefined;
  /** Every answer replacement of the run, oldest first. */
  readonly replacements: readonly AnswerReplacement[];
  readonly stop: StopTracking | undefined;
  readonly reattach: ReattachOutcome | undefined;
  readonly terminalEvents: readonly RunTerminalEvent[];
  /** The `error` event's code / status / message, when one came. */
  readonly errorEvent:
    | {
        readonly code: string | undefined;
        readonly status: number | undefined;
        readonly message: string;
      }
    | undefined;
  /** Client epoch ms of the latest data event (not a ping). */
  readonly lastEventAt: number | undefined;
  /** Keep-alives (pings, comments) since the latest data event. */
  readonly pingsSinceEvent: number;
  /** The stream failed with a network / HTTP error (the engine's failed error record's text). */
  readonly streamError: string | undefined;
  /** How the stream ended (its summary record's status and reason); undefined while it runs. */
  readonly streamEnd:
    {readonly status: 'completed' | 'failed' | 'stopped'; readonly reason: string} | undefined;
  /** Times the run was resumed (a new stream of the same workflow_run_id, e.g. after human input). */
  readonly resumes: number;
  /** True once the stream's summary record came (and not resumed since). */
  readonly ended: boolean;
};

/** An immutable view of a Dify stream's runs, a new object only when something visible changed. */
export type DifyRunSnapshot = {
  readonly version: number;
  readonly current: DifyRun;
  /** Earlier runs of the stream, oldest first (bounded). */
  readonly history: readonly DifyRun[];
};
