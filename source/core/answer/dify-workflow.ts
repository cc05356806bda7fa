import {addTerminalEvent} from './run-ending.js';
import {patchProgress, patchUsage, type RunFold} from './run-fold.js';
import {failRun, markStreaming, resumeRun, settleStatus} from './run-status.js';
import {replaceAnswer} from './run-text.js';
import {singleStringOutput} from './dify-fields.js';
import {numberAt, objectAt, stringAt, textAt, type JsonObject} from './json-value.js';
import type {AnswerNode} from './answer-types.js';

/**
 * Dify workflow-level events (chatflow and workflow apps): where the run is
 * (nodes, iterations, loops, human input) and how it finished. They never
 * touch the streamed answer, except that a workflow app whose answer never
 * streamed takes its single string output.
 */

export const pausedReason = 'paused: waiting for human input';

export function applyDifyWorkflowEvent(
  fold: RunFold,
  name: string,
  data: JsonObject | undefined,
  at: number,
): void {
  switch (name) {
    case 'workflow_started':
      markStreaming(fold);
      patchProgress(fold, {workflowStatus: 'running'});
      fold.run.query ??= textAt(objectAt(data, 'inputs'), 'sys.query');
      return;
    case 'node_started':
      markStreaming(fold);
      patchProgress(fold, {
        currentNode: readNode(data),
        nodesStarted: fold.run.progress.nodesStarted + 1,
      });
      return;
    case 'node_finished':
      onNodeFinished(fold, data);
      return;
    case 'node_retry':
      markStreaming(fold);
      patchProgress(fold, {
        currentNode: readNode(data),
        nodeRetries: fold.run.progress.nodeRetries + 1,
      });
      return;
    case 'iteration_started':
    case 'loop_started':
      markStreaming(fold);
      patchProgress(fold, {
        cycle: {
          kind: name === 'iteration_started' ? 'iteration' : 'loop',
          title: stringAt(data, 'title') ?? '',
          index: undefined,
          length: numberAt(objectAt(data, 'metadata'), 'iterator_length'),
        },
      });
      return;
    case 'iteration_next':
    case 'loop_next': {
      const cycle = fold.run.progress.cycle;
      const kind = name === 'iteration_next' ? 'iteration' : 'loop';
      const title = stringAt(data, 'title') ?? cycle?.title ?? '';
      const length = cycle?.kind === kind ? cycle.length : undefined;
      patchProgress(fold, {cycle: {kind, title, index: numberAt(data, 'index'), length}});
      return;
    }
    case 'iteration_completed':
    case 'loop_completed':
      patchProgress(fold, {cycle: undefined});
      return;
    case 'workflow_finished':
      onWorkflowFinished(fold, data, at);
      return;
    case 'human_input_required':
      patchProgress(fold, {
        humanInput: {
          nodeTitle: stringAt(data, 'node_title') ?? '',
          formToken: textAt(data, 'form_token'),
        },
      });
      settleStatus(fold, 'paused', pausedReason);
      return;
    case 'workflow_paused':
      patchProgress(fold, {
        workflowStatus: 'paused',
        elapsedSeconds: numberAt(data, 'elapsed_time'),
        totalSteps: numberAt(data, 'total_steps'),
      });
      addTerminalEvent(fold, 'workflow_paused', at);
      settleStatus(fold, 'paused', pausedReason);
      return;
    case 'human_input_form_filled':
    case 'human_input_form_timeout':
      patchProgress(fold, {humanInput: undefined});
      resumeRun(fold);
      return;
  }
}

function readNode(data: JsonObject | undefined): AnswerNode {
  return {
    nodeId: stringAt(data, 'node_id') ?? '',
    title: stringAt(data, 'title') ?? '',
    type: stringAt(data, 'node_type') ?? '',
  };
}

function onNodeFinished(fold: RunFold, data: JsonObject | undefined): void {
  const status = stringAt(data, 'status');
  const failed = status === 'failed' || status === 'exception';
  patchProgress(fold, {
    nodesFinished: fold.run.progress.nodesFinished + 1,
    failedNode: failed
      ? {...readNode(data), status, error: stringAt(data, 'error') ?? ''}
      : fold.run.progress.failedNode,
  });
}

function onWorkflowFinished(fold: RunFold, data: JsonObject | undefined, at: number): void {
  const status = stringAt(data, 'status');
  patchProgress(fold, {
    workflowStatus: status,
    cycle: undefined,
    elapsedSeconds: numberAt(data, 'elapsed_time'),
    totalSteps: numberAt(data, 'total_steps'),
  });
  const totalTokens = numberAt(data, 'total_tokens');
  if (totalTokens !== undefined && fold.run.usage?.totalTokens === undefined) {
    patchUsage(fold, {totalTokens});
  }
  // Workflow apps: an answer that never streamed is the single string output.
  const output = singleStringOutput(objectAt(data, 'outputs'));
  if (fold.run.text.length === 0 && output !== undefined) replaceAnswer(fold, output, at);
  addTerminalEvent(fold, 'workflow_finished', at);
  const error = textAt(data, 'error');
  if (status === 'failed') {
    const message = error ?? fold.run.progress.failedNode?.error ?? 'workflow failed';
    failRun(fold, {code: undefined, status: undefined, message});
  } else if (status === 'stopped') {
    settleStatus(fold, 'stopped', error ?? 'stopped');
  } else {
    settleStatus(fold, 'done');
  }
}
