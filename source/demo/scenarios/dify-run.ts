import type {SseStream} from '../sse-stream.js';
import {DifyRunClock} from './dify-clock.js';
import {countTokens} from './answer-text.js';
import {createDifyEvents, difyUsage, type DifyEvents, type DifyIds} from './dify-events.js';
import {
  createGraph,
  newRunIds,
  llmProcessData,
  systemVariables,
  type DifyGraph,
} from './dify-nodes.js';
import {ERROR_AFTER_CHUNKS, ERROR_MESSAGE, FAIL_MESSAGE, type DifyPlan} from './dify-plan.js';
import type {DifyChatRequest} from './dify-request.js';

type Payload = Record<string, unknown>;

/**
 * One chatflow run streamed like Dify ≥1.13.1: `event: ping`, workflow_started,
 * Start node, LLM node (with `message` chunks while it runs), Answer node,
 * message_end, workflow_finished. A "fail" run, an "error" run and stop() end
 * it the way Dify does. Times in the payloads are simulated (unscaled).
 */
export class DifyRun {
  readonly ids: DifyIds;
  readonly #sse: SseStream;
  readonly #request: DifyChatRequest;
  readonly #plan: DifyPlan;
  readonly #events: DifyEvents;
  readonly #graph: DifyGraph = createGraph();
  readonly #stop = new AbortController();
  readonly #clock: DifyRunClock;

  constructor(sse: SseStream, request: DifyChatRequest, plan: DifyPlan) {
    this.#sse = sse;
    this.#request = request;
    this.#plan = plan;
    this.ids = newRunIds(request.conversation.id);
    this.#events = createDifyEvents(this.ids);
    this.#clock = new DifyRunClock(this.ids, this.#events);
  }

  /** Stops emitting chunks; the run then ends with workflow_finished(stopped) + message_end. */
  stop(): void {
    this.#stop.abort();
  }

  get #stopped(): boolean {
    return this.#stop.signal.aborted;
  }

  async execute(): Promise<void> {
    const {start, llm} = this.#graph;
    const sys = systemVariables(this.#request, this.ids.workflowRunId);
    const inputs = {...sys, ...this.#request.inputs};
    if (!(await this.#sse.send({event: 'ping'}))) return;
    await this.#wait(15);
    if (!(await this.#emit(this.#events.workflowStarted(inputs)))) return;
    if (!(await this.#emit(this.#events.nodeStarted(start, this.#clock.now())))) return;
    await this.#wait(5);
    const startDone = this.#clock.nodeFinished(start, this.#clock.ms - 5, {
      inputs: sys,
      outputs: inputs,
    });
    if (!(await this.#emit(startDone))) return;

    const llmStartedMs = this.#clock.ms;
    if (!(await this.#emit(this.#events.nodeStarted(llm, this.#clock.now())))) return;
    await this.#wait(this.#plan.firstTokenMs);
    if (this.#plan.mode === 'fail' && !this.#stopped) return this.#fail(llmStartedMs);
    const answer = await this.#streamChunks();
    if (answer === undefined || this.#sse.closed) return;
    if (this.#stopped) return this.#finishStopped(answer);
    return this.#finishSucceeded(answer, llmStartedMs);
  }

  /** Sends the `message` chunks; undefined when the run ended inside (closed or in-band error). */
  async #streamChunks(): Promise<string | undefined> {
    let sent = '';
    for (const [index, chunk] of this.#plan.chunks.entries()) {
      if (this.#stopped) break;
      if (!(await this.#emit(this.#events.message(chunk)))) return undefined;
      sent += chunk;
      if (this.#plan.mode === 'error' && index + 1 >= ERROR_AFTER_CHUNKS) {
        await this.#emit(this.#events.error(400, 'completion_request_error', ERROR_MESSAGE));
        return undefined;
      }
      await this.#wait(this.#plan.chunkDelays[index] ?? 40);
    }
    return sent;
  }

  async #fail(llmStartedMs: number): Promise<void> {
    const failed = this.#clock.nodeFinished(this.#graph.llm, llmStartedMs, {
      processData: llmProcessData(this.#request.query),
      status: 'failed',
      error: FAIL_MESSAGE,
    });
    const finished = this.#clock.workflowFinished({
      user: this.#request.user,
      status: 'failed',
      error: FAIL_MESSAGE,
      totalSteps: 2,
    });
    await this.#emitAll([failed, finished]);
  }

  async #finishStopped(answer: string): Promise<void> {
    const usage = this.#usage(answer);
    const finished = this.#clock.workflowFinished({
      user: this.#request.user,
      status: 'stopped',
      totalTokens: Number(usage.total_tokens),
      totalSteps: 2,
    });
    await this.#emitAll([finished, this.#events.messageEnd(usage)]);
  }

  async #finishSucceeded(answer: string, llmStartedMs: number): Promise<void> {
    const {llm, answer: answerNode} = this.#graph;
    const usage = this.#usage(answer);
    const totalTokens = Number(usage.total_tokens);
    const llmDone = this.#clock.nodeFinished(llm, llmStartedMs, {
      processData: llmProcessData(this.#request.query),
      outputs: {text: answer, reasoning_content: '', usage, finish_reason: 'stop'},
      metadata: {total_tokens: totalTokens, total_price: usage.total_price, currency: 'USD'},
    });
    if (
      !(await this.#emitAll([llmDone, this.#events.nodeStarted(answerNode, this.#clock.now())]))
    ) {
      return;
    }
    const answerStartedMs = this.#clock.ms;
    await this.#wait(2);
    const outputs = {answer, files: []};
    await this.#emitAll([
      this.#clock.nodeFinished(answerNode, answerStartedMs, {outputs}),
      this.#events.messageEnd(usage),
      this.#clock.workflowFinished({
        user: this.#request.user,
        status: 'succeeded',
        outputs,
        totalTokens,
        totalSteps: 3,
      }),
    ]);
  }

  #usage(answer: string): ReturnType<typeof difyUsage> {
    const firstTokenSeconds = (15 + 5 + this.#plan.firstTokenMs) / 1000;
    const latency = this.#clock.ms / 1000;
    return difyUsage(this.#plan.promptTokens, countTokens(answer), latency, firstTokenSeconds);
  }

  /** Waits (scaled); cut short by stop() or a closed stream. */
  #wait(ms: number): Promise<boolean> {
    this.#clock.ms += ms;
    return this.#sse.sleep(ms, this.#stop.signal);
  }

  /** `data: {json}`: compact, raw UTF-8 (like orjson), multi-byte text cut across two writes. */
  #emit(payload: Payload): Promise<boolean> {
    const data = JSON.stringify(payload);
    return /[^\x20-\x7e]/.test(data) ? this.#sse.sendSplitUtf8({data}) : this.#sse.send({data});
  }

  async #emitAll(payloads: readonly Payload[]): Promise<boolean> {
    for (const payload of payloads) if (!(await this.#emit(payload))) return false;
    return true;
  }
}
