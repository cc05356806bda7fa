import type {ControlResult} from '../controls.js';
import type {CommandContext} from './use-key-handler.js';

/** Shows what a control did (or why it failed) in the footer, now or once it settles. */
export function report(
  context: Pick<CommandContext, 'dispatch'>,
  result: ControlResult | Promise<ControlResult>,
): void {
  const {dispatch} = context;
  const show = (done: ControlResult) =>
    dispatch({type: 'message', text: done.message, level: done.ok ? 'info' : 'error'});
  if (!(result instanceof Promise)) return show(result);
  result.then(show, (error: unknown) =>
    dispatch({
      type: 'message',
      text: error instanceof Error ? error.message : String(error),
      level: 'error',
    }),
  );
}
