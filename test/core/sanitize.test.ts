import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {
  compactLine,
  fitToWidth,
  MAX_LINE_CHARS,
  prettyLines,
  truncateToWidth,
  wrapToWidth,
} from '../../source/core/display-text.js';
import {isTerminalSafe, sanitize} from '../../source/core/sanitize.js';

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

/** Every character a terminal could act on: C0 (but not printable), DEL, C1. */
// eslint-disable-next-line no-control-regex
const rawControl = /[\u0000-\u001f\u007f-\u009f]/;

describe('sanitize', () => {
  const hostile: [string, string, string][] = [
    ['clear screen (CSI)', `${ESC}[2J`, '\\x1b[2J'],
    ['OSC 52 clipboard write', `${ESC}]52;c;SGVsbG8=${BEL}`, '\\x1b]52;c;SGVsbG8=\\x07'],
    [
      'OSC 8 hyperlink',
      `${ESC}]8;;http://evil.example${ST}click${ESC}]8;;${ST}`,
      '\\x1b]8;;http://evil.example\\x1b\\click\\x1b]8;;\\x1b\\',
    ],
    ['DCS', `${ESC}Pq#0;2;0;0;0${ST}`, '\\x1bPq#0;2;0;0;0\\x1b\\'],
    ['bell', `ding${BEL}`, 'ding\\x07'],
    ['C1 CSI', '\u009B31mred', '\\x9b31mred'],
    ['C1 OSC and ST', '\u009D0;title\u009C', '\\x9d0;title\\x9c'],
    ['NUL, backspace, DEL', 'a\u0000b\bc\u007F', 'a\\x00b\\x08c\\x7f'],
    ['tab, CR, LF', 'a\tb\rc\nd', 'a\\tb\\rc\\nd'],
    ['bidi override', 'abc\u202Edef', 'abc\\u202edef'],
  ];

  it.each(hostile)('shows %s as visible escapes', (_name, input, expected) => {
    const output = sanitize(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(rawControl);
    expect(isTerminalSafe(output)).toBe(true);
    expect(isTerminalSafe(input)).toBe(false);
  });

  it('shows zero-width characters as visible escapes, so the drawn width is exact', () => {
    const input = 'zero\u200b\u200c\u200d\u2060\ufeffwidth MARK';
    const output = sanitize(input);
    expect(output).toBe('zero\\u200b\\u200c\\u200d\\u2060\\ufeffwidth MARK');
    expect(isTerminalSafe(input)).toBe(false);
    expect(isTerminalSafe(output)).toBe(true);
    // Every character of the sanitized row takes exactly one column.
    expect(output).toMatch(/^[\x20-\x7e]*$/);
    expect(stringWidth(output)).toBe(output.length);
    expect(fitToWidth(compactLine(input), 60)).toHaveLength(60);
    expect(stringWidth(fitToWidth(compactLine(input), 60))).toBe(60);
  });

  it('leaves ordinary text, CJK and emoji alone (same string)', () => {
    const text = 'hello 中文 🎉 é ⏎';
    expect(sanitize(text)).toBe(text);
  });

  it('keeps newlines only when asked, still escaping everything else', () => {
    expect(sanitize(`a\nb${ESC}[1m`, {keepNewlines: true})).toBe('a\nb\\x1b[1m');
    expect(sanitize('a\r\nb', {keepNewlines: true})).toBe('a\\r\nb');
  });
});

describe('compactLine', () => {
  it('minifies JSON that parses and shows other line breaks as ⏎', () => {
    expect(compactLine('{\n  "a": 1,\n  "b": [1, 2]\n}')).toBe('{"a":1,"b":[1,2]}');
    expect(compactLine('line one\nline two\r\nthree\rfour')).toBe('line one⏎line two⏎three⏎four');
    expect(compactLine('{ not json\n}')).toBe('{ not json⏎}');
  });

  it('escapes control characters that JSON parsing turned raw (C1 is not escaped by JSON.stringify)', () => {
    expect(compactLine('{"x":"\\u009b2J"}')).toBe('{"x":"\\x9b2J"}');
    expect(compactLine(`${ESC}[2J${ESC}]52;c;AAAA${BEL}`)).toBe('\\x1b[2J\\x1b]52;c;AAAA\\x07');
  });

  it('bounds the line, marking the cut', () => {
    const long = 'x'.repeat(5 * 1024 * 1024);
    const line = compactLine(long);
    expect(line.length).toBe(MAX_LINE_CHARS + 1);
    expect(line.endsWith('…')).toBe(true);
    expect(compactLine('abcdef', 3)).toBe('abc…');
    expect(compactLine('abc', 3)).toBe('abc');
  });

  it('takes other marks for a line break and a cut (the dashboard in ASCII)', () => {
    const marks = {newline: '\\n', ellipsis: '...'};
    expect(compactLine('one\ntwo\r\nthree', MAX_LINE_CHARS, marks)).toBe('one\\ntwo\\nthree');
    expect(compactLine('abcdef', 3, marks)).toBe('abc...');
  });

  it('never splits a surrogate pair', () => {
    const line = compactLine('ab🎉🎉', 3);
    expect(line).toBe('ab…');
  });
});

describe('display width', () => {
  it('truncates by columns: CJK and emoji take two', () => {
    expect(truncateToWidth('abcdef', 4)).toBe('abc…');
    expect(truncateToWidth('中文字符', 5)).toBe('中文…');
    expect(truncateToWidth('中文字符', 4)).toBe('中…');
    expect(truncateToWidth('中文字符', 8)).toBe('中文字符');
    expect(truncateToWidth('🎉🎉🎉', 5)).toBe('🎉🎉…');
    expect(truncateToWidth('👨‍👩‍👧x', 2)).toBe('…');
    expect(truncateToWidth('anything', 0)).toBe('');
    for (let width = 1; width < 12; width++) {
      expect(stringWidth(truncateToWidth('日本語のテキストabc🎉', width))).toBeLessThanOrEqual(
        width,
      );
    }
  });

  it('takes another ellipsis (the dashboard in ASCII); too narrow for it, the text is just cut', () => {
    expect(truncateToWidth('abcdef', 5, '...')).toBe('ab...');
    expect(truncateToWidth('中文字符', 6, '...')).toBe('中...');
    expect(truncateToWidth('abcdef', 2, '...')).toBe('ab');
    expect(truncateToWidth('abc', 3, '...')).toBe('abc');
    expect(fitToWidth('a-very-long-type', 8, '...')).toBe('a-ver...');
    for (let width = 1; width < 12; width++) {
      const cut = truncateToWidth('日本語のテキストabc🎉', width, '...');
      expect(stringWidth(cut)).toBeLessThanOrEqual(width);
    }
  });

  it('pads to an exact width', () => {
    expect(fitToWidth('中', 4)).toBe('中  ');
    expect(stringWidth(fitToWidth('中文字符', 5))).toBe(5);
  });

  it('wraps by columns', () => {
    expect(wrapToWidth('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(wrapToWidth('中文字符', 5)).toEqual(['中文', '字符']);
  });

  it('pretty-prints JSON and sanitizes every line of other text', () => {
    expect(prettyLines('{"a":{"b":1}}')).toEqual({
      lines: ['{', '  "a": {', '    "b": 1', '  }', '}'],
      json: true,
    });
    expect(prettyLines(`one\n${ESC}[2Jtwo`)).toEqual({lines: ['one', '\\x1b[2Jtwo'], json: false});
  });
});
