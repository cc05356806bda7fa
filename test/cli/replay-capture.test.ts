import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ndjson, runCli} from '../helpers/cli.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-capture-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('replay of a raw SSE capture', () => {
  it('decodes a curl -N capture as one stream named after the file', async () => {
    const file = join(dir, 'feed.sse');
    const capture =
      ': hello\r\n\r\nid: 7\r\nevent: tick\r\ndata: one\r\ndata: two\r\n\r\nretry: 5\n\ndata: three\n\nid: 9\ndata: cut';
    await writeFile(file, capture);
    const {code, stdout, stderr} = await runCli(['replay', file, '--json', '--speed', 'max']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const records = ndjson(stdout);
    expect(new Set(records.map((record) => record.stream))).toEqual(new Set(['feed.sse']));
    const events = records.filter((record) => record.type === 'event');
    expect(events.map((event) => [event['event_type'], event['data'], event['event_id']])).toEqual([
      ['tick', 'one\ntwo', '7'],
      ['message', 'three', '7'],
    ]);
    expect(records.at(-1)).toMatchObject({
      type: 'summary',
      status: 'completed',
      total_events: 2,
      bytes: Buffer.byteLength(capture),
    });
  });

  it('takes bare data: lines (a browser EventStream copy) as one event each, paced by --rate', async () => {
    const file = join(dir, 'copied.txt');
    await writeFile(file, 'data: a\ndata: b\ndata: c\n');
    const {code, stdout} = await runCli(['replay', file, '--json', '--rate', '1000']);
    expect(code).toBe(0);
    const events = ndjson(stdout).filter((record) => record.type === 'event');
    expect(events.map((event) => event['data'])).toEqual(['a', 'b', 'c']);
  });

  it('rejects a bad --rate and an empty file in one line', async () => {
    const file = join(dir, 'empty.sse');
    await writeFile(file, '');
    const rate = await runCli(['replay', file, '--rate', '0']);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toMatch(/^ssedeck: --rate: expected events per second/);
    const empty = await runCli(['replay', file, '--json']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toBe(`ssedeck: replay: ${file}: the file is empty\n`);
  });
});
