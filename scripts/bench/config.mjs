// The bench's knobs: BENCH_RUNS, BENCH_QUICK=1, BENCH_OUT, BENCH_KEY_PRESSES,
// BENCH_MANY_SECONDS (time cap of the 2 M events run).
import {execFileSync} from 'node:child_process';

const quick = process.env.BENCH_QUICK === '1';
const number = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} must be a whole number >= 1, got "${raw}"`);
    process.exit(2);
  }
  return value;
};

function clockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
  } catch {
    return 100;
  }
}

export const config = {
  quick,
  runs: number('BENCH_RUNS', quick ? 1 : 3),
  out: process.env.BENCH_OUT || 'bench-results.json',
  clockTicks: clockTicks(),
  // Throughput (bare loop, headless): runs sized by a probe to last about windowMs.
  windowMs: quick ? 300 : 2500,
  probeEvents: quick ? 2_000 : 40_000,
  throughputTimeoutMs: 60_000,
  // Dashboard under flood.
  dashboardWarmupMs: quick ? 500 : 2000,
  dashboardWindowMs: quick ? 1000 : 4000,
  // Key presses pooled over all runs (each ? or Esc is one press).
  keyPresses: number('BENCH_KEY_PRESSES', quick ? 4 : 24),
  keyTimeoutMs: 10_000,
  // Many events through 8 panes: RSS (and heap after GC) at half and at the end.
  manyEvents: quick ? 4_000 : 2_000_000,
  manyTimeoutMs: number('BENCH_MANY_SECONDS', quick ? 20 : 90) * 1000,
  idleSettleMs: quick ? 300 : 3000,
  idleCpuMs: quick ? 1200 : 30_000,
  idleEveryMs: quick ? 300 : 5000,
  decoderEvents: quick ? 20_000 : 200_000,
  engineEvents: quick ? 5_000 : 500_000,
  // Replay: a recording of this many events, replayed with --json --speed max.
  replayEvents: quick ? 20_000 : 1_000_000,
  startTimeoutMs: 20_000,
};
