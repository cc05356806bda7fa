import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ndjson, runCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

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

/** The records without their timestamps, grouped per stream in order (streams interleave freely). */
function perStream(stdout: string): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const record of ndjson(stdout)) {
    const {timestamp: _timestamp, ...rest} = record;
    (groups[String(record.stream)] ??= []).push(JSON.stringify(rest));
  }
  return groups;
}

describe('--record and replay', () => {
  it('replays a recording with --json --speed max as the same records: events, ids, reconnects, errors', async () => {
    server = await startTestServer((_request, response, _recorded, index) => {
      if (index === 1) {
        response.writeHead(503, {'Content-Type': 'text/plain'});
        response.end('busy');
        return;
      }
      sseHead(response);
      const first = index === 0 ? 1 : 3;
      response.end(
        `retry: 10\nid: ${first}\ndata: one\n\nevent: tick\nid: ${first + 1}\ndata: two\n\n`,
      );
    });
    const file = join(dir, 'run.ndjson');
    const live = await runCli([
      '--json',
      '--max-events',
      '4',
      '--record',
      file,
      `${server.url}/feed`,
    ]);
    expect(live.code).toBe(0);
    const states = ndjson(live.stdout).map((record) => record['state'] ?? record.type);
    expect(states).toContain('reconnecting');
    expect(states).toContain('error');

    const replay = await runCli(['replay', file, '--json', '--speed', 'max']);
    expect(replay.stderr).toBe('');
    expect(replay.code).toBe(0);
    expect(perStream(replay.stdout)).toEqual(perStream(live.stdout));
    const ids = ndjson(replay.stdout)
      .filter((record) => record.type === 'event')
      .map((record) => record['event_id']);
    expect(ids).toEqual(['1', '2', '3', '4']);
  });

  it('round-trips the demo LLM streams: same records and the same answer text', async () => {
    const file = join(dir, 'demo.ndjson');
    const args = ['-p', 'demo', '--stream', 'dify-chatflow', '--stream', 'openai'];
    const live = await runCli([...args, '--json', '--record', file]);
    expect(live.code).toBe(0);
    const replay = await runCli(['replay', file, '--json', '--speed', 'max']);
    expect(replay.code).toBe(0);
    expect(perStream(replay.stdout)).toEqual(perStream(live.stdout));

    const answer = (stream: string) =>
      String(
        ndjson(live.stdout).find(
          (record) => record.type === 'summary' && record.stream === stream,
        )?.['answer'],
      );
    expect(answer('dify-chatflow').length).toBeGreaterThan(20);
    expect(answer('openai').length).toBeGreaterThan(20);
    const text = await runCli(['replay', file, '--answer', '--speed', 'max', '--stream', 'openai']);
    expect(text.code).toBe(0);
    expect(text.stdout.trim()).toBe(answer('openai').trim());
  });

  it('writes a header naming the format, version and streams, then offsets on every line', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('data: hi\n\n:comment\n\n');
    });
    const file = join(dir, 'one.ndjson');
    const live = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--name',
      'feed',
      '--record',
      file,
      `${server.url}/x`,
    ]);
    expect(live.code).toBe(0);
    const [header, ...lines] = ndjson(await readFile(file, 'utf8'));
    expect(header).toMatchObject({
      type: 'recording',
      format: 1,
      streams: [
        {name: 'feed', method: 'GET', url: `${server.url}/x`, preset: 'none', view: 'events'},
      ],
    });
    expect(Date.parse(String(header?.['started']))).toBeGreaterThan(0);
    expect(lines.map((line) => line.type)).toEqual([
      'status',
      'status',
      'event',
      'keepalive',
      'summary',
    ]);
    for (const line of lines) {
      expect(typeof line['t']).toBe('number');
      expect(typeof line['rx']).toBe('number');
    }
  });
});
