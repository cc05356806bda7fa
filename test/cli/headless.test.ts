import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {ndjson, runCli, startCli, waitForOutput} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('ssedeck --json', () => {
  it('writes the NDJSON contract: status, event, summary records', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('id: 42\ndata: hello\n\nevent: tick\ndata: a\ndata: b\n\n');
    });
    const {code, stdout, stderr} = await runCli([
      '--json',
      '--reconnect',
      'never',
      `${server.url}/feed`,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const records = ndjson(stdout);
    const stream = server.url.replace('http://', '') + '/feed';
    expect(records.map((record) => record.type)).toEqual([
      'status',
      'status',
      'event',
      'event',
      'summary',
    ]);
    expect(records[0]).toMatchObject({type: 'status', stream, state: 'connecting', attempt: 1});
    expect(records[1]).toMatchObject({type: 'status', stream, state: 'open', http_status: 200});
    expect(records[2]).toMatchObject({
      type: 'event',
      stream,
      event_number: 1,
      event_type: 'message',
      data: 'hello',
      event_id: '42',
    });
    expect(records[3]).toMatchObject({
      event_number: 2,
      event_type: 'tick',
      data: 'a\nb',
      event_id: '42',
    });
    expect(records[4]).toMatchObject({
      type: 'summary',
      stream,
      status: 'completed',
      total_events: 2,
      reconnects: 0,
    });
    expect(records[4]?.connection_duration).toEqual(expect.any(Number));
    expect(records[4]?.summary).toEqual(expect.stringContaining('2 events'));
    for (const record of records) expect(record.timestamp).toMatch(iso);
  });

  it('names streams by --name in order and by host+path otherwise', async () => {
    server = await oneEvent();
    const {stdout} = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--name',
      'first',
      `${server.url}/a`,
      `${server.url}/b/c`,
    ]);
    const names = new Set(ndjson(stdout).map((record) => record.stream));
    expect(names).toEqual(new Set(['first', `${server.url.replace('http://', '')}/b/c`]));
  });

  it('exits 1 when a stream fails, with the HTTP error in an error record', async () => {
    server = await startTestServer((_request, response) => {
      response.writeHead(401, {'Content-Type': 'application/json'});
      response.end('{"code":"unauthorized","message":"Access token is invalid","status":401}');
    });
    const {code, stdout} = await runCli(['--json', server.url]);
    expect(code).toBe(1);
    const error = ndjson(stdout).find((record) => record.type === 'error');
    expect(error).toMatchObject({status: 'failed', http_status: 401});
    expect(error?.error).toContain('Access token is invalid');
    expect(ndjson(stdout).at(-1)).toMatchObject({type: 'summary', status: 'failed'});
  });

  it('sends -X, -H, --query, -d @file and --bearer, and never prints the token', async () => {
    const token = 'app-VERYSECRET-123';
    server = await startTestServer((request, response, recorded) => {
      sseHead(response);
      response.end(
        `data: ${JSON.stringify({echo: recorded.headers.authorization, body: recorded.body})}\n\n`,
      );
    });
    const dir = await mkdtemp(join(tmpdir(), 'ssedeck-'));
    try {
      await writeFile(join(dir, 'query.json'), '{"query":"hi"}');
      const {code, stdout, stderr} = await runCli(
        [
          '--json',
          '-H',
          'X-Trace: 7',
          '--query',
          'lang=zh',
          '-d',
          '@query.json',
          '--bearer',
          token,
          `${server.url}/chat`,
        ],
        {cwd: dir},
      );
      expect(code).toBe(0);
      const [request] = server.requests;
      expect(request).toMatchObject({
        method: 'POST',
        path: '/chat?lang=zh',
        body: '{"query":"hi"}',
      });
      expect(request?.headers).toMatchObject({
        'x-trace': '7',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      });
      expect(stdout + stderr).not.toContain('VERYSECRET');
      expect(stdout).toContain('[redacted]');
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it('without a terminal and without --json, says so on stderr and writes NDJSON', async () => {
    server = await oneEvent();
    const {code, stdout, stderr} = await runCli(['--reconnect', 'never', server.url]);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'ssedeck: not a terminal, so writing NDJSON records to stdout (--json hides this note)',
    ]);
    expect(ndjson(stdout).at(-1)).toMatchObject({type: 'summary'});
  });

  for (const [signal, exitCode] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} stops every stream, prints the summaries and exits ${exitCode}`, async () => {
      server = await startTestServer((_request, response) => {
        sseHead(response);
        response.write('data: one\n\n');
      });
      const {child, result} = startCli(['--json', `${server.url}/a`, `${server.url}/b`]);
      await waitForOutput(child, '"type":"event"');
      child.kill(signal);
      const {code, stdout} = await result;
      expect(code).toBe(exitCode);
      const summaries = ndjson(stdout).filter((record) => record.type === 'summary');
      expect(summaries.map((summary) => summary.status)).toEqual(['stopped', 'stopped']);
    });
  }
});

describe('usage errors exit 2 with one line naming the problem', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--bogus', 'http://x'], /^ssedeck: unknown flag --bogus \(see ssedeck --help\)$/],
    [['--json', 'not a url'], /^ssedeck: bad URL "not a url"/],
    [['--json', 'ftp://example.com/x'], /only http and https/],
    [
      ['--json', '--max-events', 'abc', 'http://127.0.0.1:9/'],
      /^ssedeck: --max-events: expected a whole number above 0, got "abc"$/,
    ],
    [
      ['--json', '--timeout', '-1', 'http://127.0.0.1:9/'],
      /^ssedeck: --timeout: expected a positive number of seconds/,
    ],
    [
      ['--json', '--reconnect', 'sometimes', 'http://127.0.0.1:9/'],
      /--reconnect: expected one of always, on-error, never/,
    ],
    [['--json', '-H', 'no colon', 'http://127.0.0.1:9/'], /-H\/--header: expected "Name: value"/],
    [
      ['--json', '-d', '@/nonexistent/file.json', 'http://127.0.0.1:9/'],
      /-d\/--data @\/nonexistent\/file.json: cannot read the file \(ENOENT\)/,
    ],
    [['--json', '-X', 'GET', '-d', 'x', 'http://127.0.0.1:9/'], /a GET request cannot have a body/],
    [['--json', '--bearer', 'a', '--api-key', 'b', 'http://127.0.0.1:9/'], /choose one/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), async () => {
      const {code, stdout, stderr} = await runCli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('ssedeck serve', () => {
  it('prints its base URL, serves the ticker and stops on SIGTERM', async () => {
    const {child, result} = startCli(['serve']);
    let url = '';
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        url += chunk.toString();
        if (url.includes('\n')) resolve();
      });
    });
    const base = url.trim();
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${base}/ticker`);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const {value} = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/id: \d+/);
    await reader.cancel();
    child.kill('SIGTERM');
    // Like every mode: a signal is exit 128 + its number.
    expect((await result).code).toBe(143);
  });
});

async function oneEvent(): Promise<TestServer> {
  return startTestServer((_request, response) => {
    sseHead(response);
    response.end('data: x\n\n');
  });
}

describe('the demo', () => {
  it('runs the demo profile against the embedded server with no arguments', async () => {
    const {code, stdout} = await runCli(['--json', '--max-duration', '1.5']);
    expect(code).toBe(0);
    const summaries = ndjson(stdout).filter((record) => record.type === 'summary');
    expect(summaries.map((summary) => summary.stream).sort()).toEqual([
      'dify-chatflow',
      'flaky',
      'logs',
      'openai',
      'ticker',
    ]);
    const ticker = summaries.find((summary) => summary.stream === 'ticker');
    expect(ticker?.total_events).toBeGreaterThan(2);
  });

  it('-p demo picks streams of the packaged demo profile from any directory', async () => {
    const {code, stdout} = await runCli(
      ['-p', 'demo', '--stream', 'ticker', '--json', '--max-events', '2'],
      {cwd: tmpdir()},
    );
    expect(code).toBe(0);
    expect(ndjson(stdout).at(-1)).toMatchObject({
      type: 'summary',
      stream: 'ticker',
      total_events: 2,
      reason: 'max events reached',
    });
  });
});
