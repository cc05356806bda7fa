import {describe, expect, it} from 'vitest';
import {
  createSseDecoder,
  SseBufferOverflowError,
  type SseEvent,
} from '../../source/core/sse-decoder.js';

type Decoded = {events: SseEvent[]; retries: number[]; keepAlives: string[]; lastEventId: string};

function decode(
  chunks: ReadonlyArray<string | Uint8Array>,
  options: {maxBufferSize?: number; lastEventId?: string} = {},
): Decoded {
  const result: Decoded = {events: [], retries: [], keepAlives: [], lastEventId: ''};
  const decoder = createSseDecoder(
    {
      onEvent: (event) => result.events.push(event),
      onRetry: (ms) => result.retries.push(ms),
      onKeepAlive: (kind) => result.keepAlives.push(kind),
    },
    {maxBufferSize: options.maxBufferSize ?? 1024 * 1024, lastEventId: options.lastEventId},
  );
  const encoder = new TextEncoder();
  for (const chunk of chunks)
    decoder.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  decoder.end();
  result.lastEventId = decoder.lastEventId;
  return result;
}

const event = (data: string, type = 'message', lastEventId = ''): SseEvent => ({
  type,
  data,
  lastEventId,
});

describe('SSE decoder: fields', () => {
  it('parses data, event, id and the default type, and resets the type after dispatch', () => {
    const {events} = decode(['event: update\ndata: one\nid: 1\n\ndata: two\n\ndata:three\n\n']);
    expect(events).toEqual([
      event('one', 'update', '1'),
      event('two', 'message', '1'),
      event('three', 'message', '1'),
    ]);
  });

  it('joins multi-line data with \\n and strips only one space after the colon', () => {
    const {events} = decode(['data:  a\ndata: b\ndata\ndata:\n\n']);
    expect(events).toEqual([event(' a\nb\n\n')]);
  });

  it('ignores comments and unknown fields, reports comments as keep-alives', () => {
    const {events, keepAlives} = decode([': hello\nfoo: bar\ndata: x\n\n']);
    expect(events).toEqual([event('x')]);
    expect(keepAlives).toEqual(['comment']);
  });

  it('does not dispatch a block without data but reports a data-less event: block (Dify ping)', () => {
    const {events, keepAlives} = decode(['event: ping\n\nevent: ping\n\ndata: {}\n\n']);
    expect(events).toEqual([event('{}')]);
    expect(keepAlives).toEqual(['ping', 'ping']);
  });

  it('accepts retry only when it is all ASCII digits', () => {
    const {retries} = decode([
      'retry: 1500\n\nretry: 10a\n\nretry: -5\n\nretry: 1.5\n\nretry:250\n\n',
    ]);
    expect(retries).toEqual([1500, 250]);
  });
});

describe('SSE decoder: last event ID', () => {
  it('persists across events and is set by id-only blocks', () => {
    const {events, lastEventId} = decode([
      'id: 7\ndata: a\n\ndata: b\n\nid: 9\n\ndata: c\n\nid: 10\n\n',
    ]);
    expect(events.map((e) => e.lastEventId)).toEqual(['7', '7', '9']);
    expect(lastEventId).toBe('10');
  });

  it('ignores an id that contains NUL and resets on an empty id', () => {
    const {events} = decode(['id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\nid\ndata: c\n\n']);
    expect(events.map((e) => e.lastEventId)).toEqual(['1', '1', '']);
  });

  it('starts from the ID carried over from an earlier connection', () => {
    const {events} = decode(['data: a\n\n'], {lastEventId: 'carried'});
    expect(events).toEqual([event('a', 'message', 'carried')]);
  });

  it('does not take the id of an incomplete block at end of stream', () => {
    const {lastEventId, events} = decode(['id: 1\ndata: a\n\nid: 2\ndata: b\n']);
    expect(events).toEqual([event('a', 'message', '1')]);
    expect(lastEventId).toBe('1');
  });
});

