import {readFileSync} from 'node:fs';
import xterm from '@xterm/headless';
import {spawn, type IPty} from 'node-pty';

/**
 * A program running in a real pseudo-terminal, with its screen emulated by
 * xterm.js so tests assert on what a person would see. Every wait is bounded.
 */
export type PtyScreen = {
  readonly pty: IPty;
  /** The visible rows of the active buffer (alternate or normal), trailing spaces trimmed. */
  screen(): string[];
  screenText(): string;
  /** True while the alternate screen buffer is active. */
  isAlternate(): boolean;
  write(data: string): void;
  resize(columns: number, rows: number): void;
  /** Polls until `predicate` holds for the screen; rejects with the screen after `timeoutMs`. */
  waitFor(predicate: (text: string) => boolean, timeoutMs: number, what?: string): Promise<string>;
  /** Resolves with the exit code, or rejects after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<number>;
  readonly output: () => string;
  /** Sends `signal` to the program the shell started (the pty's first child process). */
  signalChild(signal: NodeJS.Signals): void;
  kill(): void;
};

export type SpawnOptions = {
  readonly columns: number;
  readonly rows: number;
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
};

const POLL_MS = 50;

export function spawnInPty(command: string, args: string[], options: SpawnOptions): PtyScreen {
  const terminal = new xterm.Terminal({
    cols: options.columns,
    rows: options.rows,
    allowProposedApi: true,
    scrollback: 200,
  });
  // CI=... makes Ink print only the last frame; a person's terminal has no CI variable.
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({...process.env, ...options.env})) {
    if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION') env[key] = value;
  }
  env['TERM'] = 'xterm-256color';
  const pty = spawn(command, args, {
    name: 'xterm-256color',
    cols: options.columns,
    rows: options.rows,
    cwd: options.cwd,
    env,
  });
  let raw = '';
  let exitCode: number | undefined;
  let killed = false;
  pty.onData((data) => {
    raw += data;
    terminal.write(data);
  });
  pty.onExit(({exitCode: code}) => {
    exitCode = code;
  });
  // xterm.js parses asynchronously: wait for its queue before reading the buffer.
  const drained = () => new Promise<void>((resolve) => terminal.write('', resolve));

  const screen = (): string[] => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < terminal.rows; row++) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return lines;
  };

  return {
    pty,
    screen,
    screenText: () => screen().join('\n'),
    isAlternate: () => terminal.buffer.active.type === 'alternate',
    write: (data) => pty.write(data),
    resize(columns, rows) {
      pty.resize(columns, rows);
      terminal.resize(columns, rows);
    },
    async waitFor(predicate, timeoutMs, what = 'the expected screen') {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await drained();
        const text = screen().join('\n');
        if (predicate(text)) return text;
        if (Date.now() > deadline || exitCode !== undefined) {
          throw new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}` +
              `${exitCode === undefined ? '' : ` (process exited with ${exitCode})`}; screen:\n${text}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    },
    async waitForExit(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (exitCode === undefined) {
        if (Date.now() > deadline) throw new Error(`process did not exit within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      await drained();
      return exitCode;
    },
    output: () => raw,
    signalChild(signal) {
      const children = readFileSync(`/proc/${pty.pid}/task/${pty.pid}/children`, 'utf8').trim();
      const child = Number(children.split(/\s+/)[0]);
      if (!Number.isInteger(child) || child <= 0) throw new Error(`no child process of ${pty.pid}`);
      process.kill(child, signal);
    },
    kill() {
      if (killed) return;
      killed = true;
      if (exitCode === undefined) {
        try {
          pty.kill('SIGKILL');
        } catch {
          // Already gone.
        }
      }
      terminal.dispose();
    },
  };
}
