import {truncateToWidth, wrapWordsToWidth} from '../../core/display-text.js';
import type {AttemptEntry, StreamDiagnostics} from '../../core/diagnostics/types.js';
import type {RequestView} from '../../core/diagnostics/request-view.js';
import {sanitize} from '../../core/sanitize.js';
import type {ResponseInfo} from '../../core/store/types.js';
import {formatBytes, formatClock, formatCount, formatDuration} from '../format.js';

export type DetailTone = 'heading' | 'finding' | 'fix' | 'muted' | 'normal';
export type DetailLine = {readonly text: string; readonly tone: DetailTone};

export type DetailInput = {
  readonly diagnostics: StreamDiagnostics | undefined;
  readonly response: ResponseInfo | undefined;
  readonly request: RequestView | undefined;
  readonly now: number;
  readonly width: number;
};

const ms = (value: number | undefined): string =>
  value === undefined ? '-' : formatDuration(value);
const ago = (at: number | undefined, now: number): string =>
  at === undefined ? 'never' : `${formatDuration(now - at)} ago`;

/**
 * The details view of one stream as rows that fit `width`: findings first
 * (name, evidence, fix), then the request as sent, the response, timings,
 * chunks and bursts, keep-alives, ids and the reconnect history. Every
 * string passes the sanitizer here; long ones wrap at word boundaries.
 */
export function detailLines(input: DetailInput): DetailLine[] {
  const width = Math.max(1, input.width);
  const lines: DetailLine[] = [];
  const add = (text: string, tone: DetailTone = 'normal', indent = 2, wrap = true): void => {
    const clean = sanitize(text);
    const rows = wrap ? wrapWordsToWidth(clean, Math.max(1, width - indent)) : [clean];
    for (const row of rows) {
      lines.push({text: truncateToWidth(' '.repeat(indent) + row, width), tone});
    }
  };
  const heading = (text: string): void => add(text, 'heading', 1);
  const {diagnostics: d, now} = input;

  heading(d && d.findings.length > 0 ? `Findings (${d.findings.length})` : 'Findings');
  if (!d) add('no connection yet', 'muted');
  else if (d.findings.length === 0) add('none: nothing looks wrong so far', 'muted');
  for (const finding of d?.findings ?? []) {
    add(`! ${finding.name}`, 'finding');
    add(finding.evidence, 'normal', 4);
    add(`fix: ${finding.fix}`, 'fix', 4);
  }

  heading('Request · C: copy as curl');
  const request = input.request;
  if (!request) add('not known', 'muted');
  else {
    add(`${request.method} ${request.url}`);
    for (const [name, value] of request.headers) add(`${name}: ${value}`, 'muted', 4);
    add(`body: ${request.bodyBytes === 0 ? 'none' : formatBytes(request.bodyBytes)}`, 'muted', 4);
  }

  heading('Response');
  if (!input.response) add('no response yet', 'muted');
  else {
    add(input.response.statusLine);
    for (const [name, value] of input.response.headers) add(`${name}: ${value}`, 'muted', 4);
  }
  if (!d) return lines;

  heading('Timings (latest connection)');
  add(
    `headers ${ms(d.timings.headersMs)} · first byte ${ms(d.timings.firstByteMs)} · first event ${ms(d.timings.firstEventMs)}`,
  );
  add(`last event ${ago(d.lastEventAt, now)} · last byte ${ago(d.lastByteAt, now)}`);
  add('HTTP version: not known (fetch does not expose it)', 'muted');

  const {chunks, bursts, keepAlives, ids} = d;
  heading('Chunks');
  add(
    `${formatCount(chunks.count)} chunks · ${formatBytes(chunks.bytes)} · sizes ${formatBytes(chunks.smallest)}–${formatBytes(chunks.largest)} · largest gap ${ms(chunks.largestGapMs)} · up to ${chunks.mostEventsInChunk} events in one chunk`,
  );
  add(
    bursts.count === 0
      ? 'bursts: none'
      : `bursts: ${bursts.count} (${formatCount(bursts.events)} events; largest ${bursts.largestEvents} events within ${ms(bursts.largestSpanMs)} after ${ms(bursts.largestGapMs)} of silence)`,
  );

  heading('Keep-alives');
  add(
    keepAlives.count === 0
      ? 'none'
      : `${formatCount(keepAlives.count)} · every ~${ms(keepAlives.meanIntervalMs)} (last ${ms(keepAlives.lastIntervalMs)}, longest ${ms(keepAlives.maxIntervalMs)}) · ${keepAlives.sinceLastEvent} since the last event`,
  );

  heading('Ids');
  const gap = ids.largestGap ? ` (largest ${ids.largestGap.from}→${ids.largestGap.to})` : '';
  const restart = ids.lastRestart
    ? ` (sent ${ids.lastRestart.sent}, got ${ids.lastRestart.got})`
    : '';
  add(
    ids.numeric === 0
      ? 'no numeric ids'
      : `${formatCount(ids.numeric)} numeric · ${ids.gaps} gaps, ${formatCount(ids.missing)} missing${gap} · ${ids.backwards} backwards · ${ids.restarts} restarts after reconnect${restart}`,
  );

  const kept = d.history.length < d.attempts ? `, last ${d.history.length} shown` : '';
  const attempts = `${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'}`;
  const idle = `${d.idleTimeouts} idle ${d.idleTimeouts === 1 ? 'timeout' : 'timeouts'}`;
  heading(`Reconnect history (${attempts}${kept}, ${idle})`);
  add('#    time      sent id   status  hdrs    events  delay          end', 'muted', 2, false);
  for (const entry of d.history) add(attemptRow(entry), 'normal', 2, false);
  return lines;
}

const pad = (text: string, size: number): string =>
  text.length >= size ? `${text.slice(0, size - 1)}… ` : text.padEnd(size + 1);

function attemptRow(entry: AttemptEntry): string {
  const delay =
    entry.delayMs === undefined
      ? '-'
      : `${ms(entry.delayMs)} ${entry.delaySource ?? ''}${entry.clamped ? ' (clamped)' : ''}`;
  return [
    pad(String(entry.attempt), 4),
    pad(formatClock(entry.at), 9),
    pad(entry.lastEventIdSent === '' ? '-' : sanitize(entry.lastEventIdSent), 9),
    pad(entry.httpStatus === undefined ? '-' : String(entry.httpStatus), 6),
    pad(ms(entry.headersMs), 7),
    pad(formatCount(entry.events), 7),
    pad(delay, 14),
    entry.end === '' ? 'open' : entry.end,
  ].join('');
}