describe('SSE decoder: line endings and end of stream', () => {
  it('treats CRLF, LF and CR alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const {events} = decode([`data: a${eol}data: b${eol}${eol}data: c${eol}${eol}`]);
      expect(events).toEqual([event('a\nb'), event('c')]);
    }
  });

  it('handles a CR at a chunk end followed by LF in the next chunk as one line end', () => {
    const {events} = decode(['data: a\r', '\ndata: b\r', '\n\r', '\n']);
    expect(events).toEqual([event('a\nb')]);
  });

  it('lets a CR at the very end of the stream end a line', () => {
    expect(decode(['data: a\r\r']).events).toEqual([event('a')]);
    expect(decode(['data: a\r', '\r']).events).toEqual([event('a')]);
  });

  it('drops an incomplete event at end of stream', () => {
    expect(decode(['data: a\n\ndata: b\n']).events).toEqual([event('a')]);
    expect(decode(['data: a\n\ndata: b']).events).toEqual([event('a')]);
  });
});

describe('SSE decoder: UTF-8', () => {
  it('strips one BOM at the start only', () => {
    const {events} = decode(['\uFEFFdata: a\n\n\uFEFFdata: b\n\ndata: c\n\n']);
    // The second BOM makes "\uFEFFdata" an unknown field, which is ignored.
    expect(events).toEqual([event('a'), event('c')]);
  });

  it('decodes multi-byte characters split across chunks', () => {
    const bytes = new TextEncoder().encode('data: 你好🌍é\n\n');
    for (let split = 1; split < bytes.length; split++) {
      const {events} = decode([bytes.subarray(0, split), bytes.subarray(split)]);
      expect(events).toEqual([event('你好🌍é')]);
    }
  });

  it('gives the same events for every split point of a sample stream', () => {
    const sample =
      '\uFEFF: comment\r\nevent: a\r\ndata: 第一\r\nid: 1\r\n\r\ndata: x\ndata: y\n\nid: 2\n\nretry: 300\n\n' +
      'event: b\rdata: 🎉\r\rdata: {"k":"v"}\n\n';
    const bytes = new TextEncoder().encode(sample);
    const whole = decode([bytes]);
    expect(whole.events).toEqual([
      event('第一', 'a', '1'),
      event('x\ny', 'message', '1'),
      event('🎉', 'b', '2'),
      event('{"k":"v"}', 'message', '2'),
    ]);
    for (let first = 0; first <= bytes.length; first++) {
      for (const second of [
        first,
        Math.min(bytes.length, first + 1),
        Math.min(bytes.length, first + 7),
      ]) {
        const parts = [
          bytes.subarray(0, first),
          bytes.subarray(first, second),
          bytes.subarray(second),
        ];
        const split = decode(parts);
        expect(split.events, `split at ${first}/${second}`).toEqual(whole.events);
        expect(split.retries).toEqual([300]);
        expect(split.lastEventId).toBe('2');
      }
    }
  });

  it('feeding one byte at a time gives the same result', () => {
    const bytes = new TextEncoder().encode('id: é1\ndata: 中文\r\n\r\n');
    const chunks = [...bytes].map((byte) => Uint8Array.of(byte));
    expect(decode(chunks).events).toEqual([event('中文', 'message', 'é1')]);
  });
});

describe('SSE decoder: bounded buffer', () => {
  it('fails a line longer than the limit instead of buffering it', () => {
    const long = 'x'.repeat(600);
    expect(() => decode(['data: ', long, long], {maxBufferSize: 1024})).toThrow(
      SseBufferOverflowError,
    );
    expect(() => decode(['data: ', long, long], {maxBufferSize: 1024})).toThrow(/line longer than/);
  });

  it('fails an event whose data lines add up past the limit', () => {
    const line = `data: ${'y'.repeat(300)}\n`;
    expect(() => decode([line.repeat(5)], {maxBufferSize: 1024})).toThrow(/event longer than/);
  });

  it('accepts lines and events under the limit', () => {
    const data = 'z'.repeat(1000);
    expect(decode([`data: ${data}\n\n`], {maxBufferSize: 1024}).events).toEqual([event(data)]);
  });
});
