import {appendFile, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ndjson, runCli, startCli} from '../helpers/cli.js';
import {sleep, sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-rec-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, {recursive: true, force: true});
});

const eventLines = (text: string) =>
  text.split('\n').filter((line) => line.includes('"type":"event"'));

describe('recording safety', () => {
  it('a recorder killed with SIGKILL leaves a file that replays up to the kill', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      let id = 0;
      const timer = setInterval(() => response.write(`id: ${++id}\ndata: tick ${id}\n\n`), 10);
      response.on('close', () => clearInterval(timer));
    });
    const file = join(dir, 'killed.ndjson');
    const {child, result} = startCli(['--json', '--record', file, `${server.url}/feed`]);
    for (let waited = 0; waited < 10_000; waited += 50) {
      const text = await readFile(file, 'utf8').catch(() => '');
      if (eventLines(text).length >= 20) break;
      await sleep(50);
    }
    child.kill('SIGKILL');
    expect((await result).signal).toBe('SIGKILL');
    // A line cut short by the kill (made certain here) is reported and skipped.
    await appendFile(file, '{"t":99999,"rx":1,"type":"event","stream":"x","eve');
    const recorded = eventLines(await readFile(file, 'utf8')).length - 1;
    expect(recorded).toBeGreaterThanOrEqual(20);

    const replay = await runCli(['replay', file, '--json', '--speed', 'max']);
    expect(replay.code).toBe(0);
    expect(replay.stderr).toMatch(/killed\.ndjson: line \d+ is incomplete .*skipped\n$/);
    expect(replay.stderr.split('\n')).toHaveLength(2);
    const records = ndjson(replay.stdout);
    const events = records.filter((record) => record.type === 'event');
    expect(events).toHaveLength(recorded);
    expect(events.map((event) => event['event_id'])).toEqual(
      Array.from({length: recorded}, (_, index) => String(index + 1)),
    );
    expect(records.at(-1)).toMatchObject({
      type: 'summary',
      status: 'stopped',
      total_events: recorded,
    });
  });

  it('a recording never holds the Bearer token, an api-key header, a URL query token or URL user info', async () => {
    server = await startTestServer((request, response) => {
      sseHead(response);
      // A server that echoes what it was sent: the secrets come back in data too.
      const echo = JSON.stringify({
        auth: request.headers.authorization,
        key: request.headers['x-api-key'],
        url: request.url,
      });
      response.end(`data: ${echo}\n\n`);
    });
    const file = join(dir, 'secret.ndjson');
    const url = server.url.replace('http://', 'http://someone:PassWordSecret77@');
    const live = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--bearer',
      'BearerSecret123',
      '-H',
      'X-Api-Key: ApiKeySecret456',
      '--record',
      file,
      `${url}/feed?access_token=QueryTokenSecret789&page=2`,
    ]);
    expect(live.code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"data":');
    expect(text).toContain('[redacted]');
    for (const secret of [
      'BearerSecret123',
      'ApiKeySecret456',
      'QueryTokenSecret789',
      'PassWordSecret77',
      Buffer.from('someone:PassWordSecret77').toString('base64'),
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('a recording that cannot be written', () => {
  it.skipIf(process.platform !== 'linux')(
    'a full disk (/dev/full) ends the recording with one line, not the run',
    async () => {
      server = await startTestServer((_request, response) => {
        sseHead(response);
        response.end('id: 1\ndata: one\n\nid: 2\ndata: two\n\n');
      });
      const run = await runCli([
        '--json',
        '--reconnect',
        'never',
        '--record',
        '/dev/full',
        `${server.url}/feed`,
      ]);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(
        'ssedeck: --record: cannot write /dev/full (ENOSPC); recording stopped\n',
      );
      expect(ndjson(run.stdout).filter((record) => record.type === 'event')).toHaveLength(2);
    },
  );

  it('a file that cannot be created is a usage error (exit 2)', async () => {
    const file = join(dir, 'no-such-dir', 'rec.ndjson');
    const run = await runCli(['--json', '--record', file, 'http://127.0.0.1:9/']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ssedeck: --record: cannot write ${file} (ENOENT)\n`);
  });
});

describe('replay of bad files', () => {
  const header = (format: number) =>
    JSON.stringify({
      type: 'recording',
      format,
      ssedeck: '0.1.0',
      started: '2026-01-01T00:00:00.000Z',
      streams: [{name: 's', method: 'GET', url: 'http://x/', preset: 'none', view: 'events'}],
    });

  it('names the version of a recording in another format (exit 2)', async () => {
    const file = join(dir, 'v9.ndjson');
    await writeFile(file, `${header(9)}\n`);
    const {code, stderr, stdout} = await runCli(['replay', file, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ssedeck: replay: ${file}: recording format 9 is not supported (this ssedeck reads format 1)\n`,
    );
  });

  it('names the file and line of a bad record, and a missing file, in one line without a stack', async () => {
    const file = join(dir, 'bad.ndjson');
    const event =
      '{"t":1,"rx":3,"type":"event","stream":"s","event_number":1,"event_type":"message","data":"a","event_id":""}';
    await writeFile(file, `${header(1)}\n${event}\nnot json\n${event}\n`);
    const bad = await runCli(['replay', file, '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(`ssedeck: replay: ${file}:3: not a JSON record\n`);

    await writeFile(file, `${header(1)}\n{"t":1,"type":"event","stream":"s"}\n`);
    const shape = await runCli(['replay', file, '--json']);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toBe(`ssedeck: replay: ${file}:2: "event_number" is not a number\n`);

    const missing = await runCli(['replay', join(dir, 'nope.ndjson'), '--json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `ssedeck: replay: cannot read ${join(dir, 'nope.ndjson')} (no such file)\n`,
    );

    const live = await runCli(['--speed', '2', 'http://127.0.0.1:9/']);
    expect(live.code).toBe(2);
    expect(live.stderr).toBe('ssedeck: --speed, --loop and --rate are options of ssedeck replay\n');

    const usage = await runCli(['replay', file, '--speed', 'fast']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^ssedeck: --speed: expected a factor/);
  });
});
