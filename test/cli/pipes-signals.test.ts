import {spawn, type ChildProcess} from 'node:child_process';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {cliPath, startCli} from '../helpers/cli.js';
import {
  sseHead,
  startFloodingServer,
  startTestServer,
  type TestServer,
} from '../helpers/http-server.js';

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

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/** Runs `ssedeck ARGS | TAIL` in sh; resolves with what the pipeline printed and how long it took. */
function pipeline(args: readonly string[], tail: string, env: Record<string, string> = {}) {
  const started = Date.now();
  const command = `${quote(process.execPath)} ${quote(cliPath)} ${args.map(quote).join(' ')} | ${tail}`;
  const child = spawn('/bin/sh', ['-c', command], {
    env: {...process.env, NO_COLOR: '1', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise<{code: number | null; stdout: string; stderr: string; ms: number}>(
    (resolve) => {
      child.on('close', (code) => resolve({code, stdout, stderr, ms: Date.now() - started}));
    },
  );
}

/** A stream that sends an event every 50 ms and never ends; counts closed connections. */
async function endlessServer(): Promise<{closed: () => number}> {
  let closed = 0;
  server = await startTestServer((request, response) => {
    sseHead(response);
    let n = 0;
    const timer = setInterval(() => response.write(`id: ${++n}\ndata: tick ${n}\n\n`), 50);
    request.socket.on('close', () => {
      clearInterval(timer);
      closed++;
    });
  });
  return {closed: () => closed};
}

describe('a reader that goes away ends ssedeck at once', {timeout: 40_000}, () => {
  it('--json URL | head -2 against an external server', async () => {
    const endless = await endlessServer();
    const result = await pipeline(['--json', `${server!.url}/feed`], 'head -2');
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toBe('');
    // The connection was closed by ssedeck, not left to the server.
    await expect.poll(() => endless.closed(), {timeout: 5000}).toBe(1);
  });

  it('--json -p demo | head -2 (embedded server)', async () => {
    const result = await pipeline(['--json', '-p', 'demo'], 'head -2');
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stdout.trim().split('\n')).toHaveLength(2);
    expect(result.stderr).toBe('');
  });

  it('--answer -p demo | head -c 5, and --json | grep -m1', async () => {
    const args = ['--answer', '-p', 'demo', '--stream', 'openai'];
    const head = await pipeline(args, 'head -c 5');
    expect(head.ms).toBeLessThan(10_000);
    expect(head.stdout).toHaveLength(5);
    const grep = await pipeline(
      ['--json', '-p', 'demo', '--stream', 'ticker'],
      `grep -m1 '"type":"event"'`,
    );
    expect(grep.ms).toBeLessThan(10_000);
    expect(grep.stdout).toMatch(/^\{"type":"event"/);
  });

  it('--answer URL | head -1 against an external server', async () => {
    server = await startTestServer((request, response) => {
      sseHead(response);
      let n = 0;
      const timer = setInterval(() => {
        n++;
        response.write(
          `data: ${JSON.stringify({choices: [{delta: {content: `line ${n}\n`}}]})}\n\n`,
        );
      }, 50);
      request.socket.on('close', () => clearInterval(timer));
    });
    const result = await pipeline(
      ['--answer', '--answer-preset', 'openai', `${server.url}/v1/chat/completions`],
      'head -1',
    );
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stdout).toBe('line 1\n');
  });
});

async function floodServer(): Promise<{blockedMs: () => number}> {
  const flood = await startFloodingServer();
  server = flood.server;
  return flood;
}

describe('signals end the process promptly', {timeout: 40_000}, () => {
  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const) {
    it(`${signal} while stdout is a full pipe nobody reads: exit ${code} within 2 s`, async () => {
      const flood = await floodServer();
      const child = spawn(process.execPath, [cliPath, '--json', `${server!.url}/flood`], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      child.stdout.pause(); // nobody reads: the pipe fills, then ssedeck's buffer
      await expect.poll(() => flood.blockedMs(), {timeout: 15_000}).toBeGreaterThan(500);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const sent = Date.now();
      child.kill(signal);
      const exitCode = await exited;
      expect(Date.now() - sent).toBeLessThan(2000);
      expect(exitCode).toBe(code);
    });
  }

  it.each([
    ['--json', ['--json', '-p', 'demo']],
    ['--answer', ['--answer', '-p', 'demo', '--stream', 'dify-chatflow']],
    ['serve', ['serve']],
  ])('SIGTERM in %s mode: exit 143 within 2 s', async (_mode, args) => {
    const {child, result} = startCli(args);
    children.push(child);
    await new Promise<void>((resolve) => {
      const seen = () => resolve();
      child.stdout?.once('data', seen);
    });
    const sent = Date.now();
    child.kill('SIGTERM');
    const {code} = await result;
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(code).toBe(143);
  });

  it('a server that never answers: SIGINT still ends within 2 s with the summary', async () => {
    server = await startTestServer(() => new Promise(() => undefined));
    const {child, result} = startCli(['--json', `${server.url}/silent`]);
    children.push(child);
    await expect.poll(() => server!.requests.length, {timeout: 15_000}).toBe(1);
    const sent = Date.now();
    child.kill('SIGINT');
    const {code, stdout} = await result;
    expect(Date.now() - sent).toBeLessThan(2000);
    expect(code).toBe(130);
    expect(stdout).toMatch(/"type":"summary".*"status":"stopped"/);
  });

  it('a second SIGINT while the first is still flushing ends the process', async () => {
    const flood = await floodServer();
    const child = spawn(process.execPath, [cliPath, '--json', `${server!.url}/flood`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    child.stdout.pause();
    await expect.poll(() => flood.blockedMs(), {timeout: 15_000}).toBeGreaterThan(300);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const sent = Date.now();
    child.kill('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(Date.now() - sent).toBeLessThan(2000);
  });
});
