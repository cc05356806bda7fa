import {assertNever} from '../assert-never.js';
import type {Command} from '../keymap.js';
import {answerLayoutOf} from '../answer/layout.js';
import {paneChrome} from '../pane-counters.js';
import {answerDraft, focusedName} from '../state/ui-state.js';
import {sendFormLine, startFormFill} from './run-commands.js';
import type {CommandContext} from './use-key-handler.js';
import {report} from './report-result.js';

/** The answer view's keys: a/A, h, i (and the input line), x, and scrolling a zoomed answer. */

export type AnswerCommand = Extract<Command, {readonly type: `answer-${string}` | 'reasoning'}>;

type ScrollCommand = Extract<Command, {type: 'scroll' | 'scroll-top' | 'scroll-bottom'}>;

const answerCommandTypes: Readonly<Record<AnswerCommand['type'], true>> = {
  'answer-view-all': true,
  'answer-view-toggle': true,
  reasoning: true,
  'answer-input': true,
  'answer-new': true,
  'answer-stop': true,
  'answer-send': true,
  'answer-cancel': true,
};

export function isAnswerCommand(command: Command): command is AnswerCommand {
  return Object.hasOwn(answerCommandTypes, command.type);
}

/** True when the zoomed pane shows an answer, so scroll keys move through it. */
export function scrollsAnswer(context: CommandContext, name: string): boolean {
  const {state, store} = context;
  return (
    state.view === 'zoom' &&
    !state.pretty &&
    state.answerView[name] === true &&
    store.getAnswerSnapshot(name) !== undefined
  );
}

export function scrollAnswer(context: CommandContext, name: string, command: ScrollCommand): void {
  const {state, store, layout, dispatch, glyphs} = context;
  const snapshot = store.getAnswerSnapshot(name);
  if (!snapshot) return;
  // The zoomed pane's body, as the pane lays it out.
  const {bodyHeight} = paneChrome(
    store.getSnapshot(name),
    Date.now(),
    layout.width,
    layout.paneArea,
    glyphs,
  );
  const view = answerLayoutOf(snapshot, {
    width: layout.width,
    height: bodyHeight,
    reasoning: state.reasoning,
    input: answerDraft(state, name),
    scrollTop: state.answerScroll[name],
    glyphs,
  });
  const max = Math.max(0, view.total - view.rows);
  let top: number | undefined;
  if (command.type === 'scroll') {
    const step = command.unit === 'page' ? Math.max(1, view.rows) : 1;
    top = Math.max(0, Math.min(max, view.top + command.delta * step));
  } else if (command.type === 'scroll-top') {
    top = 0;
  }
  dispatch({type: 'answer-scroll', name, top: top === undefined || top >= max ? undefined : top});
}

/** The focused stream's name when it has an answer preset; otherwise says why not. */
function chatStream(context: CommandContext, key: string): string | undefined {
  const {state, store, dispatch} = context;
  const name = focusedName(state);
  if (name === undefined) return undefined;
  const preset = store.getAnswerSnapshot(name)?.preset ?? 'none';
  if (preset !== 'none') return name;
  dispatch({
    type: 'message',
    text: `${key}: ${name} is not a chat stream (answer preset ${preset})`,
    level: 'error',
  });
  return undefined;
}

function send(context: CommandContext): void {
  const {state, dispatch, controls, glyphs} = context;
  const input = state.answerInput;
  if (!input) return;
  const query = input.draft.trim();
  dispatch({type: 'answer-input-close', sent: query});
  if (query === '') {
    dispatch({type: 'message', text: 'nothing to send', level: 'info'});
    return;
  }
  dispatch({type: 'answer-scroll', name: input.name, top: undefined});
  dispatch({type: 'message', text: `asking ${input.name}${glyphs.ellipsis}`, level: 'info'});
  report(context, controls.askFollowUp(input.name, query, input.fresh));
}

export function runAnswerCommand(context: CommandContext, command: AnswerCommand): void {
  const {dispatch, controls, glyphs} = context;
  switch (command.type) {
    case 'answer-view-all':
      return dispatch({type: 'answer-view-all'});
    case 'answer-view-toggle':
      return dispatch({type: 'answer-view-toggle'});
    case 'reasoning':
      return dispatch({type: 'reasoning-toggle'});
    case 'answer-input':
    case 'answer-new': {
      const fresh = command.type === 'answer-new';
      const focused = focusedName(context.state);
      if (!fresh && focused !== undefined && startFormFill(context, focused)) return;
      const name = chatStream(context, fresh ? 'n' : 'i');
      if (name !== undefined) dispatch({type: 'answer-input-start', name, fresh});
      return;
    }
    case 'answer-stop': {
      const name = chatStream(context, 'x');
      if (name === undefined) return;
      dispatch({
        type: 'message',
        text: `stopping the answer of ${name}${glyphs.ellipsis}`,
        level: 'info',
      });
      return report(context, controls.stopAnswer(name));
    }
    case 'answer-cancel':
      return dispatch({type: 'answer-input-close'});
    case 'answer-send':
      return context.state.answerInput?.form ? sendFormLine(context) : send(context);
    default:
      return assertNever(command, 'answer command');
  }
}
