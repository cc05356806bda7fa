import type {JsonObject} from '../answer/json-value.js';
import type {RunNode, RunNodeDetails, RunPayload} from './types.js';

/**
 * Inputs, process data and outputs of node executions. Service API node
 * events are not truncated (reference P10): one node_finished can carry
 * megabytes. The fold keeps the parsed values of the most recent nodes only,
 * newest first, while their sizes add up to at most RUN_DETAIL_BUDGET; older
 * nodes keep their sizes and `*_truncated` flags, with `dropped: true`.
 */

/** Size units (UTF-16 code units of compact JSON) of node details kept per run. */
export const RUN_DETAIL_BUDGET = 8 * 1024 * 1024;

const payloadKeys = [
  ['inputs', 'inputs_truncated'],
  ['process_data', 'process_data_truncated'],
  ['outputs', 'outputs_truncated'],
] as const;

function sizeOf(value: unknown): number {
  if (value === null) return 4;
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

function readPayload(data: JsonObject, key: string, flagKey: string): RunPayload | undefined {
  if (!(key in data)) return undefined;
  const value = data[key];
  return {value, truncated: data[flagKey] === true, size: sizeOf(value)};
}

/** The details an event carries, merged over what the row had (node_started sends inputs, node_finished all three). */
export function readDetails(
  data: JsonObject,
  previous: RunNodeDetails | undefined,
): RunNodeDetails | undefined {
  const [inputs, processData, outputs] = payloadKeys.map(([key, flag]) =>
    readPayload(data, key, flag),
  );
  if (inputs === undefined && processData === undefined && outputs === undefined) return previous;
  return {
    inputs: inputs ?? previous?.inputs,
    processData: processData ?? previous?.processData,
    outputs: outputs ?? previous?.outputs,
    dropped: false,
  };
}

export function detailsSize(details: RunNodeDetails | undefined): number {
  if (details === undefined || details.dropped) return 0;
  return (
    (details.inputs?.size ?? 0) + (details.processData?.size ?? 0) + (details.outputs?.size ?? 0)
  );
}

const dropValue = (payload: RunPayload | undefined): RunPayload | undefined =>
  payload === undefined
    ? undefined
    : {value: undefined, truncated: payload.truncated, size: payload.size};

export function dropDetails(details: RunNodeDetails): RunNodeDetails {
  return {
    inputs: dropValue(details.inputs),
    processData: dropValue(details.processData),
    outputs: dropValue(details.outputs),
    dropped: true,
  };
}

/**
 * Lets go of the values of the oldest nodes until the kept ones fit the
 * budget. `kept` is the running total the caller maintains; returns the new
 * total. Rows are replaced in place (the array is the fold's own).
 */
export function enforceDetailBudget(nodes: RunNode[], kept: number, budget: number): number {
  if (kept <= budget) return kept;
  let total = 0;
  for (let index = nodes.length - 1; index >= 0; index--) {
    const node = nodes[index]!;
    const size = detailsSize(node.details);
    if (size === 0) continue;
    if (total + size <= budget) total += size;
    else nodes[index] = {...node, details: dropDetails(node.details!)};
  }
  return total;
}
