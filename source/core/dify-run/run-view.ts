import {inferAppType} from './app-type.js';
import {dropDetails} from './node-details.js';
import type {RunWork} from './run-state.js';
import type {DifyRun, RunHeader, RunNode} from './types.js';

/** The immutable DifyRun of a run being folded (rows are shared, arrays copied). */

/** Sum of decimal price strings, printed without float noise (at most 7 decimals, as Dify sends). */
export function sumPrices(prices: readonly (string | undefined)[]): string | undefined {
  let total = 0;
  let any = false;
  for (const price of prices) {
    if (price === undefined) continue;
    const value = Number(price);
    if (!Number.isFinite(value)) continue;
    total += value;
    any = true;
  }
  if (!any) return undefined;
  return String(Number(total.toFixed(7)));
}

function header(work: RunWork): RunHeader {
  // Iterations and loops report their children's totals: count plain nodes only.
  const nodePrices = work.nodes.filter((node) => node.kind === 'node').map((node) => node.price);
  const startedAt = work.startedAt;
  return {
    appType: inferAppType(work.appSignals),
    workflowRunId: work.workflowRunId,
    taskId: work.taskId,
    conversationId: work.conversationId,
    messageId: work.messageId,
    status: work.status,
    startedAt,
    endedAt: work.endedAt,
    elapsedSeconds: work.elapsedSeconds ?? work.latencySeconds,
    totalTokens: work.workflowTokens ?? work.usageTokens,
    totalPrice: work.usagePrice ?? sumPrices(nodePrices),
    currency: work.usageCurrency ?? work.nodes.find((node) => node.currency)?.currency,
    totalSteps: work.totalSteps,
    clientTtftMs:
      startedAt === undefined || work.firstAnswerAt === undefined
        ? undefined
        : Math.max(0, work.firstAnswerAt - startedAt),
    serverTtftSeconds: work.serverTtftSeconds,
    error: work.workflowError ?? work.errorEvent?.message,
    exceptionsCount: work.exceptionsCount,
  };
}

const withoutDetails = (node: RunNode): RunNode =>
  node.details === undefined || node.details.dropped
    ? node
    : {...node, details: dropDetails(node.details)};

export function runView(work: RunWork, options: {readonly dropDetails: boolean}): DifyRun {
  return Object.freeze({
    runNumber: work.runNumber,
    header: Object.freeze(header(work)),
    nodes: Object.freeze(options.dropDetails ? work.nodes.map(withoutDetails) : [...work.nodes]),
    agentSteps: Object.freeze([...work.agentSteps]),
    agentPreamble: work.agentPreamble,
    humanInput: work.humanInput,
    replacements: Object.freeze([...work.replacements]),
    stop: work.stop,
    reattach: work.reattach,
    terminalEvents: Object.freeze([...work.terminalEvents]),
    errorEvent: work.errorEvent,
    lastEventAt: work.lastEventAt,
    pingsSinceEvent: work.pingsSinceEvent,
    streamError: work.streamError,
    streamEnd: work.streamEnd,
    resumes: work.resumes,
    ended: work.ended,
  });
}
