import {detectDifyEndpoint} from './answer/answer-preset.js';

/**
 * What the engine needs to know of a Dify chatflow/workflow run to re-attach
 * to it: its workflow_run_id and whether the current connection saw the run
 * finish or pause. A cheap look at the raw event data (no JSON parse): only
 * events that mention a workflow_ key are searched at all.
 */
export type DifyRunWatch = {
  workflowRunId: string | undefined;
  /** The last workflow_finished / workflow_paused of the current connection. */
  terminal: 'finished' | 'paused' | undefined;
};

const RUN_ID = /"workflow_run_id"\s*:\s*"([^"\\]{1,200})"/;
const EVENT =
  /"event"\s*:\s*"(workflow_finished|workflow_paused|human_input_form_filled|human_input_form_timeout)"/;

/** A watch for streams whose URL is a Dify chat or workflow endpoint; undefined for any other. */
export function createDifyRunWatch(url: string): DifyRunWatch | undefined {
  const endpoint = detectDifyEndpoint(url);
  return endpoint === 'chat' || endpoint === 'workflow'
    ? {workflowRunId: undefined, terminal: undefined}
    : undefined;
}

export function observeDifyEvent(watch: DifyRunWatch, data: string): void {
  if (!data.includes('"workflow_') && !data.includes('"human_input_')) return;
  if (watch.workflowRunId === undefined) watch.workflowRunId = RUN_ID.exec(data)?.[1];
  const name = EVENT.exec(data)?.[1];
  if (name === 'workflow_finished') watch.terminal = 'finished';
  else if (name === 'workflow_paused') watch.terminal = 'paused';
  else if (name !== undefined) watch.terminal = undefined;
}
