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

  it('streams a capture larger than a read chunk: characters and CRLFs split at the chunk edge survive', async () => {
    const file = join(dir, 'big.sse');
    const chunk = 1024 * 1024;
    // A comment pads the file so that the 1 MiB edge falls inside the "事" of
    // an event's data (3 UTF-8 bytes: its second byte is the first of chunk 2).
    const event = (n: number) => `id: ${n}\r\ndata: 事件 ${n}\r\n\r\n`;
    const head: string[] = [];
    let prefix = 0;
    let n = 0;
    while (prefix < chunk - 200) {
      head.push(event(++n));
      prefix += Buffer.byteLength(head.at(-1) ?? '');
    }
    const padding = chunk - prefix - Buffer.byteLength(`id: ${n + 1}\r\ndata: `) - 1;
    const total = n + 5000;
    const tail = Array.from({length: total - n}, (_, index) => event(n + 1 + index));
    const body = [`: ${'x'.repeat(padding - 3)}\n`, ...head, ...tail].join('');
    expect(
      Buffer.from(body)
        .subarray(chunk - 1, chunk + 2)
        .toString(),
    ).toBe('事');
    await writeFile(file, body);
    const {code, stdout, stderr} = await runCli(['replay', file, '--json', '--speed', 'max']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const events = ndjson(stdout).filter((record) => record.type === 'event');
    expect(events).toHaveLength(total);
    expect(events.every((event, index) => event['data'] === `事件 ${index + 1}`)).toBe(true);
    expect(events.at(-1)?.['event_id']).toBe(String(total));
    expect(ndjson(stdout).at(-1)).toMatchObject({
      total_events: total,
      bytes: Buffer.byteLength(body),
    });
  });

  it('an event over the buffer limit ends the replay with one line naming the file', async () => {
    const file = join(dir, 'huge.sse');
    await writeFile(file, `data: ok\n\ndata: ${'y'.repeat(17 * 1024 * 1024)}\n\n`);
    const {code, stdout, stderr} = await runCli(['replay', file, '--json', '--speed', 'max']);
    expect(code).toBe(2);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(/^ssedeck: replay: .*huge\.sse: /);
    // What came before is played: nothing read is lost.
    expect(ndjson(stdout).some((record) => record['data'] === 'ok')).toBe(true);
  });
});
