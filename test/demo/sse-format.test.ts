import {describe, expect, it} from 'vitest';
import {formatSseEvent, utf8SplitPoint} from '../../source/demo/sse-format.js';
import {chunkTokens, composeAnswer, tokenize} from '../../source/demo/scenarios/answer-text.js';

describe('formatSseEvent', () => {
  it('writes fields in order and ends with a blank line', () => {
    expect(formatSseEvent({event: 'tick', id: 7, retry: 1500, data: '{"a":1}'})).toBe(
      'event: tick\nid: 7\nretry: 1500\ndata: {"a":1}\n\n',
    );
  });

  it('splits multi-line data (LF, CRLF, CR) into one data line each', () => {
    expect(formatSseEvent({data: 'one\ntwo\r\nthree\rfour'})).toBe(
      'data: one\ndata: two\ndata: three\ndata: four\n\n',
    );
    expect(formatSseEvent({data: ''})).toBe('data: \n\n');
  });

  it('keeps single-line fields on one line and writes comments', () => {
    expect(formatSseEvent({event: 'a\nb', id: 'x\r\n\0y'})).toBe('event: a b\nid: x   y\n\n');
    expect(formatSseEvent({comment: 'hello\nworld'})).toBe(': hello\n: world\n\n');
    expect(formatSseEvent({event: 'ping'})).toBe('event: ping\n\n');
  });
});

describe('utf8SplitPoint', () => {
  it('points inside the first multi-byte character', () => {
    const bytes = Buffer.from('ab中c', 'utf8');
    expect(utf8SplitPoint(bytes)).toBe(3);
    expect(utf8SplitPoint(Buffer.from('ascii only'))).toBe(-1);
  });
});

describe('answer text', () => {
  it('tokenizes losslessly, mixing English, Chinese and emoji', () => {
    for (const text of [
      composeAnswer('What is SSE?', {source: 'test', turn: 1, long: true}),
      'x  y\n\n中文，测试！🚀 end.',
      '  leading and trailing  ',
    ]) {
      const tokens = tokenize(text);
      expect(tokens.join('')).toBe(text);
      expect(chunkTokens(tokens, () => 2).join('')).toBe(text);
    }
  });

  it('echoes the query and mentions later turns', () => {
    expect(composeAnswer('ping?', {source: 'x', turn: 1})).toContain('"ping?"');
    expect(composeAnswer('again', {source: 'x', turn: 3})).toContain('turn 3');
  });
});
