import type {ServerResponse} from 'node:http';
import {openSse, type DemoContext} from '../context.js';
import type {SseStream} from '../sse-stream.js';
import {DifyFlowRun} from './dify-flow.js';
import type {DifyFlowPlan} from './dify-flow-plan.js';
import type {DifyChatRequest} from './dify-request.js';
import {rememberRun, type DifyFlowHandle} from './dify-state.js';

/**
 * Starts a flow run (it runs on its own, like Dify's worker) and streams it
 * on this response: the initial `event: ping`, then the run's events until
 * it pauses or finishes, with `event: ping` every 10 s.
 */
export async function startFlowRun(
  context: DemoContext,
  res: ServerResponse,
  request: DifyChatRequest,
  plan: DifyFlowPlan,
): Promise<void> {
  const run = new DifyFlowRun(request, plan, context.timeScale, context.shutdown);
  const {taskId} = run.ids;
  rememberRun(context.dify, run);
  context.dify.tasks.set(taskId, {user: request.user, stop: () => run.stop()});
  void run.execute().finally(() => context.dify.tasks.delete(taskId));
  const sse = openSse(context, res);
  if (!(await sse.send({event: 'ping'}))) return;
  await pipeRun(sse, run, plan.dropAfter);
}

/** Streams what the run has not sent yet, with Dify's pings, then ends the response. */
export async function pipeRun(
  sse: SseStream,
  run: DifyFlowHandle,
  dropAfter?: number,
): Promise<void> {
  sse.every(10_000, () => void sse.send({event: 'ping'}));
  try {
    await run.channel.pipe(sse, dropAfter);
  } finally {
    sse.end();
  }
}
