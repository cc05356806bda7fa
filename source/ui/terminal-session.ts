/**
 * The terminal modes the dashboard changes, and one idempotent restore that
 * undoes them: on quit, on signals, on a crash and at process exit.
 */

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';
const RESET_STYLE = '\u001B[0m';
const CLEAR_AND_HOME = '\u001B[2J\u001B[H';

export type TerminalSession = {
  /** Leaves the alternate screen, shows the cursor, ends raw mode. Safe to call again. */
  restore(): void;
  readonly restored: boolean;
};

export function enterTerminal(
  stdout: NodeJS.WriteStream,
  stdin: NodeJS.ReadStream,
): TerminalSession {
  let restored = false;
  stdout.write(ENTER_ALT_SCREEN + CLEAR_AND_HOME + HIDE_CURSOR);
  // Raw mode now, not when Ink's input hook mounts after the first frame: keys
  // typed in between would be echoed by the terminal onto the screen. They wait
  // in stdin's buffer until Ink reads them.
  try {
    if (stdin.isTTY && !stdin.isRaw) stdin.setRawMode(true);
  } catch {
    // Not a terminal after all: Ink says so when it needs raw mode.
  }
  return {
    get restored() {
      return restored;
    },
    restore() {
      if (restored) return;
      restored = true;
      try {
        if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
      } catch {
        // stdin may already be closed: nothing left to restore there.
      }
      try {
        stdout.write(RESET_STYLE + SHOW_CURSOR + LEAVE_ALT_SCREEN);
      } catch {
        // stdout may be gone (terminal closed): nothing to restore on it.
      }
    },
  };
}
