import {describe, expect, it} from 'vitest';
import {DiagnosticsCollector} from '../../../source/core/diagnostics/collector.js';
import type {RecordListener, StreamRecord} from '../../../source/core/records.js';
import {createStreamStore} from '../../../source/core/store/stream-store.js';
import type {StreamController} from '../../../source/core/stream-controller.js';
import {parseStreamSpec, resolveStreamSpec} from '../../../source/core/stream-spec.js';

const SECRET = 'sk-live-very-secret-42';

function controller(): StreamController & {emit: (record: StreamRecord) => void} {
  const listeners = new Set<RecordListener>();
  const resolved = resolveStreamSpec(
    parseStreamSpec({name: 's', url: 'http://x.test/', auth: {type: 'bearer', token: SECRET}}),
  );
  return {
    name: 's',
    resolved,
    running: false,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => Promise.reject(new Error('not in this test')),
    stop: () => undefined,
    reconnect: () => undefined,
    emit: (record) => listeners.forEach((listener) => listener(record)),
  };
}

describe('the store keeps the latest diagnostics, redacted', () => {
  it('replaces known secrets in ids and evidence, and resets on a new run', () => {
    const store = createStreamStore({notifyIntervalMs: 10_000});
    const stream = controller();
    store.attach([stream]);
    const base = {stream: 's', bytesReceived: 0};
    const list: StreamRecord[] = [
      {...base, timestamp: 1, type: 'status', state: 'connecting', attempt: 1},
      {
        ...base,
        timestamp: 2,
        type: 'event',
        eventNumber: 1,
        eventType: 'm',
        data: 'a',
        eventId: `${SECRET}-5`,
      },
      {
        ...base,
        timestamp: 3,
        type: 'status',
        state: 'reconnecting',
        delayMs: 1,
        reason: 'stream ended',
        attempt: 2,
        failures: 0,
        maxFailures: 3,
      },
      {
        ...base,
        timestamp: 4,
        type: 'status',
        state: 'connecting',
        attempt: 2,
        lastEventId: `${SECRET}-5`,
      },
      {
        ...base,
        timestamp: 5,
        type: 'event',
        eventNumber: 2,
        eventType: 'm',
        data: 'b',
        eventId: `${SECRET}-1`,
      },
    ];
    const collector = new DiagnosticsCollector({idleTimeoutMs: 0});
    for (const record of list) {
      collector.observe(record);
      stream.emit(record);
    }
    const {diagnostics} = collector.snapshot(6);
    expect(diagnostics.findings[0]?.evidence).toContain(SECRET);
    stream.emit({...base, timestamp: 6, type: 'diagnostics', diagnostics});
    store.flush();
    const shown = store.getSnapshot('s').diagnostics;
    expect(shown?.findings[0]?.evidence).toBe(
      'sent Last-Event-ID: [redacted]-5, the next id was [redacted]-1',
    );
    expect(JSON.stringify(shown)).not.toContain(SECRET);

    stream.emit({
      ...base,
      timestamp: 10,
      type: 'summary',
      status: 'stopped',
      reason: 'stopped',
      totalEvents: 2,
      connectionDuration: 0,
      connectedMs: 0,
      reconnects: 1,
      errors: 0,
      eventsByType: {},
      headersMs: undefined,
      firstEventMs: undefined,
      lastEventId: '',
      summary: '',
    });
    stream.emit({...base, timestamp: 11, type: 'status', state: 'connecting', attempt: 1});
    store.flush();
    expect(store.getSnapshot('s').diagnostics).toBeUndefined();
  });
});
