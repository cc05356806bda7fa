import {describe, expect, it} from 'vitest';
import {escapeJsonText, toNdjsonLine} from '../../source/core/ndjson.js';
import type {StreamRecord} from '../../source/core/records.js';
import {createRedactor} from '../../source/core/redact.js';
import {hostileCodePoints} from '../helpers/hostile-text.js';

const hostile = String.fromCodePoint(...hostileCodePoints);
const rawHostile = new RegExp(
  `[${hostileCodePoints.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`,
);

describe('escapeJsonText', () => {
  it('escapes every hostile code point as \\uXXXX and round-trips', () => {
    const json = JSON.stringify({data: `a${hostile}b`, [`k${hostile}`]: 1});
    expect(json).toMatch(rawHostile);
    const escaped = escapeJsonText(json);
    expect(escaped).not.toMatch(rawHostile);
    expect(escaped).toContain('\\u009d');
    expect(escaped).toContain('\\u202e');
    expect(escaped).toContain('\\u2028');
    expect(escaped).toContain('\\ufeff');
    expect(JSON.parse(escaped)).toEqual({data: `a${hostile}b`, [`k${hostile}`]: 1});
  });

  it('returns ordinary JSON unchanged (the same string)', () => {
    const json = JSON.stringify({data: 'hello 中文 🎉 é'});
    expect(escapeJsonText(json)).toBe(json);
  });
});

describe('open records on the wire', () => {
  const open: StreamRecord = {
    type: 'status',
    stream: 's',
    state: 'open',
    httpStatus: 200,
    contentType: 'text/event-stream',
    attempt: 1,
    headersMs: 3,
    headers: {
      'content-type': 'text/event-stream',
      'x-request-id': 'abc',
      'set-cookie': 'session=SECRETCOOKIE',
      'x-echo': 'token is SECRETTOKEN',
    },
    timestamp: 0,
    bytesReceived: 0,
  };

  it('carry the response headers, sensitive values redacted', () => {
    const line = toNdjsonLine(open, createRedactor(['SECRETTOKEN']));
    expect(line).toBeDefined();
    const wire = JSON.parse(line!) as Record<string, unknown>;
    expect(wire.headers).toEqual({
      'content-type': 'text/event-stream',
      'x-request-id': 'abc',
      'set-cookie': '[redacted]',
      'x-echo': 'token is [redacted]',
    });
    expect(line).not.toContain('SECRET');
  });
});

describe('summary records on the wire', () => {
  it('keep an event type named __proto__ in events_by_type, also when redacting', () => {
    const eventsByType = Object.create(null) as Record<string, number>;
    eventsByType['__proto__'] = 2;
    eventsByType['message'] = 1;
    const summary: StreamRecord = {
      type: 'summary',
      stream: 's',
      status: 'completed',
      reason: 'stream ended',
      totalEvents: 3,
      connectionDuration: 1,
      connectedMs: 1000,
      reconnects: 0,
      errors: 0,
      eventsByType,
      headersMs: 1,
      firstEventMs: 2,
      lastEventId: '',
      summary: '3 events',
      timestamp: 0,
      bytesReceived: 0,
    };
    for (const redact of [undefined, createRedactor(['SECRETTOKEN'])]) {
      const line = toNdjsonLine(summary, redact)!;
      expect(line).toContain('"events_by_type":{"__proto__":2,"message":1}');
    }
  });
});

describe('toNdjsonLine: one event asked for by several outputs', () => {
  it('gives each redactor its own line, and a new record a new line', () => {
    const event: StreamRecord = {
      type: 'event',
      stream: 's',
      timestamp: Date.UTC(2026, 0, 1),
      bytesReceived: 10,
      eventNumber: 1,
      eventType: 'message',
      data: 'token sk-secret-value',
      eventId: '',
    };
    const redact = createRedactor(['sk-secret-value']);
    const plain = toNdjsonLine(event)!;
    expect(plain).toContain('"data":"token sk-secret-value"');
    expect(toNdjsonLine(event, redact)).toContain('"data":"token [redacted]"');
    expect(toNdjsonLine(event)).toBe(plain);
    expect(toNdjsonLine({...event, data: 'other'})).toContain('"data":"other"');
  });
});
