import type {Command} from '../keymap.js';
import {focusedName, formPrompt, type RunFormFill} from '../state/ui-state.js';
import {report} from './report-result.js';
import type {CommandContext} from './use-key-handler.js';

/** The run view's keys: f (toggle), u (re-attach), i on a paused form, j/k node selection. */

export type RunCommand = Extract<Command, {readonly type: `run-${string}`}>;

type ScrollCommand = Extract<Command, {type: 'scroll' | 'scroll-top' | 'scroll-bottom'}>;

export function isRunCommand(command: Command): command is RunCommand {
  return command.type === 'run-view-toggle' || command.type === 'run-reattach';
}

/** True when the focused pane shows the run view of a Dify stream. */
export function showsRun(context: CommandContext, name: string): boolean {
  return context.state.runView[name] === true && context.store.getRunSnapshot(name) !== undefined;
}

export function runRunCommand(context: CommandContext, command: RunCommand): void {
  const {state, dispatch, controls, store} = context;
  const name = focusedName(state);
  if (name === undefined) return;
  if (command.type === 'run-view-toggle') {
    if (!state.runView[name] && store.getRunSnapshot(name) === undefined) {
      dispatch({type: 'message', text: `f: ${name} is not a Dify stream`, level: 'error'});
      return;
    }
    dispatch({type: 'run-view-toggle'});
    return;
  }
  report(context, controls.reattach(name));
}

/** `i` in the run view of a run paused on a form: fill it. False when there is no such form. */
export function startFormFill(context: CommandContext, name: string): boolean {
  if (!showsRun(context, name)) return false;
  const form = context.store.getRunSnapshot(name)?.current.humanInput;
  if (form === undefined || form.state !== 'pending') return false;
  if (form.formToken === undefined) {
    context.dispatch({
      type: 'message',
      text: `${name}: this form has no form_token (e-mail delivery); fill it where it was sent`,
      level: 'error',
    });
    return true;
  }
  const fill: RunFormFill = {
    formToken: form.formToken,
    fields: form.inputs.map((field) => field.outputVariableName),
    actions: form.actions.map((action) => action.id),
    values: [],
  };
  context.dispatch({type: 'run-form-start', name, form: fill});
  return true;
}

/** Enter on the form's input line: the next question, or the submit once the action is given. */
export function sendFormLine(context: CommandContext): void {
  const {state, dispatch, controls} = context;
  const input = state.answerInput;
  const form = input?.form;
  if (!input || !form) return;
  const value = input.draft.trim();
  if (form.values.length < form.fields.length) {
    dispatch({type: 'run-form-next', value});
    return;
  }
  const action =
    form.actions.find((id) => id === value) ??
    (form.actions.length === 1 && value === '' ? form.actions[0] : undefined);
  if (action === undefined) {
    dispatch({
      type: 'message',
      text: `pick one of: ${form.actions.join(', ')} (${formPrompt(form)})`,
      level: 'error',
    });
    return;
  }
  const inputs = Object.fromEntries(
    form.fields.map((field, index) => [field, form.values[index] ?? '']),
  );
  dispatch({type: 'answer-input-close'});
  dispatch({
    type: 'message',
    text: `submitting the form of ${input.name}${context.glyphs.ellipsis}`,
    level: 'info',
  });
  report(context, controls.submitForm(input.name, {formToken: form.formToken, inputs, action}));
}

/** j/k/g/G in the zoomed run view select a node row. */
export function scrollRun(context: CommandContext, name: string, command: ScrollCommand): void {
  const count = context.store.getRunSnapshot(name)?.current.nodes.length ?? 0;
  if (count === 0) return;
  const current = context.state.runSelected[name];
  let index: number | undefined;
  if (command.type === 'scroll-top') index = 0;
  else if (command.type === 'scroll-bottom') index = undefined;
  else {
    const step = command.unit === 'page' ? 10 : 1;
    const from = current ?? count;
    index = Math.max(0, Math.min(count - 1, from + command.delta * step));
  }
  context.dispatch({type: 'run-select', name, index});
}

/** Enter in the zoomed run view with a node selected: open (or close) its details. */
export function toggleRunDetail(context: CommandContext): boolean {
  const {state, dispatch} = context;
  const name = focusedName(state);
  if (name === undefined || state.view !== 'zoom' || !showsRun(context, name)) return false;
  if (state.runDetail === undefined && state.runSelected[name] === undefined) return false;
  dispatch({type: 'run-detail-toggle', name});
  return true;
}
