import type {SummaryStatus} from './records.js';

/** The human sentence of a summary record, e.g. "completed: 50 events in 25.5 s, 0 reconnects". */
export function summaryText(
  finish: {readonly status: SummaryStatus; readonly reason: string},
  events: number,
  seconds: number,
  reconnects: number,
): string {
  const eventWord = events === 1 ? 'event' : 'events';
  const reconnectWord = reconnects === 1 ? 'reconnect' : 'reconnects';
  return `${finish.status} (${finish.reason}): ${events} ${eventWord} in ${seconds} s, ${reconnects} ${reconnectWord}`;
}
