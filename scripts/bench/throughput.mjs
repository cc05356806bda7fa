// Events per second of a child process reading N flooding streams: the bare
// loop, or `ssedeck --json URL... > /dev/null`. Counted on the server side
// over a window that starts after a warm-up: the server writes only when a
// socket drains, so once the socket buffers are full (the reader is the slow
// side) the events the server writes in the window are the events the reader
// consumed in it. Start-up and the buffered backlog cancel out.
import {spawn} from 'node:child_process';
import {openSync, closeSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {cpuSeconds, rssBytes} from './pty-session.mjs';
import {sleep} from './stats.mjs';

const bareLoop = new URL('./bare-loop.mjs', import.meta.url).pathname;

/** Waits until every slot has received at least one event. */
export async function untilFlowing(server, slots, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!slots.every((slot) => server.count([slot]) > 0)) {
    if (Date.now() > deadline) throw new Error(`${what}: no events flowed within ${timeoutMs} ms`);
    await sleep(20);
  }
  // The first writes only fill the socket buffers: wait until the reader
  // drains some, so the warm-up starts once it really reads.
  await sleep(100);
  const filled = server.count(slots);
  while (server.count(slots) === filled && Date.now() < deadline) await sleep(20);
}

/**
 * One run: `kind` is 'bare' or 'headless'. Returns {rate, cpu, rss}: events/s,
 * CPU of the child in % of one core over the window, and its RSS at the end.
 */
export async function throughputRun(server, kind, streams, config, repoRoot) {
  server.reset();
  const slots = Array.from({length: streams}, (_, i) => i);
  const urls = slots.map((slot) => server.streamUrl(slot));
  const args =
    kind === 'bare'
      ? [bareLoop, ...urls]
      : ['dist/cli.js', '--json', '--reconnect', 'never', '--idle-timeout', '0', ...urls];
  const devNull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, args, {cwd: repoRoot, stdio: ['ignore', devNull, 'pipe']});
  closeSync(devNull);
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  try {
    await untilFlowing(server, slots, config.startTimeoutMs, `${kind} ${streams}`);
    await sleep(config.warmupMs);
    const startCount = server.count(slots);
    const startCpu = cpuSeconds(child.pid, config.clockTicks);
    const start = performance.now();
    await sleep(config.windowMs);
    const count = server.count(slots) - startCount;
    const cpu = cpuSeconds(child.pid, config.clockTicks) - startCpu;
    const seconds = (performance.now() - start) / 1000;
    const rss = rssBytes(child.pid);
    if (child.exitCode !== null)
      throw new Error(`${kind} exited early (${child.exitCode}): ${stderr.slice(0, 300)}`);
    return {rate: count / seconds, cpu: (cpu / seconds) * 100, rss};
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  }
}
