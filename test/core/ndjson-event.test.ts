import {describe, expect, it} from 'vitest';
import {escapeJsonText, toNdjsonLine} from '../../source/core/ndjson.js';
import type {EventRecord} from '../../source/core/records.js';
import {createRedactor, noRedaction, type Redactor} from '../../source/core/redact.js';
import {bidiAndZeroWidthCodePoints} from '../helpers/hostile-text.js';

/*
 * The event fast path (strings built by hand) must write the same bytes as
 * the generic path: JSON.stringify of the wire object, every outside string
 * redacted, then escapeJsonText. `reference` is that, written out here the
 * way the generic path did it before the fast path existed.
 */
function reference(record: EventRecord, redact?: Redactor): string {
  const r = (text: string) => (redact ? redact(text) : text);
  const wire = {
    type: 'event',
    stream: r(record.stream),
    event_number: record.eventNumber,
    event_type: r(record.eventType),
    data: r(record.data),
    event_id: r(record.eventId),
    timestamp: new Date(record.timestamp).toISOString(),
  };
  return `${escapeJsonText(JSON.stringify(wire))}\n`;
}

/** The generic path of toNdjsonLine: an (empty) `extra` takes it for event records too. */
const generic = (record: EventRecord, redact?: Redactor) => toNdjsonLine(record, redact, {});

function event(fields: Partial<EventRecord> = {}): EventRecord {
  return {
    type: 'event',
    stream: 's',
    eventNumber: 1,
    eventType: 'message',
    data: 'hello',
    eventId: '',
    timestamp: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    bytesReceived: 10,
    ...fields,
  };
}

const c1 = String.fromCharCode(...Array.from({length: 0x21}, (_, index) => 0x7f + index));
const bidiAndZeroWidth = String.fromCharCode(...bidiAndZeroWidthCodePoints);
const c0 = String.fromCharCode(...Array.from({length: 0x20}, (_, index) => index));

const tricky: ReadonlyArray<readonly [string, string]> = [
  ['empty', ''],
  ['plain', 'hello world'],
  ['json', '{"n":"00000001","text":"xxxx"}'],
  ['backslashes only', 'C:\\path\\to \\u0041 \\'],
  ['quotes only', '"quoted"'],
  ['quotes and backslashes', 'say "hi" \\ C:\\path\\ \\"x\\"'],
  ['newlines and tabs', 'a\nb\r\nc\rd\te'],
  ['C0 controls', c0],
  ['DEL and C1 controls', `osc${c1}end`],
  ['bidi, separators, zero-width', `x${bidiAndZeroWidth}y`],
  ['latin-1', 'café ñ ü ÿ ×'],
  ['CJK and emoji', '中文 日本語 🎉 👩‍👩‍👧'],
  ['lone high surrogate', 'a\ud83db'],
  ['lone low surrogate', 'a\udc00b'],
  ['reversed pair', '\udc00\ud800'],
  ['surrogate at the end', 'end\ud800'],
  ['escape sequence', '\u001b[2J\u001b]0;title\u0007'],
  ['hostile mix', `"${c1}\\\n${bidiAndZeroWidth}\ud800"`],
];

