import {randomUUID} from 'node:crypto';
import type {DifyIds, DifyNode} from './dify-events.js';
import type {DifyChatRequest} from './dify-request.js';

/** The demo app: a chatflow with Start → LLM → Answer. */
export const DEMO_APP_ID = '5f0e6c1a-2d1b-4c55-9a61-5ed7dec0a001';
export const DEMO_WORKFLOW_ID = '5f0e6c1a-2d1b-4c55-9a61-5ed7dec0f10a';

/** Fresh ids of a new run (task, message, workflow run) in a conversation, started now. */
export function newRunIds(conversationId: string): DifyIds {
  return {
    taskId: randomUUID(),
    messageId: randomUUID(),
    conversationId,
    workflowRunId: randomUUID(),
    workflowId: DEMO_WORKFLOW_ID,
    createdAt: Math.floor(Date.now() / 1000),
  };
}
export const DEMO_MODEL = {provider: 'langgenius/openai/openai', name: 'gpt-4o-mini'};

export type DifyGraph = {
  readonly start: DifyNode;
  readonly llm: DifyNode;
  readonly answer: DifyNode;
};

/** A new execution of a node (a fresh execution id). */
export function node(
  nodeId: string,
  nodeType: string,
  title: string,
  index: number,
  predecessorNodeId: string | null,
): DifyNode {
  return {executionId: randomUUID(), nodeId, nodeType, title, index, predecessorNodeId};
}

/** Fresh node executions for one run. */
export function createGraph(): DifyGraph {
  return {
    start: node('start', 'start', 'Start', 1, null),
    llm: node('llm', 'llm', 'LLM', 2, 'start'),
    answer: node('answer', 'answer', 'Answer', 3, 'llm'),
  };
}

/** The `sys.*` variables Dify puts into a chatflow's inputs. */
export function systemVariables(
  request: DifyChatRequest,
  workflowRunId: string,
): Record<string, unknown> {
  return {
    'sys.query': request.query,
    'sys.files': [],
    'sys.conversation_id': request.conversation.id,
    'sys.user_id': request.user,
    'sys.dialogue_count': request.turn,
    'sys.app_id': DEMO_APP_ID,
    'sys.workflow_id': DEMO_WORKFLOW_ID,
    'sys.workflow_run_id': workflowRunId,
  };
}

/** The LLM node's `process_data`: the prompt it sent. */
export function llmProcessData(query: string): Record<string, unknown> {
  return {
    model_mode: 'chat',
    prompts: [
      {role: 'system', text: 'You are the ssedeck demo assistant.', files: []},
      {role: 'user', text: query, files: []},
    ],
    model_provider: DEMO_MODEL.provider,
    model_name: DEMO_MODEL.name,
  };
}
