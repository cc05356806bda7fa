import {
  arrayAt,
  isJsonObject,
  numberAt,
  objectAt,
  stringAt,
  textAt,
  type JsonObject,
} from '../answer/json-value.js';
import type {RunWork} from './run-state.js';
import type {HumanInputAction, HumanInputField, HumanInputForm} from './form-types.js';
import type {AgentStep} from './types.js';

/**
 * The chat side of a run: answer text (kept only for a replacement to
 * show what was replaced), agent steps, message_end usage, human input forms.
 */

/** message / agent_message / text_chunk text; the client TTFT starts at the first non-empty one. */
export function onAnswerText(work: RunWork, text: string, at: number): void {
  if (text.length === 0) return;
  work.answerText += text;
  work.firstAnswerAt ??= at;
}

export function onReplace(
  work: RunWork,
  event: 'message_replace' | 'text_replace',
  text: string,
  reason: string | undefined,
  at: number,
): void {
  work.replacements.push({event, reason, previousText: work.answerText, text, at});
  work.answerText = text;
}

/** agent_thought: the same id updates its row (keeping the message text), a new id adds one. */
export function onAgentThought(work: RunWork, payload: JsonObject): void {
  const id = textAt(payload, 'id') ?? `#${work.agentSteps.length + 1}`;
  const index = work.agentIndex.get(id);
  const previous = index === undefined ? undefined : work.agentSteps[index];
  const step: AgentStep = {
    id,
    position: numberAt(payload, 'position') ?? previous?.position,
    thought: stringAt(payload, 'thought') ?? previous?.thought ?? '',
    tool: stringAt(payload, 'tool') ?? previous?.tool ?? '',
    toolInput: stringAt(payload, 'tool_input') ?? previous?.toolInput ?? '',
    observation: stringAt(payload, 'observation') ?? previous?.observation ?? '',
    message: previous?.message ?? '',
  };
  if (index === undefined) {
    work.agentIndex.set(id, work.agentSteps.length);
    work.agentSteps.push(step);
  } else {
    work.agentSteps[index] = step;
  }
}

/** agent_message text goes under the latest thought (as Dify's web client shows it). */
export function onAgentMessage(work: RunWork, text: string): boolean {
  if (text.length === 0) return false;
  const last = work.agentSteps.length - 1;
  if (last < 0) {
    work.agentPreamble += text;
    return true;
  }
  const step = work.agentSteps[last]!;
  work.agentSteps[last] = {...step, message: step.message + text};
  return true;
}

/** message_end metadata.usage: totals and Dify's own time to first token. */
export function onMessageEndUsage(work: RunWork, payload: JsonObject): void {
  const usage = objectAt(objectAt(payload, 'metadata'), 'usage');
  if (usage === undefined) return;
  work.usageTokens = numberAt(usage, 'total_tokens') ?? work.usageTokens;
  work.usagePrice =
    stringAt(usage, 'total_price') ?? textOf(numberAt(usage, 'total_price')) ?? work.usagePrice;
  work.usageCurrency = textAt(usage, 'currency') ?? work.usageCurrency;
  work.latencySeconds = numberAt(usage, 'latency') ?? work.latencySeconds;
  work.serverTtftSeconds = numberAt(usage, 'time_to_first_token') ?? work.serverTtftSeconds;
}

function textOf(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function readFields(value: readonly unknown[] | undefined): HumanInputField[] {
  return (value ?? []).filter(isJsonObject).map((field) => ({
    type: stringAt(field, 'type') ?? '',
    outputVariableName: stringAt(field, 'output_variable_name') ?? '',
    default: field['default'] ?? null,
  }));
}

function readActions(value: readonly unknown[] | undefined): HumanInputAction[] {
  return (value ?? []).filter(isJsonObject).map((action) => ({
    id: stringAt(action, 'id') ?? '',
    title: stringAt(action, 'title') ?? stringAt(action, 'id') ?? '',
    buttonStyle: textAt(action, 'button_style'),
  }));
}

/** human_input_required: the form to show (and submit with its form_token). */
export function readHumanInputForm(data: JsonObject): HumanInputForm {
  const defaults = objectAt(data, 'resolved_default_values');
  return {
    formToken: textAt(data, 'form_token'),
    formId: textAt(data, 'form_id'),
    nodeId: stringAt(data, 'node_id') ?? '',
    nodeTitle: stringAt(data, 'node_title') ?? '',
    formContent: stringAt(data, 'form_content') ?? '',
    inputs: readFields(arrayAt(data, 'inputs')),
    actions: readActions(arrayAt(data, 'actions')),
    resolvedDefaultValues: defaults ?? {},
    expirationTime: numberAt(data, 'expiration_time'),
    state: 'pending',
    actionId: undefined,
    actionText: undefined,
  };
}

/** human_input_form_filled / human_input_form_timeout (the first events of a resumed stream). */
export function resolveHumanInput(
  work: RunWork,
  data: JsonObject | undefined,
  state: 'filled' | 'timeout',
): void {
  const form: HumanInputForm = work.humanInput ?? {
    ...readHumanInputForm(data ?? {}),
    inputs: [],
    actions: [],
  };
  work.humanInput = {
    ...form,
    state,
    actionId: textAt(data, 'action_id') ?? form.actionId,
    actionText: textAt(data, 'action_text') ?? form.actionText,
  };
}
