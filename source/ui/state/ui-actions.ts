import type {RestartedPane} from '../controls.js';
import type {EditOp} from './line-editor.js';
import type {Confirm, PaneView, RunFormFill} from './ui-state.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The actions of the answer view (state/answer-reducer.ts). */
export type AnswerAction = Extract<
  UiAction,
  {readonly type: `answer-${string}` | 'reasoning-toggle'}
>;

/** Every change to the UI state. The reducer handles each one exhaustively. */
export type UiAction =
  /** The stream set changed; `views`: the first view of panes that were not there before. */
  | {
      readonly type: 'streams';
      readonly names: readonly string[];
      readonly views?: Readonly<Record<string, PaneView>>;
    }
  | {readonly type: 'focus-next'}
  | {readonly type: 'focus-previous'}
  | {readonly type: 'focus-index'; readonly index: number}
  | {readonly type: 'focus-move'; readonly direction: Direction; readonly columns: number}
  | {readonly type: 'zoom-toggle'}
  | {readonly type: 'zoom-open'}
  | {readonly type: 'back'}
  | {readonly type: 'help-toggle'}
  | {readonly type: 'help-scroll'; readonly delta: number; readonly max: number}
  | {readonly type: 'timestamps-toggle'}
  | {readonly type: 'details-toggle'}
  | {readonly type: 'filter-start'}
  /** One line edit in the open text input (follow-up, else filter). */
  | {readonly type: 'input-edit'; readonly op: EditOp}
  /** Pasted text into the open text input; ignored when none is open. */
  | {readonly type: 'input-paste'; readonly text: string}
  | {readonly type: 'filter-commit'}
  | {readonly type: 'filter-cancel'}
  | {readonly type: 'select'; readonly name: string; readonly seq: number | undefined}
  | {readonly type: 'pretty-open'; readonly name: string; readonly seq: number}
  | {readonly type: 'pretty-scroll'; readonly delta: number; readonly max: number}
  | {readonly type: 'pretty-close'}
  | {readonly type: 'diagnostics-toggle'}
  | {readonly type: 'diagnostics-scroll'; readonly delta: number; readonly max: number}
  | {readonly type: 'answer-view-all'}
  | {readonly type: 'answer-view-toggle'}
  | {readonly type: 'reasoning-toggle'}
  | {readonly type: 'answer-input-start'; readonly name: string; readonly fresh?: boolean}
  /** Closes the follow-up input; `sent` goes into its history. */
  | {readonly type: 'answer-input-close'; readonly sent?: string}
  | {readonly type: 'answer-scroll'; readonly name: string; readonly top: number | undefined}
  | {readonly type: 'run-view-toggle'}
  | {readonly type: 'run-select'; readonly name: string; readonly index: number | undefined}
  | {readonly type: 'run-detail-toggle'; readonly name: string}
  | {readonly type: 'run-detail-scroll'; readonly delta: number}
  | {readonly type: 'run-form-start'; readonly name: string; readonly form: RunFormFill}
  /** The input line's answer to the form's current question; the line starts empty again. */
  | {readonly type: 'run-form-next'; readonly value: string}
  | {readonly type: 'confirm-open'; readonly confirm: Confirm}
  | {readonly type: 'confirm-close'}
  /**
   * A reload failed: the errors overlay opens with these lines (the next key
   * closes it); undefined: a later reload worked, the overlay closes.
   */
  | {readonly type: 'reload-errors'; readonly lines: readonly string[] | undefined}
  /** A reload started these panes over: their selection and scroll go, a changed first view applies. */
  | {readonly type: 'panes-restarted'; readonly panes: readonly RestartedPane[]}
  | {readonly type: 'message'; readonly text: string; readonly level: 'info' | 'error'}
  | {readonly type: 'message-expire'; readonly id: number};
