import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {recordingLine} from '../../../source/core/recording/format.js';
import {readLineBatches} from '../../../source/core/recording/line-batches.js';
import {readRecordingHead, RecordingError} from '../../../source/core/recording/load.js';
import {fileSource} from '../../../source/core/recording/record-source.js';
import {ReplayStream} from '../../../source/core/recording/replay-stream.js';
import type {StreamRecord} from '../../../source/core/records.js';
import {noRedaction} from '../../../source/core/redact.js';
import {parseStreamSpec, resolveStreamSpec} from '../../../source/core/stream-spec.js';

const header = (names: string[]) =>
  JSON.stringify({
    type: 'recording',
    format: 1,
    ssedeck: '0.1.0',
    started: '2026-01-01T00:00:00.000Z',
    streams: names.map((name) => ({
      name,
      method: 'GET',
      url: 'http://x/',
      preset: 'none',
      view: 'events',
    })),
  });

const event = (stream: string, n: number, data = `d${n}`): StreamRecord => ({
  stream,
  timestamp: n * 10,
  bytesReceived: n,
  type: 'event',
  eventNumber: n,
  eventType: 'tick',
  data,
  eventId: String(n),
});

const line = (record: StreamRecord) => recordingLine(record, 0, noRedaction) ?? '';

let dir = '';
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ssedeck-source-'))));
afterEach(() => rmSync(dir, {recursive: true, force: true}));

async function collect(path: string, stream: string, known: string[], warn = (_: string) => {}) {
  const head = readRecordingHead(path, 'rec');
  const source = fileSource({
    path,
    bodyStart: head.bodyStart,
    label: 'rec',
    stream,
    known: new Set(known),
    warn,
  });
  const records: StreamRecord[] = [];
  for await (const batch of source((t) => 1000 + t)) records.push(...batch);
  return records;
}

describe('readLineBatches', () => {
  it('splits LF and CRLF lines, keeps UTF-8 whole across read chunks and reports the unterminated tail', async () => {
    const path = join(dir, 'lines.txt');
    writeFileSync(path, 'héllo\r\n😀😀😀\n\nlast');
    const seen: Array<[string, number, boolean]> = [];
    for await (const batch of readLineBatches(path, 0, 1, 3)) {
      batch.lines.forEach((text, index) =>
        seen.push([text, batch.first + index, batch.unterminated]),
      );
    }
    expect(seen).toEqual([
      ['héllo', 1, false],
      ['😀😀😀', 2, false],
      ['', 3, false],
      ['last', 4, true],
    ]);
  });
});

describe('fileSource', () => {
  it("reads one stream's records of a big file in order, timestamps shifted, skipping the others", async () => {
    const path = join(dir, 'two.ndjson');
    const body: string[] = [];
    for (let n = 1; n <= 3000; n++)
      body.push(line(event(n % 3 === 0 ? 'b' : 'a', n, `{"n":${n}}`)));
    writeFileSync(path, `${header(['a', 'b'])}\n${body.join('')}`);
    const a = await collect(path, 'a', ['a', 'b']);
    expect(a).toHaveLength(2000);
    expect(a[0]).toMatchObject({stream: 'a', eventNumber: 1, data: '{"n":1}', timestamp: 1010});
    expect(a.every((record) => record.stream === 'a')).toBe(true);
    const b = await collect(path, 'b', ['a', 'b']);
    expect(b.map((record) => (record as {eventNumber: number}).eventNumber).slice(0, 3)).toEqual([
      3, 6, 9,
    ]);
  });

  it('skips a last line cut short with a warning, and names the line of a bad or foreign record', async () => {
    const path = join(dir, 'cut.ndjson');
    const full = line(event('a', 1));
    writeFileSync(path, `${header(['a'])}\n${full}${full.slice(0, 30)}`);
    const warnings: string[] = [];
    expect(await collect(path, 'a', ['a'], (w) => warnings.push(w))).toHaveLength(1);
    expect(warnings).toEqual(['rec: line 3 is incomplete (cut short?), skipped']);

    writeFileSync(path, `${header(['a'])}\n${full}not json\n${full}`);
    await expect(collect(path, 'a', ['a'])).rejects.toThrow(
      new RecordingError('rec:3: not a JSON record'),
    );
    writeFileSync(path, `${header(['a'])}\n${line(event('zz', 1))}`);
    await expect(collect(path, 'a', ['a'])).rejects.toThrow(
      'rec:2: stream "zz" is not in the header',
    );
  });

  it('a bad line met while playing ends the stream failed, naming the file and line', async () => {
    const path = join(dir, 'bad.ndjson');
    writeFileSync(
      path,
      `${header(['a'])}\n${line(event('a', 1))}{"t":1,"type":"event","stream":"a"}\n`,
    );
    const head = readRecordingHead(path, 'bad.ndjson');
    const resolved = resolveStreamSpec(parseStreamSpec({name: 'a', url: 'http://x.invalid/'}));
    const stream = new ReplayStream(
      resolved,
      fileSource({
        path,
        bodyStart: head.bodyStart,
        label: 'bad.ndjson',
        stream: 'a',
        known: new Set(['a']),
        warn: () => {},
      }),
      {speed: Number.POSITIVE_INFINITY, loop: false},
    );
    const seen: StreamRecord[] = [];
    stream.subscribe((record) => seen.push(record));
    const summary = await stream.start();
    expect(seen.map((record) => record.type)).toEqual(['event', 'error', 'summary']);
    expect(summary).toMatchObject({
      status: 'failed',
      reason: 'bad.ndjson:3: "event_number" is not a number',
    });
    expect(stream.failure).toBe('bad.ndjson:3: "event_number" is not a number');
  });
});
