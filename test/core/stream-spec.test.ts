import {describe, expect, it} from 'vitest';
import {
  MAX_DURATION_MS,
  MAX_DURATION_S,
  parseStreamSpec,
  resolveStreamSpec,
} from '../../source/core/stream-spec.js';

const base = {name: 's', url: 'https://example.com/events'};

describe('stream spec', () => {
  it('fills defaults and settles the reconnect policy by method', () => {
    const get = resolveStreamSpec(parseStreamSpec(base));
    expect(get).toMatchObject({
      reconnect: 'always',
      retries: Number.POSITIVE_INFINITY,
      timeoutMs: 30_000,
      idleTimeoutMs: 45_000,
      resendAfterStart: true,
    });
    expect(get.spec.headers).toEqual({});
    const post = resolveStreamSpec(parseStreamSpec({...base, method: 'post'}));
    expect(post).toMatchObject({reconnect: 'on-error', retries: 3, resendAfterStart: false});
    expect(post.spec.method).toBe('POST');
    expect(
      resolveStreamSpec(parseStreamSpec({...base, reconnect: 'never', retries: 9})).retries,
    ).toBe(0);
  });

  it('caps every duration below the timer limit (2^31-1 ms)', () => {
    expect(MAX_DURATION_MS).toBeLessThan(2 ** 31 - 1);
    for (const field of ['timeout', 'idleTimeout', 'maxDuration', 'maxRetryDelay'] as const) {
      expect(() => parseStreamSpec({...base, [field]: 3_000_000})).toThrow(
        /at most 2073600 seconds \(24 days\)/,
      );
      expect(parseStreamSpec({...base, [field]: MAX_DURATION_S})[field]).toBe(MAX_DURATION_S);
    }
    expect(() => parseStreamSpec({...base, retryDelay: MAX_DURATION_MS + 1})).toThrow(
      /at most 2073600000 milliseconds/,
    );
  });

  it('rejects header values with line breaks and bad header names', () => {
    expect(() => parseStreamSpec({...base, headers: {'X-A': 'a\r\nInjected: 1'}})).toThrow(
      /line breaks/,
    );
    expect(() => parseStreamSpec({...base, headers: {'Bad Name': 'v'}})).toThrow(/header name/);
  });

  it('rejects unknown fields, non-http URLs and bad numbers', () => {
    expect(() => parseStreamSpec({...base, timout: 3} as never)).toThrow();
    expect(() => parseStreamSpec({...base, url: 'ftp://x/y'})).toThrow();
    expect(() => parseStreamSpec({...base, maxEvents: 0})).toThrow();
  });
});
