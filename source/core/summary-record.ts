import {connectedDuration, type StreamCounters} from './counters.js';
import type {StreamDiagnostics} from './diagnostics/types.js';
import type {SummaryRecord, SummaryStatus} from './records.js';

export type RunEnd = {readonly status: SummaryStatus; readonly reason: string};

/** The last record of a run, from the run's counters. */
export function buildSummary(
  base: {readonly stream: string; readonly timestamp: number; readonly bytesReceived: number},
  end: RunEnd,
  run: {
    readonly startedAt: number;
    readonly counters: StreamCounters;
    readonly lastEventId: string;
  },
  diagnostics?: StreamDiagnostics,
): SummaryRecord {
  const {counters} = run;
  const connectionDuration = Math.round(base.timestamp - run.startedAt) / 1000;
  return {
    ...base,
    type: 'summary',
    status: end.status,
    reason: end.reason,
    totalEvents: counters.events,
    connectionDuration,
    connectedMs: connectedDuration(counters, base.timestamp),
    reconnects: counters.reconnects,
    errors: counters.errors,
    eventsByType: {...counters.eventsByType},
    headersMs: counters.headersMs,
    firstEventMs: counters.firstEventMs,
    lastEventId: run.lastEventId,
    summary: summaryText(end, counters.events, connectionDuration, counters.reconnects),
    ...(diagnostics ? {diagnostics} : {}),
  };
}

/** The human sentence of a summary record, e.g. "completed (stream ended): 50 events in 25.5 s, 0 reconnects". */
export function summaryText(
  end: RunEnd,
  events: number,
  seconds: number,
  reconnects: number,
): string {
  const eventWord = events === 1 ? 'event' : 'events';
  const reconnectWord = reconnects === 1 ? 'reconnect' : 'reconnects';
  const head = end.reason === end.status ? end.status : `${end.status} (${end.reason})`;
  return `${head}: ${events} ${eventWord} in ${seconds} s, ${reconnects} ${reconnectWord}`;
}
