import {describe, expect, it} from 'vitest';
import {recordingLine} from '../../source/core/recording/format.js';
import {loadRecording, RecordingError} from '../../source/core/recording/load.js';
import type {StreamRecord} from '../../source/core/records.js';
import {createRedactor, noRedaction} from '../../source/core/redact.js';

const header =
  '{"type":"recording","format":1,"ssedeck":"0.1.0","started":"2026-01-02T03:04:05.678Z","streams":[{"name":"s","method":"POST","url":"http://x/","preset":"dify","view":"answer"}]}';

const reconnecting: StreamRecord = {
  stream: 's',
  timestamp: 1_000_250,
  bytesReceived: 42,
  type: 'status',
  state: 'reconnecting',
  delayMs: 500,
  reason: 'stream ended',
  attempt: 2,
  failures: 0,
  maxFailures: Number.POSITIVE_INFINITY,
};

describe('recording lines', () => {
  it('are the --json line with t and rx in front, and load back to the same record', () => {
    const line = recordingLine(reconnecting, 1_000_000, noRedaction) ?? '';
    expect(line).toMatch(/^\{"t":250,"rx":42,"type":"status","stream":"s","state":"reconnecting",/);
    const loaded = loadRecording(`${header}\r\n\r\n${line}`, 'r.ndjson');
    expect(loaded.started).toBe(Date.parse('2026-01-02T03:04:05.678Z'));
    expect(loaded.streams).toEqual([
      {name: 's', method: 'POST', url: 'http://x/', preset: 'dify', view: 'answer'},
    ]);
    expect(loaded.records).toEqual([{...reconnecting, timestamp: 250}]);
    expect(loaded.warnings).toEqual([]);
  });

  it('redact keep-alive names with the run redactor', () => {
    const redact = createRedactor(['sekrit-token']);
    const keepAlive: StreamRecord = {
      stream: 'sekrit-token',
      timestamp: 5,
      bytesReceived: 0,
      type: 'keepalive',
      kind: 'ping',
    };
    expect(recordingLine(keepAlive, 0, redact)).toBe(
      '{"t":5,"rx":0,"type":"keepalive","stream":"[redacted]","kind":"ping"}\n',
    );
  });

  it('diagnostics records are not recorded (the summary carries them)', () => {
    const record = {stream: 's', timestamp: 0, bytesReceived: 0, type: 'diagnostics'};
    expect(recordingLine(record as StreamRecord, 0, noRedaction)).toBeUndefined();
  });
});

describe('loadRecording', () => {
  it('refuses a file whose first line is not a recording header', () => {
    expect(() => loadRecording('{"type":"event"}\n', 'out.ndjson')).toThrow(
      new RecordingError('out.ndjson: not an ssedeck recording (line 1 is not its header)'),
    );
  });

  it('names the line of a record of unknown type or a negative offset', () => {
    expect(() => loadRecording(`${header}\n{"t":1,"type":"nope","stream":"s"}\n`, 'f')).toThrow(
      'f:2: unknown record type "nope"',
    );
    const negative = '{"t":-1,"type":"keepalive","stream":"s","kind":"ping"}';
    expect(() => loadRecording(`${header}\n${negative}\n`, 'f')).toThrow('f:2: "t" is negative');
  });
});

describe('format versions', () => {
  const headerOf = (format: unknown) =>
    JSON.stringify({type: 'recording', ...(format === undefined ? {} : {format}), streams: []});

  it.each([
    [2, 'recording format 2 is not supported (this ssedeck reads format 1)'],
    [0, 'recording format 0 is not supported (this ssedeck reads format 1)'],
    ['1', 'recording format "1" is not supported (this ssedeck reads format 1)'],
    [undefined, 'recording format null is not supported (this ssedeck reads format 1)'],
  ])('a header of format %j fails with one line naming that version', (format, message) => {
    expect(() => loadRecording(`${headerOf(format)}\n`, 'r.ndjson')).toThrow(
      new RecordingError(`r.ndjson: ${message}`),
    );
  });

  it('format 1 loads, with fields it does not know ignored', () => {
    const text = `${headerOf(1).replace('{', '{"future":true,')}\n`;
    expect(loadRecording(text, 'r.ndjson')).toMatchObject({format: 1, streams: [], records: []});
  });
});
