import {describe, expect, it} from 'vitest';
import {applyRecord, createCounters} from '../../source/core/counters.js';
import type {EventRecord} from '../../source/core/records.js';

const eventRecord = (eventType: string, bytesReceived: number): EventRecord => ({
  stream: 's',
  timestamp: 1000,
  bytesReceived,
  type: 'event',
  eventNumber: 1,
  eventType,
  data: '',
  eventId: '',
});

describe('counters', () => {
  it('counts event types named like Object.prototype members as plain types', () => {
    const counters = createCounters();
    for (const type of ['constructor', '__proto__', 'toString', 'constructor', 'message'])
      applyRecord(counters, eventRecord(type, 10));
    expect(counters.events).toBe(5);
    expect(Object.entries(counters.eventsByType)).toEqual([
      ['constructor', 2],
      ['__proto__', 1],
      ['toString', 1],
      ['message', 1],
    ]);
    expect(JSON.stringify({...counters.eventsByType})).toBe(
      '{"constructor":2,"__proto__":1,"toString":1,"message":1}',
    );
  });

  it('keeps the largest byte count seen', () => {
    const counters = createCounters();
    applyRecord(counters, eventRecord('a', 30));
    applyRecord(counters, eventRecord('a', 20));
    expect(counters.bytes).toBe(30);
  });
});
