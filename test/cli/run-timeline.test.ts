import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readRunFixture} from '../core/dify-run/run-records.js';
import {ndjson, runCli, startCli} from '../helpers/cli.js';
import type {ServerResponse} from 'node:http';
import {sleep, startTestServer, type TestServer} from '../helpers/http-server.js';

/**
 * `--json` summary `nodes` / `checks` and the `--run` timeline, end to end:
 * the built CLI against a real 127.0.0.1 server that sends a Dify run
 * fixture in small chunks.
 */

let server: TestServer;
const bodies = new Map<string, Uint8Array>();

beforeAll(async () => {
  server = await startTestServer(async (request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').searchParams.get('fixture') ?? '';
    if (name === 'ping-wait') {
      await sendWithPingWait(response);
      return;
    }
    const body = bodies.get(name) ?? readRunFixture(name);
    response.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8'});
    for (let at = 0; at < body.length; at += 700) {
      response.write(body.subarray(at, at + 700));
      await new Promise((resolve) => setImmediate(resolve));
    }
    response.end();
  });
  // A node title with a terminal escape and a bidi control: shown escaped, never executed.
  const failed = new TextDecoder().decode(readRunFixture('chatflow-failed-node.sse'));
  bodies.set(
    'hostile',
    new TextEncoder().encode(failed.replaceAll('"Fetch order"', '"Fetch\\u001b[31m order\\u202e"')),
  );
});
afterAll(async () => {
  await server.close();
});

/**
 * The failed-node fixture with a quiet spell after "Fetch order" started:
 * only Dify's bare `event: ping` blocks, every 100 ms for 1.6 s.
 */
async function sendWithPingWait(response: ServerResponse): Promise<void> {
  const blocks = new TextDecoder()
    .decode(readRunFixture('chatflow-failed-node.sse'))
    .split('\n\n')
    .filter((block) => block.trim() !== '');
  const waitAfter = blocks.findIndex(
    (block) => block.includes('"node_started"') && block.includes('"Fetch order"'),
  );
  response.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8'});
  response.write(blocks.slice(0, waitAfter + 1).join('\n\n') + '\n\n');
  for (let ping = 0; ping < 16; ping++) {
    await sleep(100);
    response.write('event: ping\n\n');
  }
  response.end(blocks.slice(waitAfter + 1).join('\n\n') + '\n\n');
}

const args = (fixture: string) => [
  '--bearer',
  'app-secret-key-123',
  '--ask',
  'hi',
  `${server.url}/v1/chat-messages?fixture=${fixture}`,
];
const utf8 = {env: {LC_ALL: 'C.UTF-8'}};
const ascii = {env: {LC_ALL: 'C'}};

function summaryOf(stdout: string): Record<string, unknown> {
  const summary = ndjson(stdout).find((record) => record['type'] === 'summary');
  if (!summary) throw new Error(`no summary in ${stdout}`);
  return summary;
}

const timelineLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('ssedeck: '))
    .map((line) => line.replace(/^ssedeck: 127\.0\.0\.1:\d+\/v1\/chat-messages: /, ''));

