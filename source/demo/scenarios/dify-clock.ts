import {
  round3,
  type DifyEvents,
  type DifyIds,
  type DifyNode,
  type DifyNodeResult,
  type DifyWorkflowResult,
} from './dify-events.js';

type Payload = Record<string, unknown>;

/**
 * A demo run's simulated clock (unscaled ms since the run started) and the
 * payloads stamped with it as Dify writes them: elapsed seconds to three
 * places, created and finished times in Unix seconds.
 */
export class DifyRunClock {
  /** Simulated ms since the run started. */
  ms = 0;
  readonly #ids: DifyIds;
  readonly #events: DifyEvents;

  constructor(ids: DifyIds, events: DifyEvents) {
    this.#ids = ids;
    this.#events = events;
  }

  /** Unix seconds now, in the run's simulated time. */
  now(): number {
    return this.#ids.createdAt + Math.floor(this.ms / 1000);
  }

  /** node_finished of a node started at `startedMs`: succeeded unless `result` says otherwise. */
  nodeFinished(
    node: DifyNode,
    startedMs: number,
    result: Partial<DifyNodeResult>,
    iterationId: string | null = null,
  ): Payload {
    return this.#events.nodeFinished(
      node,
      {
        inputs: {},
        processData: null,
        outputs: null,
        status: 'succeeded',
        error: null,
        metadata: {},
        ...result,
        elapsedTime: round3((this.ms - startedMs) / 1000),
        createdAt: this.#ids.createdAt + Math.floor(startedMs / 1000),
        finishedAt: this.now(),
      },
      iterationId,
    );
  }

  /** workflow_finished now: succeeded with no outputs unless `result` says otherwise. */
  workflowFinished(result: Partial<DifyWorkflowResult> & {readonly user: string}): Payload {
    return this.#events.workflowFinished({
      status: 'succeeded',
      outputs: {},
      error: null,
      totalTokens: 0,
      totalSteps: 0,
      ...result,
      elapsedTime: round3(this.ms / 1000),
      finishedAt: this.now(),
    });
  }
}
