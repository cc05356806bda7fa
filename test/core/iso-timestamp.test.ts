import {describe, expect, it} from 'vitest';
import {isoTimestamp} from '../../source/core/iso-timestamp.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('isoTimestamp is new Date(ms).toISOString()', () => {
  it('across millisecond, second, minute, day, month and year boundaries', () => {
    const boundaries = [
      Date.UTC(2026, 0, 1, 12, 0, 0, 0),
      Date.UTC(2026, 0, 1, 23, 59, 59, 0), // a day ends
      Date.UTC(2026, 1, 28, 23, 59, 59, 0), // February ends
      Date.UTC(2024, 1, 28, 23, 59, 59, 0), // a leap day follows
      Date.UTC(2025, 11, 31, 23, 59, 59, 0), // a year ends
      Date.UTC(1999, 11, 31, 23, 59, 59, 0),
      0, // the epoch
      -2000, // before it
    ];
    for (const start of boundaries) {
      // Every millisecond over two seconds, in order: the per-second and per-ms caches turn over.
      for (let ms = start - 1000; ms <= start + 2000; ms++) expect(isoTimestamp(ms)).toBe(iso(ms));
    }
  });

  it('when times jump back and forth (the caches are invalidated, not trusted)', () => {
    const times = [
      1_700_000_000_000, 1_700_000_000_999, 1_700_000_001_000, 1_700_000_000_999, 5, -5, 5, -1, 0,
      -0, 999, 1000, -1000, -1001, 86_400_000, 86_399_999, 1_700_000_000_000,
    ];
    for (const ms of times) expect(isoTimestamp(ms)).toBe(iso(ms));
  });

  it('for fractional, extreme and random times', () => {
    const times = [
      0.5,
      -0.5,
      1.999,
      -1.999,
      1_700_000_000_123.9,
      -62_198_755_200_001.5,
      8.64e15,
      -8.64e15,
      8.64e15 - 1,
      -8.64e15 + 1,
      8.64e15 - 0.5,
      253_402_300_799_999,
      253_402_300_800_000, // 9999-12-31T23:59:59.999Z, then +010000
      -62_167_219_200_001,
      -62_167_219_200_000, // year 0000 and -000001
    ];
    for (const ms of times) expect(isoTimestamp(ms)).toBe(iso(ms));
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let index = 0; index < 5000; index++) {
      const ms = Math.round((next() * 2 - 1) * 8.64e15);
      expect(isoTimestamp(ms)).toBe(iso(ms));
    }
  });

  it('throws the RangeError of Date for an invalid time', () => {
    for (const ms of [Number.NaN, Number.POSITIVE_INFINITY, 8.64e15 + 1, -8.64e15 - 1]) {
      expect(() => isoTimestamp(ms)).toThrow(RangeError);
    }
  });
});
