// `npm run bench`: ssedeck against a bare loop (undici fetch +
// eventsource-parser that only counts), both reading the same local flood
// server (scripts/bench/flood-worker.mjs) in the same run. Prints one table of
// medians with their spread and ratios to the bare loop, and writes the
// results as JSON (BENCH_OUT, default bench-results.json). Knobs: BENCH_RUNS,
// BENCH_QUICK=1, BENCH_KEY_PRESSES. Progress goes to stderr, the table to stdout.
import {loadavg, cpus} from 'node:os';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {config} from './bench/config.mjs';
import {floodRun, idleCpuRun, idleRssRun, manyEventsRun} from './bench/dashboard.mjs';
import {bigEventRun, decoderRun, engineRun} from './bench/engine.mjs';
import {startFloodServer} from './bench/flood-server.mjs';
import {table, writeJson} from './bench/report.mjs';
import {replayRuns} from './bench/replay.mjs';
import {percentile, summarize} from './bench/stats.mjs';
import {throughputRuns} from './bench/throughput.mjs';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const MIB = 1024 * 1024;
const began = performance.now();
const loadBefore = loadavg();
const measures = [];
const progress = (text) =>
  console.error(`bench ${((performance.now() - began) / 1000).toFixed(0).padStart(3)}s: ${text}`);

function add(key, label, unit, samples, extra = {}) {
  const measure = {key, label, unit, ...summarize(samples), ...extra};
  measures.push(measure);
  return measure;
}

async function repeat(what, runs, run) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    progress(`${what} (run ${i + 1}/${runs})`);
    results.push(await run(i));
  }
  return results;
}

const {runs} = config;
progress(`node ${process.version}, ${runs} run(s) each${config.quick ? ', quick' : ''}`);

