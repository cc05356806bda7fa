import type {DifyRunChannel} from './dify-channel.js';
import type {DifyHumanInputForm} from './dify-events.js';

/** Conversations and running tasks of the demo Dify app, per server instance. */
export type DifyConversation = {
  readonly id: string;
  readonly user: string;
  /** Questions asked so far in this conversation. */
  turns: number;
};

export type DifyTask = {
  readonly user: string;
  /** Asks the running stream to stop; it then ends like a stopped chatflow. */
  readonly stop: () => void;
};

export type FormSubmitResult =
  | {readonly ok: true}
  | {readonly ok: false; readonly status: number; readonly code: string; readonly message: string};

/** A run of the richer demo flows (dify-flow.ts) that outlives its connection. */
export type DifyFlowHandle = {
  readonly user: string;
  readonly workflowRunId: string;
  readonly channel: DifyRunChannel;
  /** The open human input form while the run is paused on one. */
  readonly form: () => DifyHumanInputForm | undefined;
  readonly submit: (inputs: Record<string, unknown>, actionId: string) => FormSubmitResult;
  /** Behaves like Dify before 1.14: the events endpoint answers 404. */
  readonly legacy: boolean;
};

export type DifyState = {
  readonly conversations: Map<string, DifyConversation>;
  readonly tasks: Map<string, DifyTask>;
  /** Flow runs by workflow_run_id (the newest MAX_FLOW_RUNS). */
  readonly runs: Map<string, DifyFlowHandle>;
};

export const MAX_FLOW_RUNS = 100;

export function createDifyState(): DifyState {
  return {conversations: new Map(), tasks: new Map(), runs: new Map()};
}

/** Remembers a flow run, forgetting the oldest beyond MAX_FLOW_RUNS. */
export function rememberRun(state: DifyState, run: DifyFlowHandle): void {
  state.runs.set(run.workflowRunId, run);
  while (state.runs.size > MAX_FLOW_RUNS) {
    const oldest = state.runs.keys().next().value;
    if (oldest === undefined) break;
    state.runs.delete(oldest);
  }
}

/** The flow run that has the open form `token`. */
export function runWithForm(state: DifyState, token: string): DifyFlowHandle | undefined {
  for (const run of state.runs.values()) if (run.form()?.formToken === token) return run;
  return undefined;
}
