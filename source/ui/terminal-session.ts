/**
 * The terminal modes the dashboard changes (alternate screen, hidden cursor,
 * raw mode, bracketed paste), and one idempotent restore that undoes them:
 * on quit, on signals, on a crash and at process exit. Ctrl-Z suspends the
 * same way and resumes by entering the modes again.
 */

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';
export const ENABLE_PASTE = '\u001B[?2004h';
export const DISABLE_PASTE = '\u001B[?2004l';
const RESET_STYLE = '\u001B[0m';
const CLEAR_AND_HOME = '\u001B[2J\u001B[H';

export const ENTER_SEQUENCE = ENTER_ALT_SCREEN + CLEAR_AND_HOME + HIDE_CURSOR + ENABLE_PASTE;
export const LEAVE_SEQUENCE = DISABLE_PASTE + RESET_STYLE + SHOW_CURSOR + LEAVE_ALT_SCREEN;

export type TerminalSession = {
  /** Leaves the alternate screen and paste mode, shows the cursor, ends raw mode. Safe to call again. */
  restore(): void;
  readonly restored: boolean;
  /** Gives the terminal back for a while (Ctrl-Z): like restore, but resume() undoes it. */
  suspend(): void;
  /** Enters every mode again after suspend() (on SIGCONT). */
  resume(): void;
};

function setRaw(stdin: NodeJS.ReadStream, raw: boolean): void {
  try {
    if (stdin.isTTY && stdin.isRaw !== raw) stdin.setRawMode(raw);
  } catch {
    // Not a terminal after all (Ink says so when it needs raw mode), or closed.
  }
}

function write(stdout: NodeJS.WriteStream, text: string): void {
  try {
    stdout.write(text);
  } catch {
    // stdout may be gone (terminal closed): nothing to restore on it.
  }
}

export function enterTerminal(
  stdout: NodeJS.WriteStream,
  stdin: NodeJS.ReadStream,
): TerminalSession {
  let restored = false;
  let suspended = false;
  const enter = (): void => {
    write(stdout, ENTER_SEQUENCE);
    // Raw mode now, not when Ink's input hook mounts after the first frame: keys
    // typed in between would be echoed by the terminal onto the screen. They wait
    // in stdin's buffer until Ink reads them.
    setRaw(stdin, true);
  };
  const leave = (): void => {
    setRaw(stdin, false);
    write(stdout, LEAVE_SEQUENCE);
  };
  enter();
  return {
    get restored() {
      return restored;
    },
    restore() {
      if (restored) return;
      restored = true;
      if (suspended) return;
      leave();
    },
    suspend() {
      if (restored || suspended) return;
      suspended = true;
      leave();
    },
    resume() {
      if (restored || !suspended) return;
      suspended = false;
      enter();
    },
  };
}
