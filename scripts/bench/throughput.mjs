// Events per second of a child process reading N streams of the flood
// server: the bare loop, or `ssedeck --json URL... > /dev/null`. Timed end to
// end: each stream sends a fixed number of events and ends, the child exits
// when all have ended, and the time of a run with one event per stream (start
// -up, connect, exit) is subtracted:
//   rate = (events - streams) / (time(events) - time(1 per stream)).
// Counting written events on the server side over a window is not robust
// here: loopback socket buffers hold megabytes per stream, which a slow
// reader takes seconds to drain.
import {spawn} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {clearInterval, clearTimeout, setInterval, setTimeout} from 'node:timers';
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
}

/**
 * Runs `node ...args > /dev/null` from the repository, sampling its CPU and
 * peak RSS: {seconds, cpu (s), rss (bytes)}. Throws (naming `label`) when it fails.
 */
export async function timedNode(args, config, repoRoot, label) {
  const devNull = openSync('/dev/null', 'w');
  const start = performance.now();
  const child = spawn(process.execPath, args, {cwd: repoRoot, stdio: ['ignore', devNull, 'pipe']});
  closeSync(devNull);
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  let cpu = 0;
  let rss = 0;
  const sampler = setInterval(() => {
    try {
      cpu = cpuSeconds(child.pid, config.clockTicks);
      rss = Math.max(rss, rssBytes(child.pid));
    } catch {
      // Exited between samples.
    }
  }, 100);
  const timer = setTimeout(() => child.kill('SIGKILL'), config.throughputTimeoutMs);
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${label} exited with ${code}: ${stderr.slice(0, 300)}`);
  return {seconds, cpu, rss};
}

/** Runs the child on `streams` streams of `perStream` events: {seconds, cpu, rss}. */
async function timedChild(server, kind, streams, perStream, config, repoRoot) {
  server.reset();
  const urls = Array.from({length: streams}, (_, slot) => server.streamUrl(slot, {n: perStream}));
  const args =
    kind === 'bare'
      ? [bareLoop, ...urls]
      : ['dist/cli.js', '--json', '--reconnect', 'never', '--idle-timeout', '0', ...urls];
  const result = await timedNode(args, config, repoRoot, `${kind} ${streams}`);
  const written = server.count();
  if (written !== streams * perStream)
    throw new Error(`${kind} ${streams}: server wrote ${written} of ${streams * perStream} events`);
  return result;
}

/**
 * `runs` measured runs of `kind` on `streams` streams, after a baseline (one
 * event per stream) and a probe that sizes the runs to about `windowMs`.
 * Returns [{rate, cpu, rss}] (cpu: % of a core over the whole run).
 */
export async function throughputRuns(server, kind, streams, config, repoRoot, runs, progress) {
  const baseline = await timedChild(server, kind, streams, 1, config, repoRoot);
  const probeEach = Math.ceil(config.probeEvents / streams);
  const probe = await timedChild(server, kind, streams, probeEach, config, repoRoot);
  const probeRate = (probeEach * streams) / Math.max(0.05, probe.seconds - baseline.seconds);
  const perStream = Math.max(
    probeEach,
    Math.min(5_000_000, Math.ceil((probeRate * config.windowMs) / 1000 / streams)),
  );
  const results = [];
  for (let run = 0; run < runs; run++) {
    progress?.(
      `${kind} ${streams} stream(s), ${perStream * streams} events (run ${run + 1}/${runs})`,
    );
    const timed = await timedChild(server, kind, streams, perStream, config, repoRoot);
    const seconds = Math.max(0.001, timed.seconds - baseline.seconds);
    results.push({
      rate: (perStream * streams - streams) / seconds,
      cpu: (timed.cpu / timed.seconds) * 100,
      rss: timed.rss,
      events: perStream * streams,
      seconds: timed.seconds,
      baselineSeconds: baseline.seconds,
    });
  }
  return results;
}
