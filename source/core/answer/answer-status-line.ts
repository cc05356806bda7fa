import {sanitize} from '../sanitize.js';
import {formatAnswerError} from './run-status.js';
import type {AnswerError, AnswerRun} from './answer-types.js';

/**
 * One line about an answer for the dashboard and headless mode, e.g.
 * "LLM (llm) · 3/5 nodes · TTFT 320 ms · 41 tok/s · 1,161 tokens · $0.00129".
 * Server-sent names in it are sanitized; the line is safe to print.
 */

/** finish/stop reasons that mean a normal end and need no mention. */
const normalStops = new Set(['stop', 'end_turn', 'completed']);

export function answerStatusLine(
  source: AnswerRun | {readonly current: AnswerRun},
  /** Between the parts; the dashboard passes its ASCII stand-in in a non-UTF-8 locale. */
  separator = '·',
): string {
  const run = 'current' in source ? source.current : source;
  const {progress, metrics, usage} = run;
  const parts: string[] = [phaseText(run, separator)];
  if (progress.nodesStarted > 0) {
    parts.push(`${progress.nodesFinished}/${progress.nodesStarted} nodes`);
  }
  if (metrics.ttftMs !== undefined) parts.push(`TTFT ${formatDuration(metrics.ttftMs)}`);
  if (metrics.tokensPerSecond !== undefined) {
    const rate = Math.round(metrics.tokensPerSecond);
    parts.push(`${metrics.tokensEstimated ? '~' : ''}${formatCount(rate)} tok/s`);
  }
  if (usage?.totalTokens !== undefined) parts.push(`${formatCount(usage.totalTokens)} tokens`);
  else if (metrics.answerChars > 0) parts.push(`${formatCount(metrics.answerChars)} chars`);
  const price = formatPrice(usage?.totalPrice, usage?.currency);
  if (price !== undefined) parts.push(price);
  if (usage?.retrieverResources !== undefined && usage.retrieverResources > 0) {
    const count = usage.retrieverResources;
    parts.push(`${count} ${count === 1 ? 'source' : 'sources'}`);
  }
  if (run.ended && metrics.totalLatencyMs !== undefined) {
    parts.push(`${formatDuration(metrics.totalLatencyMs)} total`);
  }
  return parts.join(` ${separator} `);
}

function phaseText(run: AnswerRun, separator: string): string {
  const {progress} = run;
  switch (run.status) {
    case 'waiting':
      return 'waiting';
    case 'streaming': {
      const cycle = progress.cycle;
      const cycleText =
        cycle === undefined
          ? ''
          : ` ${separator} ${sanitize(cycle.title || cycle.kind)}${cycleIndexText(cycle.index, cycle.length)}`;
      if (progress.currentNode !== undefined) {
        const {title, type} = progress.currentNode;
        return `${sanitize(title || type)} (${sanitize(type)})${cycleText}`;
      }
      if (progress.agentTool !== undefined) return `tool ${sanitize(progress.agentTool)}`;
      return `streaming${cycleText}`;
    }
    case 'done':
      return run.stopReason === undefined || normalStops.has(run.stopReason)
        ? 'done'
        : `done (${sanitize(run.stopReason)})`;
    case 'error': {
      const node = progress.failedNode;
      return node?.status !== 'failed'
        ? 'error'
        : `error in ${sanitize(node.title || node.type)} (${sanitize(node.type)})`;
    }
    case 'stopped':
      return 'stopped';
    case 'paused':
      return sanitize(run.statusReason || 'paused');
    case 'incomplete':
      return `incomplete: ${sanitize(run.statusReason)}`;
  }
}

function cycleIndexText(index: number | undefined, length: number | undefined): string {
  if (index === undefined) return '';
  return length === undefined ? ` #${index}` : ` ${index}/${length}`;
}

/** The error as one safe line: "code (status): message". */
export function answerErrorText(error: AnswerError): string {
  return sanitize(formatAnswerError(error));
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** "320 ms", "1.24 s", "12.3 s", "95 s". */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.round(seconds)} s`;
}

/** "$0.00129" for USD, "0.0123 RMB" otherwise; undefined when there is no price. */
export function formatPrice(
  price: string | undefined,
  currency: string | undefined,
): string | undefined {
  if (price === undefined) return undefined;
  const value = Number(price);
  if (!Number.isFinite(value)) return undefined;
  let amount: string;
  if (value === 0) amount = '0';
  else if (value >= 1) amount = value.toFixed(2);
  else if (value < 0.00001) amount = '<0.00001';
  else amount = String(Number(value.toPrecision(3)));
  if (currency === undefined || currency.toUpperCase() === 'USD') {
    return amount.startsWith('<') ? `<$${amount.slice(1)}` : `$${amount}`;
  }
  return `${amount} ${sanitize(currency)}`;
}
