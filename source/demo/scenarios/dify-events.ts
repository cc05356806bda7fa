/**
 * Builders for the JSON payloads of a Dify chatflow (advanced-chat) stream,
 * in the shape Dify ≥1.13.1 sends through the Service API. Keys follow
 * Dify's order: event, the chat envelope, task_id, then the event's fields.
 */
export type DifyIds = {
  readonly taskId: string;
  readonly messageId: string;
  readonly conversationId: string;
  readonly workflowRunId: string;
  readonly workflowId: string;
  /** Unix seconds when the run started. */
  readonly createdAt: number;
};

export type DifyNode = {
  readonly executionId: string;
  readonly nodeId: string;
  readonly nodeType: string;
  readonly title: string;
  readonly index: number;
  readonly predecessorNodeId: string | null;
};

export type DifyNodeResult = {
  readonly inputs: Record<string, unknown>;
  readonly processData: Record<string, unknown> | null;
  readonly outputs: Record<string, unknown> | null;
  readonly status: 'succeeded' | 'failed' | 'stopped';
  readonly error: string | null;
  readonly elapsedTime: number;
  readonly metadata: Record<string, unknown>;
  readonly createdAt: number;
  readonly finishedAt: number;
};

export type DifyUsage = Record<string, string | number>;

export type DifyWorkflowResult = {
  readonly status: 'succeeded' | 'failed' | 'stopped';
  readonly outputs: Record<string, unknown>;
  readonly error: string | null;
  readonly elapsedTime: number;
  readonly totalTokens: number;
  readonly totalSteps: number;
  readonly user: string;
  readonly finishedAt: number;
};

export type DifyIterationResult = {
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
  readonly elapsedTime: number;
  readonly totalTokens: number;
  readonly steps: number;
  readonly createdAt: number;
  readonly finishedAt: number;
};

/** A human input node's form, as `human_input_required` describes it. */
export type DifyHumanInputForm = {
  readonly formId: string;
  readonly formToken: string;
  readonly nodeId: string;
  readonly nodeTitle: string;
  readonly formContent: string;
  readonly inputs: ReadonlyArray<Record<string, unknown>>;
  readonly actions: ReadonlyArray<{id: string; title: string; button_style: string}>;
  readonly defaults: Record<string, unknown>;
  /** Unix seconds. */
  readonly expirationTime: number;
};

export type DifyPause = {
  readonly elapsedTime: number;
  readonly totalTokens: number;
  readonly totalSteps: number;
};

export type DifyFormFilled = {
  readonly renderedContent: string;
  readonly actionId: string;
  readonly actionText: string;
  readonly submittedData: Record<string, unknown>;
};

type Payload = Record<string, unknown>;

