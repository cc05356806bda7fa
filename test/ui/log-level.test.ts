import {describe, expect, it} from 'vitest';
import {parseJson} from '../../source/core/display-text.js';
import {logLevel} from '../../source/core/store/log-level.js';

const level = (eventType: string, data: string) => logLevel(eventType, data, parseJson(data));

describe('logLevel', () => {
  it('takes the event type first', () => {
    expect(level('error', 'anything')).toBe('error');
    expect(level('warn', '{"level":"info"}')).toBe('warn');
    expect(level('warning', 'x')).toBe('warn');
    expect(level('debug', 'x')).toBe('debug');
    expect(level('ERROR', 'x')).toBe('error');
  });

  it('reads a JSON level or severity field, names or pino numbers', () => {
    expect(level('message', '{"level":"error","msg":"boom"}')).toBe('error');
    expect(level('message', '{"severity":"WARNING"}')).toBe('warn');
    expect(level('message', '{"level":"debug"}')).toBe('debug');
    expect(level('message', '{"level":"info","msg":"ERROR in text"}')).toBe('info');
    expect(level('message', '{"level":50}')).toBe('error');
    expect(level('message', '{"level":40}')).toBe('warn');
    expect(level('message', '{"level":30}')).toBe('info');
    expect(level('message', '{"level":20}')).toBe('debug');
    expect(level('message', '{"msg":"ERROR inside JSON is not a token"}')).toBe('info');
    expect(level('message', '[1,2]')).toBe('info');
  });

  it('reads a leading token of plain text', () => {
    expect(level('message', 'ERROR disk full')).toBe('error');
    expect(level('message', 'WARN: slow')).toBe('warn');
    expect(level('message', '[error] failed')).toBe('error');
    expect(level('message', '[Warn] careful')).toBe('warn');
    expect(level('message', 'Error: nope')).toBe('error');
    expect(level('message', '  DEBUG tick')).toBe('debug');
    expect(level('message', 'FATAL crash')).toBe('error');
  });

  it('ordinary text and unknown words stay info', () => {
    expect(level('message', 'error handling works now')).toBe('info');
    expect(level('message', 'the ERROR is later')).toBe('info');
    expect(level('message', 'HELLO world')).toBe('info');
    expect(level('tick', '')).toBe('info');
    expect(level('message', '{"level":{"x":1}}')).toBe('info');
  });
});
