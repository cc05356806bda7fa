// Replay speed: record `events` events of the flood server with
// `ssedeck --json --record FILE` (in a temp dir), then time
// `ssedeck replay FILE --json --speed max > /dev/null`. Timed end to end like
// throughput.mjs: the time of the same command on a 1-event recording
// (start-up, reading the header, exit) is subtracted:
//   rate = (events - 1) / (time(events) - time(1 event)).
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {timedNode} from './throughput.mjs';

/** Runs `node dist/cli.js ...args > /dev/null`: {seconds, cpu (s), rss (bytes, peak)}. */
const timed = (args, config, repoRoot) =>
  timedNode(['dist/cli.js', ...args], config, repoRoot, `ssedeck ${args[0]}`);

const recordArgs = (url, file) => [
  '--json',
  '--reconnect',
  'never',
  '--idle-timeout',
  '0',
  '--record',
  file,
  url,
];
const replayArgs = (file) => ['replay', file, '--json', '--speed', 'max'];

/**
 * Records `config.replayEvents` events of one flood stream, then replays the
 * recording `runs` times. Returns {recordRate, bytes, runs: [{rate, cpu, rss}]}
 * (recordRate: events/s of the recording run itself, headless with --record).
 */
export async function replayRuns(server, config, repoRoot, runs, progress) {
  const dir = mkdtempSync(join(tmpdir(), 'ssedeck-bench-replay-'));
  try {
    const events = config.replayEvents;
    const small = join(dir, 'one.ndjson');
    const big = join(dir, 'many.ndjson');
    server.reset();
    const recordBaseline = await timed(
      recordArgs(server.streamUrl(0, {n: 1}), small),
      config,
      repoRoot,
    );
    progress?.(`recording ${events.toLocaleString('en-US')} events with --record`);
    server.reset();
    const recorded = await timed(
      recordArgs(server.streamUrl(0, {n: events}), big),
      config,
      repoRoot,
    );
    if (server.count() !== events)
      throw new Error(`replay bench: the server wrote ${server.count()} of ${events} events`);
    const recordRate = (events - 1) / Math.max(0.001, recorded.seconds - recordBaseline.seconds);
    const baseline = await timed(replayArgs(small), config, repoRoot);
    const results = [];
    for (let run = 0; run < runs; run++) {
      progress?.(
        `replay --json --speed max, ${events.toLocaleString('en-US')} events (run ${run + 1}/${runs})`,
      );
      const replay = await timed(replayArgs(big), config, repoRoot);
      results.push({
        rate: (events - 1) / Math.max(0.001, replay.seconds - baseline.seconds),
        cpu: (replay.cpu / replay.seconds) * 100,
        rss: replay.rss,
        seconds: replay.seconds,
        baselineSeconds: baseline.seconds,
      });
    }
    return {recordRate, bytes: statSync(big).size, runs: results};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