describe('--json summary of a Dify run', () => {
  it('carries the nodes in start order and no checks for a clean chatflow', async () => {
    const {code, stdout, stderr} = await runCli([
      '--json',
      ...args('chatflow-iteration-parallel.sse'),
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const summary = summaryOf(stdout);
    expect(summary['checks']).toEqual([]);
    const nodes = summary['nodes'] as Array<Record<string, unknown>>;
    expect(
      nodes.map((node) => [node['title'], node['status'], node['iteration_id'], node['step']]),
    ).toEqual([
      ['Start', 'succeeded', null, null],
      ['Each city', 'succeeded', null, null],
      ['Summarize', 'succeeded', 'iter', 0],
      ['Summarize', 'succeeded', 'iter', 1],
      ['Summarize', 'succeeded', 'iter', 2],
      ['Weather API', 'succeeded', null, null],
      ['News API', 'succeeded', null, null],
      ['Digest news', 'succeeded', null, null],
      ['Answer', 'succeeded', null, null],
    ]);
    expect(nodes[2]).toEqual({
      id: 'x-summ-0',
      node_id: 'summ',
      title: 'Summarize',
      type: 'llm',
      status: 'succeeded',
      elapsed: 0.5,
      tokens: 10,
      price: '0.00001',
      currency: 'USD',
      error: null,
      iteration_id: 'iter',
      loop_id: null,
      step: 0,
      parallel_branch: null,
      retries: 0,
    });
    expect(nodes.slice(5, 8).map((node) => node['parallel_branch'])).toEqual([
      'weather',
      'news',
      'news',
    ]);
  });

  it('names the failed node and its error in checks, without an error event', async () => {
    const {code, stdout} = await runCli(['--json', ...args('chatflow-failed-node.sse')]);
    expect(code).toBe(0);
    const summary = summaryOf(stdout);
    expect(summary['checks']).toEqual([
      {
        code: 'run-failed',
        severity: 'error',
        message:
          'run failed at node "Fetch order" (http-request): HTTP 503 from upstream (no error event)',
      },
    ]);
    expect((summary['nodes'] as Array<Record<string, unknown>>)[1]).toMatchObject({
      status: 'failed',
      retries: 1,
      error: 'HTTP 503 from upstream',
    });
  });

  it('says what is missing when the stream ends without workflow_finished', async () => {
    const {stdout} = await runCli(['--json', ...args('workflow-no-finish.sse')]);
    const checks = summaryOf(stdout)['checks'] as Array<Record<string, unknown>>;
    expect(checks.map((check) => check['code'])).toEqual([
      'no-terminal-event',
      'reattach-possible',
    ]);
    expect(checks[0]!['message']).toBe('stream ended without workflow_finished (workflow)');
  });

  it('gives streams that are not Dify no nodes or checks', async () => {
    const body = JSON.stringify({
      model: 'm',
      stream: true,
      messages: [{role: 'user', content: 'hi'}],
    });
    const {stdout} = await runCli([
      '--json',
      '-d',
      body,
      `${server.url}/v1/chat/completions?fixture=chat-message-replace.sse`,
    ]);
    const summary = summaryOf(stdout);
    expect(summary).not.toHaveProperty('nodes');
    expect(summary).not.toHaveProperty('checks');
  });
});

describe('--run', () => {
  it('prints the node timeline on stderr as it happens, steps indented, then the run', async () => {
    const {code, stdout, stderr} = await runCli(
      ['--json', '--run', ...args('chatflow-iteration-parallel.sse')],
      utf8,
    );
    expect(code).toBe(0);
    expect(summaryOf(stdout)['checks']).toEqual([]);
    expect(timelineLines(stderr)).toEqual([
      '▶ Start (start)',
      '✓ Start (start) 0.01 s',
      '▶ Each city (iteration)',
      '  · iteration step 0',
      '  ▶ Summarize (llm)',
      '  ✓ Summarize (llm) 0.5 s, 10 tokens, 0.00001 USD',
      '  · iteration step 1',
      '  ▶ Summarize (llm)',
      '  ✓ Summarize (llm) 0.5 s, 10 tokens, 0.00001 USD',
      '  · iteration step 2',
      '  ▶ Summarize (llm)',
      '  ✓ Summarize (llm) 0.5 s, 10 tokens, 0.00001 USD',
      '✓ Each city (iteration) 1.6 s, 30 tokens',
      '▶ Weather API (http-request)',
      '▶ News API (http-request) ∥ news',
      '✓ News API (http-request) ∥ news 0.3 s',
      '▶ Digest news (code) ∥ news',
      '✓ Weather API (http-request) ∥ weather 0.6 s',
      '✓ Digest news (code) ∥ news 0.05 s',
      '▶ Answer (answer)',
      '✓ Answer (answer) 0.01 s',
      'run succeeded, chatflow, 2.7 s, 30 tokens, 0.00003 USD, 10 steps',
    ]);
  });

  it('uses ASCII marks under LANG=C, retries and failures included, checks at the end', async () => {
    const {stderr} = await runCli(['--json', '--run', ...args('chatflow-failed-node.sse')], ascii);
    expect(timelineLines(stderr)).toEqual([
      '> Start (start)',
      '+ Start (start) 0.1 s',
      '> Fetch order (http-request)',
      '~ Fetch order (http-request) retry 1: HTTP 503 from upstream',
      'x Fetch order (http-request) failed 3.2 s: HTTP 503 from upstream',
      'run failed, chatflow, 3.3 s, 0 tokens, 2 steps',
      'error run-failed: run failed at node "Fetch order" (http-request): HTTP 503 from upstream (no error event)',
    ]);
  });

  it('shows escapes in server text as visible text and never prints the key', async () => {
    const {stderr, stdout} = await runCli(['--json', '--run', ...args('hostile')], ascii);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).not.toContain('\u202e');
    expect(stderr).toContain('Fetch\\x1b[31m order');
    expect(stderr).not.toContain('app-secret-key-123');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('app-secret-key-123');
  });

  it('comes with --answer --verbose too: the answer on stdout, the timeline on stderr', async () => {
    const {code, stdout, stderr} = await runCli(
      ['--answer', '-v', ...args('human-input-paused.sse')],
      utf8,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = timelineLines(stderr);
    expect(lines).toContain('⏸ Approval (human-input) paused');
    expect(lines).toContain('run paused, chatflow, 0.5 s, 2 steps');
  });

  it('says once, live, which node a stream that only pings waits on (--ping-wait)', async () => {
    const {code, stderr} = await runCli(
      ['--json', '--run', '--ping-wait', '1', ...args('ping-wait')],
      ascii,
    );
    expect(code).toBe(0);
    const lines = timelineLines(stderr);
    expect(lines.slice(0, 5)).toEqual([
      '> Start (start)',
      '+ Start (start) 0.1 s',
      '> Fetch order (http-request)',
      'waiting on node Fetch order for 1s (pings only)',
      '~ Fetch order (http-request) retry 1: HTTP 503 from upstream',
    ]);
    expect(lines.filter((line) => line.startsWith('waiting on node'))).toHaveLength(1);
  });

  it('rejects a --ping-wait out of range in one line, with or without --run', async () => {
    for (const [flags, message] of [
      [['--run', '--ping-wait', '0'], '--ping-wait: expected seconds from 1 to 3600, got "0"'],
      [
        ['--run', '--ping-wait', 'soon'],
        '--ping-wait: expected seconds from 1 to 3600, got "soon"',
      ],
      [['--ping-wait', '3601'], '--ping-wait: expected seconds from 1 to 3600, got "3601"'],
    ] as const) {
      const {code, stdout, stderr} = await runCli(['--json', ...flags, ...args('x.sse')]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain(message);
    }
  });

  it('keeps the streams and the summary when the reader of stderr goes away', async () => {
    const {child, result} = startCli([
      '--json',
      '--run',
      ...args('chatflow-iteration-parallel.sse'),
    ]);
    child.stderr?.once('data', () => child.stderr?.destroy());
    const {code, stdout} = await result;
    expect(code).toBe(0);
    expect((summaryOf(stdout)['nodes'] as unknown[]).length).toBe(9);
  });
});