describe('event lines: fast path = generic path, byte for byte', () => {
  const redactors: ReadonlyArray<readonly [string, Redactor | undefined]> = [
    ['no redactor', undefined],
    ['no secrets', createRedactor([])],
    ['secrets', createRedactor(['Bearer sk-SECRET-1', 'pass"wo\\rd', 'caf\u00e9-KEY'])],
  ];
  for (const [redactorName, redact] of redactors) {
    for (const [name, text] of tricky) {
      it(`${name}, ${redactorName}`, () => {
        for (const record of [
          event({data: text}),
          event({eventType: text, eventId: text}),
          event({stream: text, data: `${text}|${text}`}),
        ]) {
          const line = toNdjsonLine(record, redact);
          expect(line).toBe(reference(record, redact));
          expect(line).toBe(generic(record, redact));
          // And the line is one valid JSON line that parses back to the record's text.
          expect(line!.endsWith('\n')).toBe(true);
          expect(line!.slice(0, -1)).not.toMatch(/[\n\r]/);
        }
      });
    }
  }

  it('escapes every unsafe character as \\uXXXX and parses back', () => {
    const data = `${c1}${bidiAndZeroWidth}`;
    const line = toNdjsonLine(event({data, eventType: data, eventId: data, stream: data}))!;
    expect(line).not.toMatch(
      /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/,
    );
    expect(line).toContain('\\u009b');
    expect(line).toContain('\\u2028');
    expect(line).toContain('\\ufeff');
    expect(JSON.parse(line)).toMatchObject({stream: data, event_type: data, data, event_id: data});
  });

  it('keeps the key order and shape of the contract', () => {
    const line = toNdjsonLine(
      event({stream: 'api', eventNumber: 42, eventType: 'tick', data: 'x', eventId: '7'}),
    );
    expect(line).toBe(
      '{"type":"event","stream":"api","event_number":42,"event_type":"tick","data":"x",' +
        '"event_id":"7","timestamp":"2026-01-02T03:04:05.006Z"}\n',
    );
  });

  it('redacts secrets in the stream name, event type, data and id', () => {
    const redact = createRedactor(['Bearer tok-ABCDEF', 'pw-XYZ']);
    const line = toNdjsonLine(
      event({
        stream: 'feed tok-ABCDEF',
        eventType: 'pw-XYZ',
        data: '{"auth":"Bearer tok-ABCDEF","x":"tok-ABCDEFtok-ABCDEF"}',
        eventId: 'id-pw-XYZ',
      }),
      redact,
    )!;
    expect(line).not.toContain('ABCDEF');
    expect(line).not.toContain('XYZ');
    expect(JSON.parse(line)).toMatchObject({
      stream: 'feed [redacted]',
      event_type: '[redacted]',
      data: '{"auth":"[redacted]","x":"[redacted][redacted]"}',
      event_id: 'id-[redacted]',
    });
  });

  it('never redacts its own keys and timestamp, in either path', () => {
    // Secrets that happen to spell a key or part of a timestamp.
    const redact = createRedactor(['data', 'type', '2026', '03:04']);
    const record = event({data: 'the data type of 2026'});
    const line = toNdjsonLine(record, redact)!;
    expect(line).toBe(generic(record, redact));
    expect(JSON.parse(line)).toEqual({
      type: 'event',
      stream: 's',
      event_number: 1,
      event_type: 'message',
      data: 'the [redacted] [redacted] of [redacted]',
      event_id: '',
      timestamp: '2026-01-02T03:04:05.006Z',
    });
    const status = toNdjsonLine(
      {
        type: 'status',
        state: 'connecting',
        stream: 's',
        attempt: 1,
        timestamp: 0,
        bytesReceived: 0,
      },
      createRedactor(['1970', 'state']),
    );
    expect(JSON.parse(status!)).toEqual({
      type: 'status',
      stream: 's',
      state: 'connecting',
      attempt: 1,
      timestamp: '1970-01-01T00:00:00.000Z',
    });
  });

  it('writes a number that is not finite as null, like JSON.stringify', () => {
    for (const eventNumber of [Number.NaN, Number.POSITIVE_INFINITY, 0, -0, 1e21, 2 ** 53]) {
      const record = event({eventNumber});
      expect(toNdjsonLine(record)).toBe(generic(record));
    }
  });

  it('does not mix up streams or redactors (its caches)', () => {
    const one = createRedactor(['alpha-secret']);
    const two = createRedactor(['beta-secret']);
    const records = ['alpha-secret', 'beta-secret', 'gamma'].flatMap((stream) =>
      ['alpha-secret', 'beta-secret', 'tick', 'tick'].map((eventType) =>
        event({stream, eventType}),
      ),
    );
    for (const redact of [one, two, undefined, noRedaction, one]) {
      for (const record of records)
        expect(toNdjsonLine(record, redact)).toBe(reference(record, redact));
    }
    // More streams than the prefix cache holds.
    for (let index = 0; index < 200; index++) {
      const record = event({stream: `stream-${index % 100}`, eventNumber: index});
      expect(toNdjsonLine(record, one)).toBe(reference(record, one));
    }
  });

  it('agrees with the generic path on random strings of tricky characters', () => {
    const alphabet = [
      ...'ab "\\/\n\r\t{}:,',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009b',
      '\u00a0',
      '\u00e9',
      '\u061c',
      '\u200b',
      '\u200e',
      '\u2028',
      '\u202e',
      '\u2066',
      '\ufeff',
      '\ud800',
      '\udfff',
      '\ud83c\udf89',
      '中',
      'SECRET',
    ];
    // A small fixed-seed generator: the same cases on every run.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () =>
      Array.from(
        {length: Math.floor(next() * 12)},
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    const redact = createRedactor(['SECRET']);
    for (let index = 0; index < 3000; index++) {
      const record = event({
        stream: text(),
        eventType: text(),
        data: text(),
        eventId: text(),
        eventNumber: index,
        timestamp: Math.floor(next() * 4e12),
      });
      for (const r of [undefined, redact]) {
        expect(toNdjsonLine(record, r)).toBe(reference(record, r));
      }
    }
  });
});
