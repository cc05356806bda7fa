import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt, repoRoot} from '../e2e/helpers/built-cli.js';

const run = promisify(execFile);
const MEASURES = [
  'bare1',
  'bare8',
  'headless1',
  'headless8',
  'dashboardIngest',
  'dashboardFps',
  'dashboardBytes',
  'dashboardCpu',
  'dashboardRss',
  'keyP50',
  'keyP95',
  'manyRssMid',
  'manyRssEnd',
  'manyHeapMid',
  'manyHeapEnd',
  'idleRss',
  'idleCpu',
  'big1MiB',
  'big10MiB',
  'decoder',
  'replay',
  'recordHeadless',
];

let dir: string | undefined;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
  dir = undefined;
});

describe('npm run bench (BENCH_QUICK=1)', () => {
  // No timing assertions: the machine is shared; this checks the harness runs end to end.
  it('prints the table and writes JSON with every measure', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssedeck-bench-'));
    const out = join(dir, 'results.json');
    const {stdout} = await run(process.execPath, ['scripts/bench.mjs'], {
      cwd: repoRoot,
      env: {...process.env, BENCH_QUICK: '1', BENCH_OUT: out},
      timeout: 170_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    for (const row of [
      /^bare loop .*, 8 streams\s+ev\/s\s/m,
      /^headless --json > \/dev\/null, 1 stream\s+ev\/s\s.*x\s+1$/m,
      /^dashboard ingest, 8 streams\s+ev\/s\s/m,
      /^dashboard frames\/s under flood\s+fps\s/m,
      /^key to screen p95 .*\s+ms\s/m,
      /^RSS of a 1-pane idle dashboard\s+MiB\s/m,
      /^idle CPU, 8 streams.*\s+%\s/m,
      /^one 10 MiB event through the engine\s+ms\s/m,
      /^replay --json --speed max, 20,000 events \(vs headless 1\)\s+ev\/s\s.*x\s+1$/m,
    ])
      expect(stdout).toMatch(row);
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      quick: boolean;
      measures: Record<string, {median: number; samples: number[]; unit: string}>;
    };
    expect(results.quick).toBe(true);
    for (const key of MEASURES) {
      const measure = results.measures[key];
      expect(measure, key).toBeDefined();
      expect(Number.isFinite(measure?.median), key).toBe(true);
      expect(measure?.samples.length, key).toBeGreaterThan(0);
    }
    expect(results.measures['keyP95']?.samples.length).toBeGreaterThanOrEqual(4);
  }, 180_000);
});
