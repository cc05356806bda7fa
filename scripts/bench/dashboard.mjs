// The dashboard (`node dist/cli.js URL...`) in a real 160x48 pty.
import {existsSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {cpuSeconds, rssBytes, spawnDashboard} from './pty-session.mjs';
import {sleep} from './stats.mjs';
import {untilFlowing} from './throughput.mjs';

const heapProbe = new URL('./heap-probe.mjs', import.meta.url).pathname;
const HELP_TITLE = 'ssedeck keys';
const ESC = '\u001B';

/** The dashboard on `streams` flood-server streams named s0..sN-1. */
function startDashboard(server, streams, query, repoRoot, extra = {}) {
  const args = ['dist/cli.js', '--idle-timeout', '0'];
  if (extra.reconnectNever) args.push('--reconnect', 'never');
  for (let i = 0; i < streams; i++) args.push('--name', `s${i}`);
  for (let i = 0; i < streams; i++) args.push(server.streamUrl(i, query));
  return spawnDashboard(args, {cwd: repoRoot, nodeOptions: extra.nodeOptions ?? []});
}

const paneTitles = (streams) => (text) => {
  for (let i = 0; i < streams; i++) if (!new RegExp(`[━─] \\d+ s${i} `).test(text)) return false;
  return true;
};

/** The largest "N ev" on the screen: the footer's total (the panes' counts add up to it). */
export function screenEvents(text) {
  let most = -1;
  for (const match of text.matchAll(/(\d[\d,]*) ev\b/g))
    most = Math.max(most, Number(match[1].replaceAll(',', '')));
  return most;
}

/**
 * 8 flooding streams: ingest (the dashboard's own total, between frames), frames/s, bytes/s, CPU, RSS over a
 * window; then `presses` key presses (? opens help, Esc closes it), each
 * timed from the write to the xterm buffer showing / no longer showing the
 * help's title.
 */
export async function floodRun(server, config, repoRoot, presses) {
  server.reset();
  const slots = Array.from({length: 8}, (_, i) => i);
  const dashboard = startDashboard(server, 8, {}, repoRoot);
  try {
    await dashboard.waitFor(paneTitles(8), config.startTimeoutMs, 'the 8 panes');
    await untilFlowing(server, slots, config.startTimeoutMs, 'dashboard');
    await sleep(config.dashboardWarmupMs);
    // Ingest as the dashboard counts it: its total at a frame, then at a frame
    // after the window (the screen updates only with frames).
    const frameTotal = async () => {
      const seen = screenEvents(dashboard.screenText());
      const text = await dashboard.waitFor(
        (screen) => screenEvents(screen) !== seen,
        config.startTimeoutMs,
        'the event total to change',
      );
      return {events: screenEvents(text), at: performance.now()};
    };
    const first = await frameTotal();
    const before = {
      events: server.count(slots),
      cpu: cpuSeconds(dashboard.pid, config.clockTicks),
      bytes: dashboard.stats.bytes,
      sync: dashboard.stats.syncFrames,
      bursts: dashboard.stats.bursts,
      at: performance.now(),
    };
    await sleep(config.dashboardWindowMs);
    const last = await frameTotal();
    const seconds = (performance.now() - before.at) / 1000;
    const sync = dashboard.stats.syncFrames - before.sync;
    const result = {
      ingest: ((last.events - first.events) / (last.at - first.at)) * 1000,
      ingestServerSide: (server.count(slots) - before.events) / seconds,
      cpu: ((cpuSeconds(dashboard.pid, config.clockTicks) - before.cpu) / seconds) * 100,
      bytesPerSecond: (dashboard.stats.bytes - before.bytes) / seconds,
      // Ink writes a synchronized-update marker per frame on a TTY; without
      // markers, count write bursts (chunks more than 4 ms apart).
      fps: (sync > 0 ? sync : dashboard.stats.bursts - before.bursts) / seconds,
      frameCounting: sync > 0 ? 'synchronized-update markers' : 'write bursts',
      rss: rssBytes(dashboard.pid),
      latencies: [],
    };
    for (let press = 0; press < presses; press++) {
      const opening = press % 2 === 0;
      const start = performance.now();
      dashboard.write(opening ? '?' : ESC);
      await dashboard.waitFor(
        (text) => text.includes(HELP_TITLE) === opening,
        config.keyTimeoutMs,
        opening ? 'the help overlay' : 'the help to close',
      );
      result.latencies.push(performance.now() - start);
      await sleep(50);
    }
    // Leave the help closed if the count was odd.
    if (presses % 2 === 1) dashboard.write(ESC);
    return result;
  } finally {
    await dashboard.stop();
  }
}

function heapAfterGc(dashboard, file) {
  return (async () => {
    rmSync(file, {force: true});
    process.kill(dashboard.pid, 'SIGUSR2');
    const deadline = Date.now() + 15_000;
    while (!existsSync(file)) {
      if (Date.now() > deadline) return Number.NaN;
      await sleep(20);
    }
    await sleep(20);
    try {
      return JSON.parse(readFileSync(file, 'utf8')).heapUsed;
    } catch {
      return Number.NaN;
    }
  })();
}

/**
 * `total` events through 8 panes: each stream pauses at half its share until
 * the screen shows the half ingested (RSS and heap after GC), then runs to the
 * end (again RSS and heap). The dashboard runs with --expose-gc and the
 * bench's heap probe (heap-probe.mjs), no change to ssedeck.
 */
export async function manyEventsRun(server, config, repoRoot) {
  server.reset();
  const perStream = Math.ceil(config.manyEvents / 8);
  const half = Math.floor(perStream / 2);
  const heapFile = join(tmpdir(), `ssedeck-bench-heap-${process.pid}.json`);
  process.env.BENCH_HEAP_FILE = heapFile;
  const dashboard = startDashboard(server, 8, {n: perStream, pauseAt: half}, repoRoot, {
    reconnectNever: true,
    nodeOptions: ['--expose-gc', `--import=${heapProbe}`],
  });
  delete process.env.BENCH_HEAP_FILE;
  const start = performance.now();
  try {
    await dashboard.waitFor(paneTitles(8), config.startTimeoutMs, 'the 8 panes');
    // Within the time cap; if a mark is not reached, what was reached is reported.
    const deadline = Date.now() + config.manyTimeoutMs;
    const reach = async (events) => {
      let reached = true;
      try {
        await dashboard.waitFor(
          (screen) => screenEvents(screen) >= events,
          Math.max(1000, deadline - Date.now()),
          `${events.toLocaleString('en-US')} events on the screen`,
        );
      } catch (error) {
        if (dashboard.exited()) throw error;
        reached = false;
      }
      await sleep(300);
      return {
        target: events,
        events: Math.max(0, screenEvents(dashboard.screenText())),
        reached,
        rss: rssBytes(dashboard.pid),
        heap: await heapAfterGc(dashboard, heapFile),
      };
    };
    const mid = await reach(half * 8);
    server.release();
    const end = mid.reached ? await reach(perStream * 8) : mid;
    const seconds = (performance.now() - start) / 1000;
    return {mid, end, seconds};
  } finally {
    rmSync(heapFile, {force: true});
    await dashboard.stop();
  }
}

/** RSS of a 1-pane dashboard on a quiet stream, after it settled. */
export async function idleRssRun(server, config, repoRoot) {
  server.reset();
  const dashboard = startDashboard(server, 1, {every: config.idleEveryMs}, repoRoot);
  try {
    await dashboard.waitFor(paneTitles(1), config.startTimeoutMs, 'the pane');
    await dashboard.waitFor((text) => / OPEN /.test(text), config.startTimeoutMs, 'OPEN');
    await sleep(config.idleSettleMs);
    return rssBytes(dashboard.pid);
  } finally {
    await dashboard.stop();
  }
}

/**
 * 8 open streams, one event each every `idleEveryMs`: CPU of the dashboard
 * in % of one core over `idleCpuMs`, and the same per sixth of that time
 * (the spread).
 */
export async function idleCpuRun(server, config, repoRoot) {
  server.reset();
  const dashboard = startDashboard(server, 8, {every: config.idleEveryMs}, repoRoot);
  try {
    await dashboard.waitFor(paneTitles(8), config.startTimeoutMs, 'the 8 panes');
    await dashboard.waitFor(
      (text) => (text.match(/ OPEN /g) ?? []).length >= 8,
      config.startTimeoutMs,
      '8 OPEN badges',
    );
    await sleep(Math.min(2000, config.idleSettleMs));
    const slices = 6;
    const parts = [];
    const first = cpuSeconds(dashboard.pid, config.clockTicks);
    const frames = dashboard.stats.syncFrames;
    const start = performance.now();
    let previous = first;
    let previousAt = start;
    for (let i = 0; i < slices; i++) {
      await sleep(config.idleCpuMs / slices);
      const now = cpuSeconds(dashboard.pid, config.clockTicks);
      const at = performance.now();
      parts.push(((now - previous) / ((at - previousAt) / 1000)) * 100);
      previous = now;
      previousAt = at;
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      cpu: ((previous - first) / seconds) * 100,
      parts,
      fps: (dashboard.stats.syncFrames - frames) / seconds,
    };
  } finally {
    await dashboard.stop();
  }
}
