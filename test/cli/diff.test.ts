import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readRunFixture} from '../core/dify-run/run-records.js';
import {runCli} from '../helpers/cli.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

let dir = '';
let before = '';
let after = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-diff-'));
  before = join(dir, 'before.ndjson');
  after = join(dir, 'after.ndjson');
  const args = ['-p', 'demo', '--stream', 'dify-chatflow', '--json'];
  expect((await runCli([...args, '--record', before])).code).toBe(0);
  expect(
    (await runCli([...args, '--ask', 'Tell me about reconnects', '--record', after])).code,
  ).toBe(0);
}, 30_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('ssedeck diff', () => {
  it('reports a word diff of two demo runs with different answers, their timings and Dify nodes, exit 1', async () => {
    const {code, stdout, stderr} = await runCli(['diff', before, after]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('== dify-chatflow ==');
    expect(stdout).toContain('  answer     differs:');
    expect(stdout).toContain('{+Tell me about reconnects+}');
    expect(stdout).toMatch(/\[-What is SSE\?/);
    expect(stdout).toMatch(/^ {2}TTFT {7}\d/m);
    expect(stdout).toMatch(/^ {2}tokens {5}\d/m);
    expect(stdout).toMatch(/^ {4}1 {8}Start succeeded/m);
    expect(stdout).toMatch(/^ {4}2 {8}LLM succeeded \d+\.\d\ds/m);
    expect(stdout.trimEnd().endsWith('answers differ')).toBe(true);
    // Readable at 80 columns: only the answer text itself may be longer.
    const long = stdout.split('\n').filter((line) => line.length > 80 && !line.startsWith('    '));
    expect(long).toEqual([]);
    expect(stdout).not.toContain('\u001b');
  }, 20_000);

  it('the same recording twice: answers are equal, exit 0', async () => {
    const {code, stdout} = await runCli(['diff', before, before]);
    expect(code).toBe(0);
    expect(stdout).toContain('  answer     same');
    expect(stdout.trimEnd().endsWith('answers are equal')).toBe(true);
  }, 20_000);

  it('usage and file errors: one line naming the file, exit 2', async () => {
    const one = await runCli(['diff', before]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^ssedeck: diff: expected two recordings/);
    const missing = await runCli(['diff', before, join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `ssedeck: diff: cannot read ${join(dir, 'nope.ndjson')} (no such file)\n`,
    );
    const bad = join(dir, 'bad.ndjson');
    await writeFile(bad, '{"type":"recording","format":7}\n');
    const version = await runCli(['diff', bad, before]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe(
      `ssedeck: diff: ${bad}: recording format 7 is not supported (this ssedeck reads format 1)\n`,
    );
  }, 20_000);
});

describe('ssedeck diff of Dify nodes (the run fold)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(async (request, response) => {
      const name = new URL(request.url ?? '/', 'http://x').searchParams.get('fixture') ?? '';
      response.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8'});
      response.end(readRunFixture(name));
    });
  });
  afterAll(async () => {
    await server.close();
  });

  async function record(fixture: string, file: string): Promise<string> {
    const path = join(dir, file);
    const url = `${server.url}/v1/chat-messages?fixture=${fixture}`;
    const args = ['--json', '--name', 'flow', '--bearer', 'app-k', '--ask', 'hi', url];
    expect((await runCli([...args, '--record', path])).code).toBe(0);
    return path;
  }

  it('lists iterations with their steps, and parallel nodes, in start order', async () => {
    const iteration = await record('chatflow-iteration-parallel.sse', 'iteration.ndjson');
    const failed = await record('chatflow-failed-node.sse', 'failed.ndjson');
    const {stdout} = await runCli(['diff', iteration, failed]);
    const nodes = stdout
      .split('\n')
      .filter((line) => /^ {4}\d/.test(line))
      .map((line) => line.trim().split(/ {2,}/));
    expect(nodes).toEqual([
      ['1', 'Start succeeded 0.01s', 'Start succeeded 0.10s'],
      ['2', 'Each city succeeded 1.60s', 'Fetch order failed 3.20s'],
      ['3', '#0 Summarize succeeded 0.50s', '-'],
      ['4', '#1 Summarize succeeded 0.50s', '-'],
      ['5', '#2 Summarize succeeded 0.50s', '-'],
      ['6', 'Weather API succeeded 0.60s', '-'],
      ['7', 'News API succeeded 0.30s', '-'],
      ['8', 'Digest news succeeded 0.05s', '-'],
      ['9', 'Answer succeeded 0.01s', '-'],
    ]);
  }, 20_000);
});
