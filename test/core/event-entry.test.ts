import {describe, expect, it} from 'vitest';
import type {EventRecord} from '../../source/core/records.js';
import {EventEntry} from '../../source/core/store/event-entry.js';
import {records} from '../ui/fixtures.js';

function event(data: string, eventType = 'message', eventId = ''): EventRecord {
  return {...records.event('s', 1, data, {type: eventType}), eventId};
}

describe('EventEntry: work only for what a view reads', () => {
  it('redacts, parses and sanitizes nothing at ingest, and each entry once when it is read', () => {
    let redactions = 0;
    const redact = (text: string) => {
      redactions++;
      return text.replaceAll('sk-secret-1', '[redacted]');
    };
    const entries = Array.from(
      {length: 10_000},
      (_, n) => new EventEntry(event(`{"n":${n},"key":"sk-secret-1"}`), n + 1, 64 * 1024, redact),
    );
    expect(redactions).toBe(0);
    const last = entries.at(-1);
    expect(last?.line).toBe('{"n":9999,"key":"[redacted]"}');
    expect(last?.level).toBe('info');
    expect(last?.data).toBe('{"n":9999,"key":"[redacted]"}');
    const afterOneRow = redactions;
    expect(afterOneRow).toBeGreaterThan(0);
    expect(afterOneRow).toBeLessThanOrEqual(2);
    // Read again: memoized.
    expect(last?.line).toBe('{"n":9999,"key":"[redacted]"}');
    expect(redactions).toBe(afterOneRow);
  });

  it('gives the same row text, label, level and data as the eager form did', () => {
    const dify = new EventEntry(
      event('{"event":"message","answer":"Hel\\u001b[2Jlo","conversation_id":"c1"}'),
      1,
      1024,
      (text) => text,
    );
    expect(dify.typeLabel).toBe('message');
    expect(dify.line.startsWith('"Hel\\u001b[2Jlo"  {')).toBe(true);
    expect(dify.line).not.toContain('\u001b');
    const warn = new EventEntry(event('WARN: disk almost full', 'log'), 2, 1024, (t) => t);
    expect([warn.level, warn.line]).toEqual(['warn', 'WARN: disk almost full']);
    const node = new EventEntry(event('{"event":"node_started","data":{}}'), 3, 1024, (t) => t);
    expect(node.typeLabel).toBe('node_started');
    expect(node.eventType).toBe('message');
  });

  it('keeps at most the data cap, and still redacts a secret that straddles it', () => {
    const secret = 'sk-secret-straddling-the-cap';
    const data = 'x'.repeat(90) + secret + 'y'.repeat(1000);
    const entry = new EventEntry(event(data, 'message', 'id-' + secret), 1, 100, (text) =>
      text.replaceAll(secret, '[redacted]'),
    );
    expect(entry.dataLength).toBe(data.length);
    expect(entry.data).toBe('x'.repeat(90) + '[redacted]');
    expect(entry.eventId).toBe('id-[redacted]');
  });
});
