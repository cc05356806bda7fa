import {scrollDelta, type Command} from '../keymap.js';
import {detailLines} from '../diagnostics/detail-lines.js';
import {paneChrome} from '../pane-counters.js';
import type {CommandContext} from './use-key-handler.js';

/** The Last-Event-ID the stream's latest request sent ("" before any). */
export function lastSentId(context: CommandContext, name: string): string {
  return context.store.getSnapshot(name).diagnostics?.history.at(-1)?.lastEventIdSent ?? '';
}

/** `D`: opens or closes the focused pane's details view (zooming in). */
export function toggleDiagnostics(context: CommandContext): void {
  context.dispatch({type: 'diagnostics-toggle'});
}

/** `C`: the focused stream's request as a curl command on the clipboard (OSC 52). */
export function copyCurl(context: CommandContext, name: string): void {
  const {controls, dispatch} = context;
  const request = controls.requestOf?.(name, lastSentId(context, name));
  if (!request) {
    dispatch({type: 'message', text: `${name}: no request to copy`, level: 'error'});
    return;
  }
  if (controls.clipboardOff?.(name) === true) {
    dispatch({
      type: 'message',
      text: `not copied: OSC 52 is off for ${name} (--no-osc52 or osc52: false in its profile)`,
      level: 'error',
    });
    return;
  }
  const copied = controls.copyToClipboard?.(request.curl) ?? false;
  dispatch(
    copied
      ? {
          type: 'message',
          text: `copied ${name}'s request as curl (OSC 52; secrets as \${VAR})`,
          level: 'info',
        }
      : {type: 'message', text: 'copy failed: the command is too long', level: 'error'},
  );
}

/** Scrolls the details view by line, page, or to either end. */
export function scrollDiagnostics(context: CommandContext, name: string, command: Command): void {
  const {store, layout, dispatch, controls} = context;
  const snapshot = store.getSnapshot(name);
  const now = Date.now();
  const page = Math.max(1, paneChrome(snapshot, now, layout.width, layout.paneArea).bodyHeight);
  const rows = detailLines({
    diagnostics: snapshot.diagnostics,
    response: snapshot.response,
    request: controls.requestOf?.(name, lastSentId(context, name)),
    now,
    width: layout.width,
  }).length;
  const max = Math.max(0, rows - page);
  const delta = scrollDelta(command, page);
  dispatch({type: 'diagnostics-scroll', delta, max});
}