export function createDifyEvents(ids: DifyIds) {
  const envelope = (event: string): Payload => ({
    event,
    conversation_id: ids.conversationId,
    message_id: ids.messageId,
    created_at: ids.createdAt,
    task_id: ids.taskId,
  });
  const workflowEvent = (event: string, data: Payload): Payload => ({
    ...envelope(event),
    workflow_run_id: ids.workflowRunId,
    data,
  });
  const nodeBase = (node: DifyNode): Payload => ({
    id: node.executionId,
    node_id: node.nodeId,
    node_type: node.nodeType,
    title: node.title,
    index: node.index,
    predecessor_node_id: node.predecessorNodeId,
  });

  const iterationBase = (node: DifyNode): Payload => ({
    id: node.executionId,
    node_id: node.nodeId,
    node_type: node.nodeType,
    title: node.title,
  });

  return {
    workflowStarted: (inputs: Payload): Payload =>
      workflowEvent('workflow_started', {
        id: ids.workflowRunId,
        workflow_id: ids.workflowId,
        inputs,
        created_at: ids.createdAt,
        reason: 'initial',
      }),
    nodeStarted: (node: DifyNode, createdAt: number, iterationId: string | null = null): Payload =>
      workflowEvent('node_started', {
        ...nodeBase(node),
        inputs: null,
        inputs_truncated: false,
        created_at: createdAt,
        extras: {},
        iteration_id: iterationId,
        loop_id: null,
        agent_strategy: null,
      }),
    nodeFinished: (
      node: DifyNode,
      result: DifyNodeResult,
      iterationId: string | null = null,
    ): Payload =>
      workflowEvent('node_finished', {
        ...nodeBase(node),
        inputs: result.inputs,
        inputs_truncated: false,
        process_data: result.processData,
        process_data_truncated: false,
        outputs: result.outputs,
        outputs_truncated: false,
        status: result.status,
        error: result.error,
        elapsed_time: result.elapsedTime,
        execution_metadata: result.metadata,
        created_at: result.createdAt,
        finished_at: result.finishedAt,
        files: [],
        iteration_id: iterationId,
        loop_id: null,
      }),
    iterationStarted: (node: DifyNode, createdAt: number, length: number, inputs: Payload) =>
      workflowEvent('iteration_started', {
        ...iterationBase(node),
        created_at: createdAt,
        extras: {},
        metadata: {iterator_length: length},
        inputs,
        inputs_truncated: false,
      }),
    iterationNext: (node: DifyNode, createdAt: number, index: number): Payload =>
      workflowEvent('iteration_next', {
        ...iterationBase(node),
        index,
        created_at: createdAt,
        extras: {},
      }),
    iterationCompleted: (node: DifyNode, result: DifyIterationResult): Payload =>
      workflowEvent('iteration_completed', {
        ...iterationBase(node),
        outputs: result.outputs,
        outputs_truncated: false,
        created_at: result.createdAt,
        extras: {},
        inputs: result.inputs,
        inputs_truncated: false,
        status: 'succeeded',
        error: null,
        elapsed_time: result.elapsedTime,
        total_tokens: result.totalTokens,
        execution_metadata: {total_tokens: result.totalTokens},
        finished_at: result.finishedAt,
        steps: result.steps,
      }),
    humanInputRequired: (form: DifyHumanInputForm): Payload =>
      workflowEvent('human_input_required', {
        form_id: form.formId,
        node_id: form.nodeId,
        node_title: form.nodeTitle,
        form_content: form.formContent,
        inputs: form.inputs,
        actions: form.actions,
        display_in_ui: false,
        form_token: form.formToken,
        resolved_default_values: form.defaults,
        expiration_time: form.expirationTime,
      }),
    workflowPaused: (form: DifyHumanInputForm, pause: DifyPause): Payload =>
      workflowEvent('workflow_paused', {
        workflow_run_id: ids.workflowRunId,
        paused_nodes: [form.nodeId],
        outputs: {},
        reasons: [{TYPE: 'human_input_required', form_id: form.formId, node_id: form.nodeId}],
        status: 'paused',
        created_at: ids.createdAt,
        elapsed_time: pause.elapsedTime,
        total_tokens: pause.totalTokens,
        total_steps: pause.totalSteps,
      }),
    humanInputFormFilled: (form: DifyHumanInputForm, filled: DifyFormFilled): Payload =>
      workflowEvent('human_input_form_filled', {
        node_id: form.nodeId,
        node_title: form.nodeTitle,
        rendered_content: filled.renderedContent,
        action_id: filled.actionId,
        action_text: filled.actionText,
        submitted_data: filled.submittedData,
      }),
    message: (answer: string): Payload => ({
      ...envelope('message'),
      id: ids.messageId,
      answer,
      from_variable_selector: ['llm', 'text'],
    }),
    messageEnd: (usage: DifyUsage): Payload => ({
      ...envelope('message_end'),
      id: ids.messageId,
      metadata: {retriever_resources: [], usage},
      files: [],
    }),
    workflowFinished: (result: DifyWorkflowResult): Payload =>
      workflowEvent('workflow_finished', {
        id: ids.workflowRunId,
        workflow_id: ids.workflowId,
        status: result.status,
        outputs: result.outputs,
        error: result.error,
        elapsed_time: result.elapsedTime,
        total_tokens: result.totalTokens,
        total_steps: result.totalSteps,
        created_by: {id: result.user, user: result.user},
        created_at: ids.createdAt,
        finished_at: result.finishedAt,
        exceptions_count: 0,
        files: [],
      }),
    /** In-band error; Dify's docs show task_id and message_id on it. */
    error: (status: number, code: string, message: string): Payload => ({
      ...envelope('error'),
      status,
      code,
      message,
    }),
  };
}

export type DifyEvents = ReturnType<typeof createDifyEvents>;

/** `message_end.metadata.usage`, priced like a small hosted model. */
export function difyUsage(
  promptTokens: number,
  completionTokens: number,
  latencySeconds: number,
  firstTokenSeconds: number,
): DifyUsage {
  const promptPrice = promptTokens * 0.15e-6;
  const completionPrice = completionTokens * 0.6e-6;
  return {
    prompt_tokens: promptTokens,
    prompt_unit_price: '0.15',
    prompt_price_unit: '0.000001',
    prompt_price: promptPrice.toFixed(7),
    completion_tokens: completionTokens,
    completion_unit_price: '0.6',
    completion_price_unit: '0.000001',
    completion_price: completionPrice.toFixed(7),
    total_tokens: promptTokens + completionTokens,
    total_price: (promptPrice + completionPrice).toFixed(7),
    currency: 'USD',
    latency: round3(latencySeconds),
    time_to_first_token: round3(firstTokenSeconds),
    time_to_generate: round3(Math.max(0, latencySeconds - firstTokenSeconds)),
  };
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
