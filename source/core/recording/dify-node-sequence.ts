import type {StreamRecord} from '../records.js';

/** One executed Dify node, in the order it started. */
export type NodeStep = {
  readonly id: string;
  readonly title: string;
  /** succeeded, failed, exception, stopped; "running" when it never finished. */
  readonly status: string;
  /** Seconds (Dify's `elapsed_time`), when it finished. */
  readonly elapsed: number | undefined;
};

type Wire = Record<string, unknown>;
const isObject = (value: unknown): value is Wire =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The node sequence of a Dify run from its node_started / node_finished
 * events. Kept behind this one function so the Dify run fold (core/dify-run)
 * can replace it.
 */
export function difyNodeSequence(records: Iterable<StreamRecord>): NodeStep[] {
  const steps: Array<{id: string; title: string; status: string; elapsed: number | undefined}> = [];
  const open = new Map<string, number>();
  for (const record of records) {
    if (record.type !== 'event' || !record.data.includes('"node_')) continue;
    let wire: unknown;
    try {
      wire = JSON.parse(record.data);
    } catch {
      continue;
    }
    if (!isObject(wire) || !isObject(wire['data'])) continue;
    const event = wire['event'];
    const data = wire['data'];
    const id = String(data['id'] ?? data['node_id'] ?? '');
    const title = String(data['title'] ?? data['node_id'] ?? '?');
    if (event === 'node_started') {
      open.set(id, steps.length);
      steps.push({id, title, status: 'running', elapsed: undefined});
    } else if (event === 'node_finished') {
      const at = open.get(id);
      const elapsed = typeof data['elapsed_time'] === 'number' ? data['elapsed_time'] : undefined;
      const step = {id, title, status: String(data['status'] ?? '?'), elapsed};
      if (at === undefined) steps.push(step);
      else steps[at] = step;
      open.delete(id);
    }
  }
  return steps;
}
