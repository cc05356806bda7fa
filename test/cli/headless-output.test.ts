import {spawn, type ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {cliPath, ndjson} from '../helpers/cli.js';
import {
  sseHead,
  startFloodingServer,
  startTestServer,
  type TestServer,
} from '../helpers/http-server.js';

/*
 * --json batches its lines (one write per event-loop turn or 64 KiB): no
 * line may be lost on any way out, a slow or absent reader must hold the
 * engine back (bounded memory), and the exit code must survive a slow reader.
 */

let server: TestServer | undefined;
const children: ChildProcess[] = [];
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await server?.close();
  server = undefined;
});

type Run = {
  child: ChildProcess;
  /** Resolves when the process ended and its stdout is read to the end. */
  done: Promise<{code: number | null; stdout: string; stderr: string}>;
};

/** Starts `ssedeck --json ...args`, stdout a pipe that is read unless `paused`. */
function startJson(args: readonly string[], options: {paused?: boolean} = {}): Run {
  const child = spawn(process.execPath, [cliPath, '--json', ...args], {
    env: {...process.env, NO_COLOR: '1'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const chunks: Buffer[] = [];
  let stderr = '';
  // A 'data' listener before pause(): the pipe is not read, and nothing is dropped at exit.
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk));
  if (options.paused) child.stdout!.pause();
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{code: number | null; stdout: string; stderr: string}>((resolve) => {
    child.on('close', (code) =>
      resolve({code, stdout: Buffer.concat(chunks).toString('utf8'), stderr}),
    );
  });
  return {child, done};
}

/** Event lines numbered 1..N with no gap, and the summary last, counting them all. */
function expectComplete(stdout: string, expected?: {events?: number; status?: string}) {
  const records = ndjson(stdout);
  const numbers = records
    .filter((record) => record.type === 'event')
    .map((record) => record.event_number);
  expect(numbers).toEqual(Array.from({length: numbers.length}, (_, index) => index + 1));
  const summary = records.at(-1);
  expect(summary).toMatchObject({type: 'summary', total_events: numbers.length});
  if (expected?.events !== undefined) expect(numbers).toHaveLength(expected.events);
  if (expected?.status !== undefined) expect(summary?.status).toBe(expected.status);
  return numbers.length;
}

/** Sends `count` events as fast as the reader takes them, then ends the response or cuts it. */
async function burstServer(count: number, ending: 'end' | 'cut' = 'end'): Promise<void> {
  server = await startTestServer((_request, response) => {
    sseHead(response);
    let sent = 0;
    const pump = () => {
      while (sent < count) {
        let block = '';
        for (let index = 0; index < 200 && sent < count; index++) {
          sent++;
          block += `id: ${sent}\ndata: {"n":${sent},"text":"${'x'.repeat(60)}"}\n\n`;
        }
        if (!response.write(block)) {
          response.once('drain', pump);
          return;
        }
      }
      // 'cut': the connection ends without the end of the chunked body (a
      // network error), after every byte was sent: nothing in flight is lost.
      if (ending === 'end') response.end();
      else response.socket?.end();
    };
    pump();
  });
}

async function floodServer(): Promise<{blockedMs: () => number}> {
  const flood = await startFloodingServer('y');
  server = flood.server;
  return flood;
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : 0;
}

describe('nothing is lost on the way out', {timeout: 60_000}, () => {
  it('a stream that ends: every event and the summary, to a pipe', async () => {
    await burstServer(30_000);
    const {done} = startJson(['--reconnect', 'never', `${server!.url}/burst`]);
    const {code, stdout, stderr} = await done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectComplete(stdout, {events: 30_000, status: 'completed'});
  });

  it('a stream that ends: every event and the summary, to a file', async () => {
    await burstServer(30_000);
    const dir = await mkdtemp(join(tmpdir(), 'ssedeck-out-'));
    try {
      const file = join(dir, 'out.ndjson');
      const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
      const command = [process.execPath, cliPath, '--json', '--reconnect', 'never']
        .concat(`${server!.url}/burst`)
        .map(quote)
        .join(' ');
      const child = spawn('/bin/sh', ['-c', `${command} > ${quote(file)}`], {stdio: 'ignore'});
      children.push(child);
      expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
      expectComplete(await readFile(file, 'utf8'), {events: 30_000, status: 'completed'});
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it('--max-events: exactly that many events, then the summary', async () => {
    await floodServer();
    const {done} = startJson(['--max-events', '5000', `${server!.url}/flood`]);
    const {code, stdout} = await done;
    expect(code).toBe(0);
    expectComplete(stdout, {events: 5000, status: 'completed'});
    expect(ndjson(stdout).at(-1)).toMatchObject({reason: 'max events reached'});
  });

  for (const [signal, exitCode] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} during a flood: every event counted was written, then the summary`, async () => {
      await floodServer();
      const {child, done} = startJson([`${server!.url}/flood`]);
      await new Promise((resolve) => child.stdout!.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill(signal);
      const {code, stdout} = await done;
      expect(code).toBe(exitCode);
      expect(expectComplete(stdout, {status: 'stopped'})).toBeGreaterThan(0);
    });
  }

  it('a slow reader gets every line, and a failed stream still exits 1', async () => {
    // Enough output to fill the pipe: ssedeck ends while its last lines wait for the reader.
    await burstServer(3000, 'cut');
    const {child, done} = startJson(['--reconnect', 'never', `${server!.url}/burst`], {
      paused: true,
    });
    setTimeout(() => child.stdout!.resume(), 1500);
    const {code, stdout} = await done;
    expect(code).toBe(1);
    expectComplete(stdout, {events: 3000, status: 'failed'});
  });
});

describe('a reader that stops reading holds the engine back', {timeout: 60_000}, () => {
  it('the server is blocked, memory stays bounded, and nothing is lost once it reads', async () => {
    const flood = await floodServer();
    const {child, done} = startJson([`${server!.url}/flood`], {paused: true});
    // ssedeck stops reading the server because nobody reads ssedeck.
    await expect.poll(() => flood.blockedMs(), {timeout: 15_000}).toBeGreaterThan(1000);
    const rss = rssMiB(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(flood.blockedMs()).toBeGreaterThan(1500);
    expect(rssMiB(child.pid!)).toBeLessThan(Math.max(rss, 100) + 50);
    expect(rssMiB(child.pid!)).toBeLessThan(400);
    // The reader comes back: the flood flows again, then a stop prints the summary.
    child.stdout!.resume();
    await expect.poll(() => flood.blockedMs(), {timeout: 5000}).toBe(0);
    child.kill('SIGINT');
    const {code, stdout} = await done;
    expect(code).toBe(130);
    expectComplete(stdout, {status: 'stopped'});
  });

  it('a reader that leaves during a flood (| head -c) ends ssedeck at once, quietly', async () => {
    await floodServer();
    const {child, done} = startJson([`${server!.url}/flood`]);
    let taken = 0;
    child.stdout!.on('data', (chunk: Buffer) => {
      taken += chunk.length;
      if (taken > 200_000) child.stdout!.destroy();
    });
    const {code, stderr} = await done;
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
