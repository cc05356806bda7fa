import type {ReloadOutcome} from '../controls.js';
import type {UiAction} from './ui-actions.js';

/**
 * What a reload's outcome does to the UI: failed, the errors overlay; a
 * POST to re-send, the y/n line; else the footer message. A reload that
 * worked (--watch after the fix) also closes the errors of an earlier one.
 */
export function reloadOutcomeActions(outcome: ReloadOutcome): UiAction[] {
  switch (outcome.kind) {
    case 'errors':
      return [{type: 'reload-errors', lines: outcome.lines}];
    case 'confirm':
      return [
        {type: 'reload-errors', lines: undefined},
        {type: 'panes-restarted', panes: outcome.restarted ?? []},
        {type: 'confirm-open', confirm: {text: outcome.text, action: 'reload'}},
      ];
    case 'message':
      return [
        {type: 'reload-errors', lines: undefined},
        {type: 'panes-restarted', panes: outcome.restarted ?? []},
        {type: 'message', text: outcome.text, level: 'info'},
      ];
  }
}
