import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {EventSource} from 'eventsource';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ndjson, runCli, startCli, waitForOutput} from '../helpers/cli.js';

type Seen = {data: string; id: string; type: string};

let dir = '';
let file = '';
let recorded: Record<string, Seen[]> = {};
const children: Array<ReturnType<typeof startCli>> = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-serve-rec-'));
  file = join(dir, 'demo.ndjson');
  // The flaky stream drops after about 20 events: 24 events hold a reconnect.
  const args = [
    '-p',
    'demo',
    '--stream',
    'flaky',
    '--stream',
    'dify-chatflow',
    '--max-events',
    '24',
  ];
  const live = await runCli([...args, '--json', '--record', file]);
  expect(live.code).toBe(0);
  recorded = {};
  for (const record of ndjson(live.stdout)) {
    if (record.type !== 'event') continue;
    (recorded[String(record.stream)] ??= []).push({
      data: String(record['data']),
      id: String(record['event_id']),
      type: String(record['event_type']),
    });
  }
  expect(recorded['flaky']?.length).toBe(24);
}, 30_000);

afterEach(async () => {
  for (const {child, result} of children.splice(0)) {
    child.kill('SIGTERM');
    await result;
  }
});

describe('ssedeck serve --recording', () => {
  it('serves each stream at its path: ssedeck reads the same events across the recorded reconnect', async () => {
    const url = await serveUrl('--speed', '10');
    const read = await runCli(['--json', '--max-events', '24', `${url}/flaky`]);
    expect(read.code).toBe(0);
    const records = ndjson(read.stdout);
    const events = records
      .filter((record) => record.type === 'event')
      .map((record) => ({
        data: record['data'],
        id: record['event_id'],
        type: record['event_type'],
      }));
    expect(events).toEqual(recorded['flaky']);
    expect(records.some((record) => record['state'] === 'reconnecting')).toBe(true);
  }, 30_000);

  it('the eventsource package gets the same events, and its reconnect resumes after Last-Event-ID', async () => {
    const url = await serveUrl('--speed', '10');
    const expected = recorded['flaky'] ?? [];
    const seen: Seen[] = [];
    let opens = 0;
    await new Promise<void>((resolve, reject) => {
      const source = new EventSource(`${url}/flaky`);
      const timer = setTimeout(() => {
        source.close();
        reject(new Error(`only ${seen.length} events`));
      }, 20_000);
      source.onopen = () => opens++;
      source.onmessage = (event) => {
        seen.push({data: event.data as string, id: event.lastEventId, type: event.type});
        if (seen.length === expected.length) {
          clearTimeout(timer);
          source.close();
          resolve();
        }
      };
    });
    expect(seen).toEqual(expected);
    expect(opens).toBeGreaterThan(1);
  }, 30_000);

  it('a request with Last-Event-ID starts after that id; a recorded Dify stream answers a POST', async () => {
    const url = await serveUrl('--speed', 'max');
    const expected = recorded['flaky'] ?? [];
    const after = expected[4]?.id ?? '';
    const response = await fetch(`${url}/flaky`, {headers: {'Last-Event-ID': after}});
    const text = await response.text();
    const firstData = /^data: (.*)$/m.exec(text)?.[1];
    expect(firstData).toBe(expected[5]?.data);

    const dify = await fetch(`${url}/v1/chat-messages`, {method: 'POST', body: '{}'});
    expect(dify.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const datas = [...(await dify.text()).matchAll(/^data: (.*)$/gm)].map((match) => match[1]);
    expect(datas).toEqual(recorded['dify-chatflow']?.map((event) => event.data));
  }, 30_000);

  it('a recorded pause for human input ends the response there, as Dify did', async () => {
    const paused = join(dir, 'paused.ndjson');
    const at = '2026-12-06T10:00:00.000Z';
    const line = (t: number, record: Record<string, unknown>) =>
      JSON.stringify({t, rx: 0, stream: 'flow', timestamp: at, ...record});
    const event = (t: number, n: number, data: string) =>
      line(t, {type: 'event', event_number: n, event_type: 'message', data, event_id: ''});
    await writeFile(
      paused,
      [
        JSON.stringify({
          type: 'recording',
          format: 1,
          ssedeck: '0.1.0',
          started: at,
          streams: [
            {name: 'flow', method: 'GET', url: 'http://x/flow', preset: 'none', view: 'events'},
          ],
        }),
        line(0, {type: 'status', state: 'connecting', attempt: 1}),
        line(1, {
          type: 'status',
          state: 'open',
          attempt: 1,
          http_status: 200,
          content_type: 'text/event-stream',
          headers_ms: 1,
          headers: {},
        }),
        event(2, 1, 'before the pause'),
        line(3, {type: 'status', state: 'waiting', reason: 'paused for human input', attempt: 2}),
        line(4, {type: 'status', state: 'connecting', attempt: 2, reattach: true}),
        event(5, 2, 'after the form'),
        '',
      ].join('\n'),
    );
    const started = startCli(['serve', '--recording', paused, '--speed', 'max']);
    children.push(started);
    let text = '';
    started.child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    await waitForOutput(started.child, '\n', 10_000);
    const url = /http:\/\/[\d.:]+/.exec(text)?.[0] ?? '';
    const body = await (await fetch(`${url}/flow`)).text();
    expect(body).toContain('data: before the pause');
    expect(body).not.toContain('after the form');
  }, 30_000);

  it('rejects --speed without --recording and a missing recording in one line', async () => {
    const speed = await runCli(['serve', '--speed', '2']);
    expect(speed.code).toBe(2);
    expect(speed.stderr).toBe('ssedeck: serve: --speed and --loop go with --recording FILE\n');
    const missing = await runCli(['serve', '--recording', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `ssedeck: serve: cannot read ${join(dir, 'nope.ndjson')} (no such file)\n`,
    );
  });
});

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function serveUrl(...flags: string[]): Promise<string> {
  const started = startCli(['serve', '--recording', file, ...flags]);
  children.push(started);
  let text = '';
  started.child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await waitForOutput(started.child, '\n', 10_000);
  const url = /http:\/\/[\d.:]+/.exec(text)?.[0];
  if (!url) throw new Error(`no URL in ${text}`);
  return url;
}
