import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {ndjson, runCli} from '../helpers/cli.js';
import {startTestServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
let dir: string | undefined;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, {recursive: true, force: true});
  dir = undefined;
});

async function oneEvent(headers: Record<string, string> = {}): Promise<TestServer> {
  return startTestServer((_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/event-stream', ...headers});
    response.end('data: one\n\n');
  });
}

async function profileFile(url: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-flags-'));
  const file = join(dir, 'p.yaml');
  await writeFile(file, `name: p\nstreams:\n  - name: from-profile\n    url: ${url}\n`);
  return file;
}

const NEVER = ['--reconnect', 'never'];

describe('curl habits', () => {
  it('-N / --no-buffer are accepted', async () => {
    server = await oneEvent();
    for (const flag of ['-N', '--no-buffer']) {
      const {code, stdout, stderr} = await runCli(['--json', flag, ...NEVER, `${server.url}/a`]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(ndjson(stdout).some((record) => record.type === 'event')).toBe(true);
    }
  });

  it('-s / --silent drops the "not a terminal" note; errors still print', async () => {
    server = await oneEvent();
    const loud = await runCli([...NEVER, `${server.url}/a`]);
    expect(loud.stderr).toMatch(/not a terminal/);
    for (const flag of ['-s', '--silent']) {
      const quiet = await runCli([flag, ...NEVER, `${server.url}/a`]);
      expect(quiet.stderr).toBe('');
      expect(quiet.code).toBe(0);
    }
    const error = await runCli(['-s', '--max-events', 'x', `${server.url}/a`]);
    expect(error.code).toBe(2);
    expect(error.stderr).toMatch(/--max-events: expected/);
  });

  it('-i / -v print the status line and headers on stderr, redacted and sanitized', async () => {
    server = await oneEvent({
      'X-Upstream': 'edge-7',
      'X-Api-Token': 'server-side-secret',
      // Node refuses ESC in a header; a C1 CSI (0x9b) gets through as latin1.
      'X-Echo': 'Bearer tok-abcdef123456 \u009b2J',
    });
    for (const flag of ['-i', '--include', '-v', '--verbose']) {
      const {code, stderr, stdout} = await runCli([
        '--json',
        flag,
        ...NEVER,
        '--name',
        'feed',
        '--bearer',
        'tok-abcdef123456',
        `${server.url}/a`,
      ]);
      expect(code).toBe(0);
      expect(stderr).toMatch(/^< feed: HTTP 200 OK$/m);
      expect(stderr).toMatch(/^< feed: content-type: text\/event-stream$/m);
      expect(stderr).toMatch(/^< feed: x-upstream: edge-7$/m);
      expect(stderr).toMatch(/^< feed: x-api-token: \[redacted\]$/m);
      expect(stderr).not.toContain('tok-abcdef123456');
      expect(stderr).not.toContain('server-side-secret');
      expect(stderr).toMatch(/^< feed: x-echo: Bearer \[redacted\] \S+2J$/m);
      expect(stderr).not.toContain('\u001b');
      expect(stderr).not.toContain('\u009b');
      // stdout stays pure NDJSON.
      expect(() => ndjson(stdout)).not.toThrow();
    }
  });

  it('-k warns once per insecure stream, URL and profile streams alike', async () => {
    server = await oneEvent();
    const file = await profileFile(`${server.url}/p`);
    const {code, stderr} = await runCli([
      '--json',
      '-k',
      ...NEVER,
      '-p',
      file,
      '--name',
      'url-stream',
      `${server.url}/u`,
    ]);
    expect(code).toBe(0);
    const warnings = stderr
      .split('\n')
      .filter((line) => /TLS certificate checks are off/.test(line));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^ssedeck: warning: from-profile: /);
    expect(warnings[1]).toMatch(/^ssedeck: warning: url-stream: /);
    const plain = await runCli(['--json', ...NEVER, `${server.url}/u`]);
    expect(plain.stderr).toBe('');
  });

  it('--cacert with a missing file is a usage error naming the flag and the file', async () => {
    const {code, stdout, stderr} = await runCli([
      '--json',
      '--cacert',
      'no-such-ca.pem',
      'http://127.0.0.1:9/',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('ssedeck: --cacert no-such-ca.pem: cannot read the file (ENOENT)\n');
  });

  it('-A / --user-agent sets the User-Agent of URL and profile streams', async () => {
    server = await oneEvent();
    const file = await profileFile(`${server.url}/p`);
    const {code} = await runCli([
      '--json',
      ...NEVER,
      '-A',
      'probe/1.0',
      '-H',
      'user-agent: replaced',
      '-p',
      file,
      `${server.url}/u`,
    ]);
    expect(code).toBe(0);
    expect(server.requests.map((request) => request.headers['user-agent'])).toEqual([
      'probe/1.0',
      'probe/1.0',
    ]);
    await runCli(['--json', ...NEVER, '--user-agent', 'long/2', `${server.url}/u`]);
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('long/2');
  });
});

describe('URLs without a scheme mean http://', () => {
  it('127.0.0.1:PORT/path and localhost:PORT/path connect', async () => {
    server = await oneEvent();
    const port = new URL(server.url).port;
    for (const url of [`127.0.0.1:${port}/feed`, `localhost:${port}/feed`]) {
      const {code, stdout, stderr} = await runCli(['--json', ...NEVER, url]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(ndjson(stdout).find((record) => record.type === 'event')).toMatchObject({
        stream: url,
        data: 'one',
      });
    }
  });

  it(':PORT/path is localhost (xh)', async () => {
    server = await oneEvent();
    const port = new URL(server.url).port;
    const {code, stdout} = await runCli(['--json', ...NEVER, `:${port}/feed`]);
    expect(code).toBe(0);
    expect(ndjson(stdout)[0]).toMatchObject({stream: `localhost:${port}/feed`});
  });

  it('import-curl accepts a URL without a scheme', async () => {
    const {code, stdout} = await runCli(['import-curl', 'curl -N localhost:8787/ticker']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/url: http:\/\/localhost:8787\/ticker/);
  });

  it('other schemes are still refused', async () => {
    const {code, stderr} = await runCli(['--json', 'ftp://example.com/x']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/only http and https/);
  });
});

describe('-d with JSON that does not parse', () => {
  it.each([
    [['-d', '{bad json']],
    [['-d', '[1, 2']],
    [['-H', 'Content-Type: application/json', '-d', 'query=hello']],
  ])('%j is a usage error naming --data', async (args) => {
    const {code, stderr} = await runCli(['--json', ...args, 'http://127.0.0.1:9/']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ssedeck: -d\/--data: not valid JSON \(.+\)\n$/);
  });

  it('form data and explicitly non-JSON bodies are sent as they are', async () => {
    server = await oneEvent();
    for (const args of [
      ['-d', 'a=1'],
      ['-H', 'Content-Type: text/plain', '-d', '{not json'],
    ]) {
      const {code} = await runCli(['--json', ...NEVER, ...args, `${server.url}/u`]);
      expect(code).toBe(0);
    }
    expect(server.requests.map((request) => request.body)).toEqual(['a=1', '{not json']);
  });
});
