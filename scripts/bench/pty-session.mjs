// The dashboard in a real pseudo-terminal (node-pty), its screen emulated by
// @xterm/headless, as test/e2e/helpers/pty-terminal.ts does for the tests.
// It also counts what the program writes: bytes, frames (synchronized-update
// markers Ink writes around each frame, or write bursts when there are
// none), and lets a caller wait for a screen condition checked after every
// chunk the terminal has parsed (not on a polling tick, so latencies are not
// quantized).
import {Buffer} from 'node:buffer';
import {clearTimeout, setTimeout} from 'node:timers';
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import xterm from '@xterm/headless';
import pty from 'node-pty';

const BSU = '\u001B[?2026h';
const BURST_GAP_MS = 4;

export function spawnDashboard(args, {columns = 160, rows = 48, cwd, nodeOptions = []} = {}) {
  const terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 0});
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'CI' && key !== 'CONTINUOUS_INTEGRATION') env[key] = value;
  }
  env.TERM = 'xterm-256color';
  delete env.NODE_OPTIONS;
  const child = pty.spawn(process.execPath, [...nodeOptions, ...args], {
    name: 'xterm-256color',
    cols: columns,
    rows,
    cwd,
    env,
  });
  const stats = {bytes: 0, syncFrames: 0, bursts: 0};
  let tail = '';
  let lastChunkAt = 0;
  let exitCode;
  const watchers = new Set();
  child.onData((data) => {
    const now = performance.now();
    stats.bytes += Buffer.byteLength(data);
    const scan = tail + data;
    for (let at = scan.indexOf(BSU); at !== -1; at = scan.indexOf(BSU, at + 1)) stats.syncFrames++;
    tail = scan.slice(-(BSU.length - 1));
    if (now - lastChunkAt > BURST_GAP_MS) stats.bursts++;
    lastChunkAt = now;
    terminal.write(data, () => {
      if (watchers.size === 0) return;
      const text = screenText();
      for (const watcher of watchers) watcher(text);
    });
  });
  child.onExit(({exitCode: code}) => {
    exitCode = code;
    for (const watcher of watchers) watcher(undefined);
  });

  function screenText() {
    const buffer = terminal.buffer.active;
    const lines = [];
    for (let row = 0; row < terminal.rows; row++)
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Resolves with the screen once `predicate(screen)` holds; rejects after `timeoutMs`. */
  function waitFor(predicate, timeoutMs, what = 'the expected screen') {
    return new Promise((resolve, reject) => {
      const done = (error, text) => {
        watchers.delete(watcher);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(text);
      };
      const watcher = (text) => {
        if (text === undefined)
          return done(new Error(`dashboard exited (${exitCode}) waiting for ${what}`));
        if (predicate(text)) done(undefined, text);
      };
      const timer = setTimeout(
        () =>
          done(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${screenText()}`,
            ),
          ),
        timeoutMs,
      );
      watchers.add(watcher);
      terminal.write('', () => watchers.has(watcher) && watcher(screenText()));
    });
  }

  return {
    pid: child.pid,
    stats,
    screenText,
    waitFor,
    write: (data) => child.write(data),
    exited: () => exitCode !== undefined,
    async stop() {
      if (exitCode === undefined) {
        try {
          child.kill('SIGKILL');
        } catch {
          // Already gone.
        }
        const deadline = Date.now() + 3000;
        while (exitCode === undefined && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 20));
      }
      terminal.dispose();
    },
  };
}

/** utime + stime of a process in seconds, from /proc/PID/stat. */
export function cpuSeconds(pid, ticksPerSecond) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

/** VmRSS of a process in bytes, from /proc/PID/status. */
export function rssBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : Number.NaN;
}
