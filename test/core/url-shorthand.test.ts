import {describe, expect, it} from 'vitest';
import {expandUrlShorthand} from '../../source/core/url-shorthand.js';

describe('expandUrlShorthand', () => {
  it.each([
    ['localhost:8787/ticker', 'http://localhost:8787/ticker'],
    ['localhost/ticker', 'http://localhost/ticker'],
    ['localhost', 'http://localhost'],
    ['127.0.0.1:8787/x', 'http://127.0.0.1:8787/x'],
    ['example.com/sse', 'http://example.com/sse'],
    ['example.com:443/sse?a=1', 'http://example.com:443/sse?a=1'],
    ['[::1]:8787/x', 'http://[::1]:8787/x'],
    [':8787/ticker', 'http://localhost:8787/ticker'],
    [':8787', 'http://localhost:8787'],
    [':/ticker', 'http://localhost/ticker'],
    ['//example.com/sse', 'http://example.com/sse'],
    ['  example.com/sse  ', 'http://example.com/sse'],
  ])('%s -> %s', (input, expected) => {
    expect(expandUrlShorthand(input)).toBe(expected);
  });

  it.each([
    'http://example.com/sse',
    'https://example.com/sse',
    'HTTPS://EXAMPLE.COM/',
    'ftp://example.com/x',
    'mailto:someone@example.com',
    'javascript:alert(1)',
  ])('leaves %s alone (it has a scheme)', (input) => {
    expect(expandUrlShorthand(input)).toBe(input);
  });

  it('the result parses as the URL meant', () => {
    const url = new URL(expandUrlShorthand(':8787/ticker?x=1'));
    expect([url.protocol, url.hostname, url.port, url.pathname, url.search]).toEqual([
      'http:',
      'localhost',
      '8787',
      '/ticker',
      '?x=1',
    ]);
  });
});
