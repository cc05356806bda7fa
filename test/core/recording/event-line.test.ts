import {describe, expect, it} from 'vitest';
import {readEventLine} from '../../../source/core/recording/event-line.js';
import {recordingLine} from '../../../source/core/recording/format.js';
import {recordOfWire} from '../../../source/core/recording/wire-record.js';
import {toNdjsonLine} from '../../../source/core/ndjson.js';
import type {EventRecord} from '../../../source/core/records.js';
import {noRedaction} from '../../../source/core/redact.js';

const event = (data: string, extra: Partial<EventRecord> = {}): EventRecord => ({
  stream: 's',
  timestamp: 1234,
  bytesReceived: 99,
  type: 'event',
  eventNumber: 7,
  eventType: 'message',
  data,
  eventId: 'id-7',
  ...extra,
});

const C1_CSI = String.fromCharCode(0x9b);
const BIDI = String.fromCharCode(0x202e);

describe('readEventLine (the replay fast path)', () => {
  it.each([
    ['plain text', event('hello')],
    ['JSON with quotes and backslashes', event('{"a":"b\\\\c","n":[1,2]}')],
    ['a "," inside the data', event('a","event_id":"x')],
    ['newlines, tabs and ESC', event('one\ntwo\tthree\u001b[31m')],
    ['non-ASCII and an emoji', event('grüße 😀 中文')],
    ['a C1 CSI and a bidi control', event(`x${C1_CSI}y${BIDI}z`)],
    ['an empty data and id', event('', {eventId: ''})],
    ['odd names', event('d', {stream: 'a "quoted" stream', eventType: 'ev"t'})],
  ])('reads %s as the full parse does, and writes the same --json line', (_, record) => {
    const line = (recordingLine(record, 0, noRedaction) ?? '').trimEnd();
    const full = recordOfWire(JSON.parse(line) as Record<string, unknown>);
    const fast = readEventLine(line, record.stream);
    expect(typeof fast).toBe('object');
    const {dataJson, ...rest} = fast as EventRecord;
    expect(rest).toEqual(full);
    expect(toNdjsonLine(fast as EventRecord, noRedaction)).toBe(toNdjsonLine(full, noRedaction));
    if (dataJson !== undefined) expect(JSON.parse(dataJson)).toBe(record.data);
  });

  it('keeps no pre-escaped data holding a character the terminal must not see raw', () => {
    const record = event('plain');
    const line = (recordingLine(record, 0, noRedaction) ?? '')
      .trimEnd()
      .replace('plain', `pl${C1_CSI}ain`);
    const fast = readEventLine(line, 's') as EventRecord;
    expect(fast.data).toBe(`pl${C1_CSI}ain`);
    expect(fast.dataJson).toBeUndefined();
    expect(toNdjsonLine(fast, noRedaction)).toContain('pl\\u009bain');
  });

  it("names another stream's line without reading it, and leaves other shapes to the full parse", () => {
    const line = (recordingLine(event('x'), 0, noRedaction) ?? '').trimEnd();
    expect(readEventLine(line, 'other')).toBe('s');
    expect(readEventLine(line.replace('"t":1234', '"t":1.5'), 's')).toBeUndefined();
    expect(readEventLine(line.replace('"data":"x"', '"data":"x\u0001"'), 's')).toBeUndefined();
    expect(readEventLine(line.replace('"data":"x"', '"data":"x"y"'), 's')).toBeUndefined();
    expect(readEventLine(line.slice(0, -5), 's')).toBeUndefined();
    expect(readEventLine('{"t":1,"rx":0,"type":"keepalive","stream":"s","kind":"ping"}', 's')).toBe(
      undefined,
    );
  });
});

describe('status records of a Dify re-attach in a recording', () => {
  const base = {stream: 's', timestamp: 1234, bytesReceived: 99} as const;
  it.each([
    ['a waiting run', {...base, type: 'status', state: 'waiting', reason: 'paused', attempt: 2}],
    [
      'a re-attach request',
      {...base, type: 'status', state: 'connecting', attempt: 2, reattach: true},
    ],
    [
      'a re-attach response',
      {
        ...base,
        type: 'status',
        state: 'open',
        attempt: 2,
        httpStatus: 200,
        contentType: 'text/event-stream',
        headersMs: 4,
        headers: {},
        reattach: true,
      },
    ],
  ] as const)('reads %s back as it was written', (_, record) => {
    const line = (recordingLine(record, 0, noRedaction) ?? '').trimEnd();
    expect(recordOfWire(JSON.parse(line) as Record<string, unknown>)).toEqual(record);
  });
});
