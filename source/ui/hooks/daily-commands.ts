import {applyFilter} from '../../core/store/filter.js';
import type {Command} from '../keymap.js';
import {reloadOutcomeActions} from '../state/reload-actions.js';
import {activeFilter, focusedName} from '../state/ui-state.js';
import {selectedIndex} from '../zoom-model.js';
import type {CommandContext} from './use-key-handler.js';

/**
 * The daily driver's keys: Y (copy), w (transcript), R (asks before re-sending
 * POSTs), L (reload the profiles; its outcome arrives through onReload), Enter on READY.
 */

export type DailyCommand = Extract<
  Command,
  {
    readonly type:
      'copy' | 'transcript' | 'confirm-yes' | 'confirm-no' | 'reconnect-all' | 'reload';
  }
>;

const dailyTypes: Readonly<Record<DailyCommand['type'], true>> = {
  copy: true,
  transcript: true,
  'confirm-yes': true,
  'confirm-no': true,
  'reconnect-all': true,
  reload: true,
};

export function isDailyCommand(command: Command): command is DailyCommand {
  return Object.hasOwn(dailyTypes, command.type);
}

/** True when the focused pane waits READY: Enter sends it instead of zooming. */
export function sendsReady(context: CommandContext): boolean {
  const name = focusedName(context.state);
  if (name === undefined) return false;
  const {connection} = context.store.getSnapshot(name);
  return connection.kind === 'idle' && connection.ready !== undefined;
}

/** `Y`'s text: the focused answer in the answer view, else the selected (or newest) event's data. */
function copyText(context: CommandContext, name: string): {text: string; what: string} | undefined {
  const {state, store} = context;
  const answer = store.getAnswerSnapshot(name);
  if (state.answerView[name] === true && answer) {
    const runs = [answer.current, ...[...answer.history].reverse()];
    const run = runs.find((candidate) => candidate.text.trim() !== '');
    if (!run) return undefined;
    const partial = run.status === 'stopped' ? ' (stopped: partial)' : '';
    return {text: run.text, what: `the answer of ${name}${partial}`};
  }
  const entries = applyFilter(
    store.getSnapshot(name).entries,
    activeFilter(state, name),
  ).entries.filter((entry) => entry.kind === 'event');
  if (entries.length === 0) return undefined;
  const selected = state.view === 'zoom' ? state.selection[name] : undefined;
  const entry = entries[selectedIndex(entries, selected)] ?? entries.at(-1);
  if (!entry) return undefined;
  return {text: entry.data, what: `the data of event #${entry.eventNumber} of ${name}`};
}

function copy(context: CommandContext, name: string): void {
  const {controls, dispatch} = context;
  const found = copyText(context, name);
  if (!found) {
    dispatch({type: 'message', text: `${name}: nothing to copy yet`, level: 'info'});
    return;
  }
  const result = controls.copyStreamText?.(name, found.text) ?? 'too-long';
  if (result === 'off') {
    dispatch({
      type: 'message',
      text: `not copied: OSC 52 is off for ${name} (--no-osc52 or osc52: false in its profile)`,
      level: 'error',
    });
    return;
  }
  dispatch(
    result === 'copied'
      ? {type: 'message', text: `copied ${found.what} (OSC 52)`, level: 'info'}
      : {type: 'message', text: 'copy failed: the text is too long for OSC 52', level: 'error'},
  );
}

function writeTranscript(context: CommandContext, name: string): void {
  const {controls, dispatch, store} = context;
  if (!store.getAnswerSnapshot(name) || !controls.writeTranscript) {
    dispatch({type: 'message', text: `w: ${name} has no answer preset`, level: 'error'});
    return;
  }
  controls.writeTranscript(name).then(
    (path) =>
      dispatch({
        type: 'message',
        text: `wrote the transcript of ${name} to ${path}`,
        level: 'info',
      }),
    (error: unknown) =>
      dispatch({
        type: 'message',
        text: `transcript failed: ${error instanceof Error ? error.message : String(error)}`,
        level: 'error',
      }),
  );
}

function reconnectAll(context: CommandContext): void {
  const {controls, dispatch} = context;
  const count = controls.bodyRequestCount?.() ?? 0;
  if (count > 0) {
    const requests = count === 1 ? 'request' : 'requests';
    dispatch({
      type: 'confirm-open',
      confirm: {text: `re-send ${count} POST ${requests}? y/n`, action: 'reconnect-all'},
    });
    return;
  }
  controls.reconnectAll();
  dispatch({type: 'message', text: 'reconnecting every stream', level: 'info'});
}

function reload(context: CommandContext): void {
  const {controls, dispatch} = context;
  if (!controls.reload) {
    dispatch({type: 'message', text: 'L: no profiles to reload', level: 'info'});
    return;
  }
  void controls.reload();
}

function confirmed(context: CommandContext, yes: boolean): void {
  const {state, dispatch, controls} = context;
  dispatch({type: 'confirm-close'});
  if (state.confirm?.action === 'reload') {
    const outcome = controls.confirmReload?.(yes);
    if (outcome) for (const action of reloadOutcomeActions(outcome)) dispatch(action);
    return;
  }
  if (!yes) return dispatch({type: 'message', text: 'not re-sent', level: 'info'});
  controls.reconnectAll();
  dispatch({type: 'message', text: 'reconnecting every stream', level: 'info'});
}

export function runDailyCommand(context: CommandContext, command: DailyCommand): void {
  const {state} = context;
  const name = focusedName(state) ?? '';
  switch (command.type) {
    case 'copy':
      return copy(context, name);
    case 'transcript':
      return writeTranscript(context, name);
    case 'reconnect-all':
      return reconnectAll(context);
    case 'reload':
      return reload(context);
    case 'confirm-yes':
      return confirmed(context, true);
    case 'confirm-no':
      return confirmed(context, false);
  }
}
