import {bufferingFix, bufferingHints} from './header-hints.js';
import type {DiagnosticsThresholds, Finding, StreamDiagnostics} from './types.js';

/** What the findings read besides the snapshot (the collector has these). */
export type FindingContext = {
  readonly thresholds: DiagnosticsThresholds;
  readonly idleTimeoutMs: number;
  readonly events: number;
  readonly startedAt: number | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly history: {
    readonly emptyStreak: number;
    readonly emptyStreakSince: number | undefined;
    readonly lastEnd: string;
    readonly idleTimeoutsWithKeepAlives: number;
  };
};

type Facts = Omit<StreamDiagnostics, 'findings'>;

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

export function bufferedUpstream(context: FindingContext, facts: Facts): Finding | undefined {
  const {bursts} = facts;
  const {events, thresholds} = context;
  const mostlyBursts =
    (bursts.count >= 2 && bursts.events * 2 >= events) ||
    (bursts.count >= 1 &&
      bursts.events * 5 >= events * 4 &&
      events >= thresholds.burstMinEvents * 2);
  if (!mostlyBursts) return undefined;
  const burstWord = bursts.count === 1 ? 'burst' : 'bursts';
  const largest = `largest: ${bursts.largestEvents} events within ${Math.round(bursts.largestSpanMs)} ms after ${seconds(bursts.largestGapMs)} of silence`;
  const hints = bufferingHints(context.headers);
  hints.push('HTTP version not known (fetch does not expose it)');
  return {
    name: 'buffered upstream',
    evidence: `${bursts.events} of ${events} events arrived in ${bursts.count} ${burstWord} (${largest}); ${hints.join('; ')}`,
    fix: bufferingFix(context.headers),
  };
}

export function keepAlivesOnly(
  context: FindingContext,
  facts: Facts,
  now: number,
): Finding | undefined {
  const {keepAlives} = facts;
  const since = facts.lastEventAt ?? context.startedAt;
  if (since === undefined || keepAlives.sinceLastEvent < 2) return undefined;
  const quietMs = now - since;
  if (quietMs < context.thresholds.keepAliveOnlyMs) return undefined;
  const interval =
    keepAlives.meanIntervalMs === undefined
      ? ''
      : `, one every ~${seconds(keepAlives.meanIntervalMs)}`;
  const what = facts.lastEventAt === undefined ? 'since the start' : 'since the last event';
  return {
    name: 'only keep-alives',
    evidence: `only keep-alives for ${seconds(quietMs)}: ${keepAlives.sinceLastEvent} keep-alives and no event ${what}${interval}`,
    fix: 'the server is up but nothing produces events: check the job, model or queue behind this stream',
  };
}

export function ignoresLastEventId(facts: Facts): Finding | undefined {
  const {ids} = facts;
  if (ids.restarts === 0 || !ids.lastRestart) return undefined;
  const times = ids.restarts === 1 ? '' : ` (${ids.restarts} reconnects)`;
  return {
    name: 'server ignores Last-Event-ID',
    evidence: `sent Last-Event-ID: ${ids.lastRestart.sent}, the next id was ${ids.lastRestart.got}${times}`,
    fix: 'make the server resume after the Last-Event-ID request header, or expect repeated events after a reconnect',
  };
}

export function idsSkipped(facts: Facts): Finding | undefined {
  const {ids} = facts;
  // Ids that usually go up by one and sometimes jump; not ids that are spaced out by design.
  if (ids.gaps === 0 || ids.steps < ids.gaps || !ids.largestGap) return undefined;
  const {from, to, missing} = ids.largestGap;
  const more = ids.gaps === 1 ? '' : `; ${ids.gaps} gaps, ${ids.missing} ids missing in all`;
  return {
    name: 'ids skipped',
    evidence: `ids ${from}→${to}: ${missing} missing${more}`,
    fix: 'events were lost before they reached the stream: check the producer and server-side queues (or ids are not consecutive by design)',
  };
}

export function reconnectLoop(context: FindingContext, now: number): Finding | undefined {
  const {emptyStreak, emptyStreakSince, lastEnd} = context.history;
  if (emptyStreak < context.thresholds.loopConnections) return undefined;
  const over = emptyStreakSince === undefined ? '' : ` over ${seconds(now - emptyStreakSince)}`;
  return {
    name: 'reconnect loop',
    evidence: `${emptyStreak} connections in a row opened and delivered no events${over}; last: ${lastEnd || 'ended'}`,
    fix: "the server ends the stream before sending anything: check the request (auth, query, Last-Event-ID) and the server's logs",
  };
}

export function idleTimeoutTooShort(context: FindingContext, facts: Facts): Finding | undefined {
  const idle = context.idleTimeoutMs;
  if (idle <= 0) return undefined;
  const interval = facts.keepAlives.maxIntervalMs;
  const fix = `raise the idle timeout (idleTimeout in the profile, --idle-timeout) above the server's keep-alive interval`;
  if (interval !== undefined && interval > idle) {
    return {
      name: 'idle timeout shorter than keep-alive interval',
      evidence: `keep-alives ${seconds(interval)} apart, idle timeout ${seconds(idle)}`,
      fix,
    };
  }
  const timeouts = context.history.idleTimeoutsWithKeepAlives;
  if (timeouts < 2) return undefined;
  return {
    name: 'idle timeout shorter than keep-alive interval',
    evidence: `idle timeout (${seconds(idle)}) hit ${timeouts} times on connections that were sending keep-alives`,
    fix,
  };
}

/** Every finding that holds now, in a stable order. */
export function findingsOf(context: FindingContext, facts: Facts, now: number): Finding[] {
  const findings: Finding[] = [];
  for (const finding of [
    bufferedUpstream(context, facts),
    keepAlivesOnly(context, facts, now),
    ignoresLastEventId(facts),
    idsSkipped(facts),
    reconnectLoop(context, now),
    idleTimeoutTooShort(context, facts),
  ]) {
    if (finding) findings.push(finding);
  }
  return findings;
}