const decoder = await repeat('decoder', config.quick ? 1 : Math.max(runs, 3), () =>
  decoderRun(config.decoderEvents),
);
const server = await startFloodServer();
try {
  const bare = {};
  for (const streams of [1, 8]) {
    const results = await throughputRuns(server, 'bare', streams, config, repoRoot, runs, progress);
    bare[streams] = add(
      `bare${streams}`,
      `bare loop (fetch + eventsource-parser), ${streams} stream${streams > 1 ? 's' : ''}`,
      'ev/s',
      results.map((r) => r.rate),
    );
  }
  const ratio = (m, streams) => ({ratio: m.median / bare[streams].median});
  for (const streams of [1, 8]) {
    const results = await throughputRuns(
      server,
      'headless',
      streams,
      config,
      repoRoot,
      runs,
      progress,
    );
    const m = add(
      `headless${streams}`,
      `headless --json > /dev/null, ${streams} stream${streams > 1 ? 's' : ''}`,
      'ev/s',
      results.map((r) => r.rate),
    );
    Object.assign(m, ratio(m, streams));
    add(
      `headless${streams}Cpu`,
      `  headless ${streams}: CPU of a core (whole run)`,
      '%',
      results.map((r) => r.cpu),
    );
  }

  const replay = await replayRuns(server, config, repoRoot, runs, progress);
  const headlessRate = measures.find((m) => m.key === 'headless1').median;
  const events = config.replayEvents.toLocaleString('en-US');
  const replayMeasure = add(
    'replay',
    `replay --json --speed max, ${events} events (vs headless 1)`,
    'ev/s',
    replay.runs.map((r) => r.rate),
    {recordingBytes: replay.bytes, note: 'ratio: to the headless --json 1-stream median'},
  );
  replayMeasure.ratio = replayMeasure.median / headlessRate;
  add(
    'replayRss',
    '  replay: peak RSS',
    'MiB',
    replay.runs.map((r) => r.rss),
  );
  const recordMeasure = add(
    'recordHeadless',
    `headless --json --record, 1 stream (vs headless 1)`,
    'ev/s',
    [replay.recordRate],
    {
      note: 'one run: the one that makes the recording; ratio: to the headless --json 1-stream median',
    },
  );
  recordMeasure.ratio = recordMeasure.median / headlessRate;

  const pressesPerRun = Math.ceil(config.keyPresses / runs);
  const flood = await repeat('dashboard, 8 flooding streams, 160x48 pty', runs, () =>
    floodRun(server, config, repoRoot, pressesPerRun),
  );
  const ingest = add(
    'dashboardIngest',
    'dashboard ingest, 8 streams',
    'ev/s',
    flood.map((r) => r.ingest),
  );
  Object.assign(ingest, ratio(ingest, 8));
  add(
    'dashboardIngestServerSide',
    '  ingest as the server wrote it (socket buffers skew it)',
    'ev/s',
    flood.map((r) => r.ingestServerSide),
  );
  add(
    'dashboardFps',
    'dashboard frames/s under flood',
    'fps',
    flood.map((r) => r.fps),
    {
      frameCounting: [...new Set(flood.map((r) => r.frameCounting))].join(', '),
    },
  );
  add(
    'dashboardBytes',
    'dashboard bytes to the terminal/s',
    'kB/s',
    flood.map((r) => r.bytesPerSecond),
  );
  add(
    'dashboardCpu',
    'dashboard CPU of a core under flood',
    '%',
    flood.map((r) => r.cpu),
  );
  add(
    'dashboardRss',
    'dashboard RSS under flood',
    'MiB',
    flood.map((r) => r.rss),
  );
  const latencies = flood.flatMap((r) => r.latencies);
  for (const p of [50, 95]) {
    add(`keyP${p}`, `key to screen p${p} under flood (? / Esc)`, 'ms', latencies, {
      median: percentile(latencies, p),
      spreadText: `runs ${flood.map((r) => Math.round(percentile(r.latencies, p))).join('/')}`,
      note: 'percentile over all presses of all runs; spread: the percentile of each run',
    });
  }

  progress(`${config.manyEvents.toLocaleString('en-US')} events through 8 panes`);
  const many = await manyEventsRun(server, config, repoRoot);
  const millions = (n) => (n / 1e6).toLocaleString('en-US');
  const mark = (at) =>
    at.reached
      ? `${millions(at.target)} M`
      : `${millions(at.events)} M (cap hit before ${millions(at.target)} M)`;
  const reachedNote = {
    note: 'events: as the dashboard showed them; the run stops at the time cap BENCH_MANY_SECONDS',
  };
  add('manyRssMid', `RSS after ${mark(many.mid)} events, 8 panes`, 'MiB', [many.mid.rss], {
    ...reachedNote,
    at: many.mid,
  });
  add('manyRssEnd', `RSS after ${mark(many.end)} events, 8 panes`, 'MiB', [many.end.rss], {
    ...reachedNote,
    at: many.end,
  });
  add('manyHeapMid', `  heap after GC at ${mark(many.mid)}`, 'MiB', [many.mid.heap]);
  add('manyHeapEnd', `  heap after GC at ${mark(many.end)}`, 'MiB', [many.end.heap]);
  add('manyRate', '  their ingest rate, start to last mark', 'ev/s', [
    many.end.events / many.seconds,
  ]);

  const idleRss = await repeat('1-pane idle dashboard', runs, () =>
    idleRssRun(server, config, repoRoot),
  );
  add('idleRss', 'RSS of a 1-pane idle dashboard', 'MiB', idleRss);

  progress(`idle CPU over ${config.idleCpuMs / 1000} s`);
  const idle = await idleCpuRun(server, config, repoRoot);
  add(
    'idleCpu',
    `idle CPU, 8 streams, 1 event/${config.idleEveryMs / 1000}s each, ${config.idleCpuMs / 1000}s`,
    '%',
    idle.parts,
    {median: idle.cpu, note: 'value over the whole time; spread: its six slices', fps: idle.fps},
  );
  add('idleFps', '  idle frames/s', 'fps', [idle.fps]);

  for (const [key, size] of [
    ['big1MiB', MIB],
    ['big10MiB', 10 * MIB],
  ]) {
    const times = await repeat(`one ${size / MIB} MiB event`, runs, () =>
      bigEventRun(server, size),
    );
    add(key, `one ${size / MIB} MiB event through the engine`, 'ms', times);
  }
  const engine = await repeat('engine, 1 stream in-process', runs, () =>
    engineRun(server, config.engineEvents),
  );
  const engineMeasure = add(
    'engineInProcess',
    'engine in-process (SseStream), 1 stream',
    'ev/s',
    engine,
  );
  Object.assign(engineMeasure, ratio(engineMeasure, 1));
} finally {
  await server.close();
}
add(
  'decoder',
  'decoder alone, 100 B events in 64 KiB chunks',
  'ev/s',
  decoder.map((r) => r.ours),
);
add(
  'decoderBare',
  'eventsource-parser alone, same bytes',
  'ev/s',
  decoder.map((r) => r.bare),
);
measures.at(-2).ratio = measures.at(-2).median / measures.at(-1).median;

const seconds = (performance.now() - began) / 1000;
const header = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadavgBefore: loadBefore,
  loadavgAfter: loadavg(),
  runs,
  quick: config.quick,
  seconds,
  notes: [
    'ev/s of bare and headless: end to end, (events - streams) / (time of the run - time of a run with 1 event per stream)',
    'dashboard ingest: growth of the total events the dashboard shows (its footer) over a window, between two frames; ingestServerSide: events the server wrote in that window (inflated or deflated by socket buffers)',
    'CPU and RSS of children from /proc/PID/stat (utime+stime) and /proc/PID/status (VmRSS)',
    'vs bare: median divided by the bare loop median with the same number of streams (decoder: vs eventsource-parser alone)',
  ],
};
writeJson(config.out, header, measures);
console.log(
  `ssedeck bench: node ${process.version}, ${cpus().length} cpus, load ${loadBefore
    .map((n) => n.toFixed(1))
    .join(' ')}, ${runs} run(s), ${seconds.toFixed(0)} s${config.quick ? ', QUICK' : ''}`,
);
console.log(table(measures));
console.log(`results: ${config.out}`);
