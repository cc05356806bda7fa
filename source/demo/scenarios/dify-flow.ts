import {delay, raceAbort} from '../timing.js';
import {countTokens} from './answer-text.js';
import {DifyRunChannel} from './dify-channel.js';
import {DifyRunClock} from './dify-clock.js';
import {
  createDifyEvents,
  difyUsage,
  round3,
  type DifyEvents,
  type DifyHumanInputForm,
  type DifyIds,
  type DifyNode,
} from './dify-events.js';
import type {DifyFlowPlan} from './dify-flow-plan.js';
import {approvalForm, approvalVerdict} from './dify-approval.js';
import {llmProcessData, newRunIds, node, systemVariables} from './dify-nodes.js';
import type {DifyChatRequest} from './dify-request.js';
import type {DifyFlowHandle, FormSubmitResult} from './dify-state.js';

type Payload = Record<string, unknown>;

const TOPICS = ['framing', 'reconnects', 'keep-alives'] as const;

/**
 * One run of a richer demo chatflow (dify-flow-plan.ts). It writes into a
 * DifyRunChannel and runs on whether or not a client is connected; stop()
 * ends it the way Dify does, except in "stubborn" runs, where it does nothing.
 */
export class DifyFlowRun implements DifyFlowHandle {
  readonly ids: DifyIds;
  readonly channel = new DifyRunChannel();
  readonly user: string;
  readonly legacy: boolean;
  readonly #request: DifyChatRequest;
  readonly #plan: DifyFlowPlan;
  readonly #events: DifyEvents;
  readonly #timeScale: number;
  readonly #shutdown: AbortSignal;
  readonly #stop = new AbortController();
  readonly #clock: DifyRunClock;
  #tokens = 0;
  #steps = 0;
  #form: DifyHumanInputForm | undefined;
  #submitted: ((filled: {inputs: Record<string, unknown>; actionId: string}) => void) | undefined;

  constructor(
    request: DifyChatRequest,
    plan: DifyFlowPlan,
    timeScale: number,
    shutdown: AbortSignal,
  ) {
    this.#request = request;
    this.#plan = plan;
    this.#timeScale = timeScale;
    this.#shutdown = shutdown;
    this.user = request.user;
    this.legacy = plan.legacy;
    this.ids = newRunIds(request.conversation.id);
    this.#events = createDifyEvents(this.ids);
    this.#clock = new DifyRunClock(this.ids, this.#events);
  }

  get workflowRunId(): string {
    return this.ids.workflowRunId;
  }

  form(): DifyHumanInputForm | undefined {
    return this.#form;
  }

  /** Dify's stop; a stubborn run ignores it (and the stop endpoint still says success). */
  stop(): void {
    if (!this.#plan.stubborn) this.#stop.abort();
  }

  submit(inputs: Record<string, unknown>, actionId: string): FormSubmitResult {
    const form = this.#form;
    const resolve = this.#submitted;
    if (form === undefined || resolve === undefined) {
      return {
        ok: false,
        status: 400,
        code: 'invalid_param',
        message: 'The form was already submitted.',
      };
    }
    if (!form.actions.some((action) => action.id === actionId)) {
      return {
        ok: false,
        status: 400,
        code: 'invalid_param',
        message: `Unknown action "${actionId}".`,
      };
    }
    this.#form = undefined;
    this.#submitted = undefined;
    resolve({inputs, actionId});
    return {ok: true};
  }

  async execute(): Promise<void> {
    try {
      const sys = systemVariables(this.#request, this.ids.workflowRunId);
      this.#push(this.#events.workflowStarted({...sys, ...this.#request.inputs}));
      const start = node('start', 'start', 'Start', 1, null);
      if (!(await this.#runNode(start, 5, {inputs: sys, outputs: sys})))
        return this.#finishStopped();
      const ended =
        this.#plan.kind === 'approval' ? await this.#approvalFlow() : await this.#branchesFlow();
      if (ended === 'stopped') this.#finishStopped();
    } finally {
      this.channel.setPhase('finished');
    }
  }

  async #branchesFlow(): Promise<'done' | 'stopped'> {
    const iteration = node('topics', 'iteration', 'For each topic', 2, 'start');
    const startedMs = this.#clock.ms;
    const inputs = {iterator_selector: ['start', 'topics']};
    this.#push(this.#events.iterationStarted(iteration, this.#clock.now(), TOPICS.length, inputs));
    const summaries: string[] = [];
    for (const [index, topic] of TOPICS.entries()) {
      this.#push(this.#events.iterationNext(iteration, this.#clock.now(), index));
      const step = node('summarize', 'llm', 'Summarize topic', 3, 'topics');
      const text = `SSE ${topic} in one line.`;
      const ok = await this.#runNode(step, 120, {
        inputs: {item: topic, index},
        outputs: {text, finish_reason: 'stop'},
        tokens: 30 + index * 7,
        iterationId: iteration.nodeId,
      });
      if (!ok) return 'stopped';
      summaries.push(text);
    }
    const iterationTokens = 30 + 37 + 44;
    this.#steps++;
    this.#push(
      this.#events.iterationCompleted(iteration, {
        inputs,
        outputs: {output: summaries},
        elapsedTime: round3((this.#clock.ms - startedMs) / 1000),
        totalTokens: iterationTokens,
        steps: TOPICS.length,
        createdAt: this.ids.createdAt + Math.floor(startedMs / 1000),
        finishedAt: this.#clock.now(),
      }),
    );
    // Two parallel branches: both start, the shorter one finishes first.
    const docs = node('search_docs', 'knowledge-retrieval', 'Search docs', 4, 'topics');
    const weather = node('fetch_status', 'http-request', 'Fetch status page', 5, 'topics');
    const branchStart = this.#clock.ms;
    this.#push(this.#events.nodeStarted(docs, this.#clock.now()));
    this.#push(this.#events.nodeStarted(weather, this.#clock.now()));
    if (!(await this.#wait(180))) return 'stopped';
    this.#push(
      this.#nodeFinished(weather, branchStart, {
        outputs: {status_code: 200, body: 'all systems normal'},
      }),
    );
    if (!(await this.#wait(80))) return 'stopped';
    this.#push(
      this.#nodeFinished(docs, branchStart, {outputs: {result: [{content: 'SSE is one-way.'}]}}),
    );
    return this.#answer('write', 6, 'search_docs', `Summaries: ${summaries.join(' ')}`);
  }

  async #approvalFlow(): Promise<'done' | 'stopped'> {
    const draft = node('draft', 'llm', 'Draft reply', 2, 'start');
    const draftText = `Draft: a short answer to "${this.#request.query.slice(0, 60)}".`;
    const drafted = await this.#runNode(draft, 200, {
      outputs: {text: draftText, finish_reason: 'stop'},
      tokens: 64,
    });
    if (!drafted) return 'stopped';
    const approval = node('approval', 'human-input', 'Approval', 3, 'draft');
    const approvalStart = this.#clock.ms;
    this.#push(this.#events.nodeStarted(approval, this.#clock.now()));
    const form = approvalForm(approval, draftText, this.#clock.now());
    const filled = new Promise<{inputs: Record<string, unknown>; actionId: string}>((resolve) => {
      this.#submitted = resolve;
    });
    this.#form = form;
    this.#push(this.#events.humanInputRequired(form));
    this.#push(
      this.#events.workflowPaused(form, {
        elapsedTime: round3(this.#clock.ms / 1000),
        totalTokens: this.#tokens,
        totalSteps: this.#steps,
      }),
    );
    this.channel.setPhase('paused');
    const answer = await raceAbort(filled, this.#shutdown);
    if (answer === undefined) return 'done';
    this.channel.setPhase('running');
    const action = form.actions.find(({id}) => id === answer.actionId);
    const comment = typeof answer.inputs['comment'] === 'string' ? answer.inputs['comment'] : '';
    this.#push(
      this.#events.humanInputFormFilled(form, {
        renderedContent: `${form.formContent}\n\n${comment}`,
        actionId: answer.actionId,
        actionText: action?.title ?? answer.actionId,
        submittedData: answer.inputs,
      }),
    );
    this.#steps++;
    this.#push(
      this.#nodeFinished(approval, approvalStart, {
        inputs: {},
        outputs: {comment, __action_id: answer.actionId},
      }),
    );
    const verdict = approvalVerdict(answer.actionId, comment, draftText);
    return this.#answer('final', 4, 'approval', verdict);
  }

  /** The closing LLM node streaming `message` chunks, the Answer node, message_end, workflow_finished. */
  async #answer(
    nodeId: string,
    index: number,
    predecessor: string,
    text: string,
  ): Promise<'done' | 'stopped'> {
    const llm = node(nodeId, 'llm', 'Write answer', index, predecessor);
    const started = this.#clock.ms;
    this.#push(this.#events.nodeStarted(llm, this.#clock.now()));
    if (!(await this.#wait(150))) return 'stopped';
    const words = text.split(/(?<= )/);
    for (const piece of words) {
      this.#push(this.#events.message(piece));
      if (!(await this.#wait(40))) return 'stopped';
    }
    const usage = difyUsage(120, countTokens(text), (this.#clock.ms - started) / 1000, 0.15);
    const tokens = Number(usage['total_tokens']);
    this.#push(
      this.#nodeFinished(llm, started, {
        processData: llmProcessData(this.#request.query),
        outputs: {text, reasoning_content: '', usage, finish_reason: 'stop'},
        tokens,
        price: String(usage['total_price']),
      }),
    );
    const answerNode = node('answer', 'answer', 'Answer', index + 1, nodeId);
    const outputs = {answer: text, files: []};
    if (!(await this.#runNode(answerNode, 3, {outputs}))) return 'stopped';
    this.#push(this.#events.messageEnd(usage));
    this.#push(this.#workflowFinished('succeeded', outputs));
    return 'done';
  }

  #finishStopped(): void {
    const usage = difyUsage(120, 0, this.#clock.ms / 1000, 0.15);
    this.#push(this.#workflowFinished('stopped', {}));
    this.#push(this.#events.messageEnd(usage));
  }

  async #runNode(
    def: DifyNode,
    ms: number,
    result: NodeResult & {iterationId?: string},
  ): Promise<boolean> {
    const started = this.#clock.ms;
    this.#push(this.#events.nodeStarted(def, this.#clock.now(), result.iterationId ?? null));
    if (!(await this.#wait(ms))) return false;
    this.#push(this.#nodeFinished(def, started, result));
    return true;
  }

  #nodeFinished(
    def: DifyNode,
    startedMs: number,
    result: NodeResult & {iterationId?: string},
  ): Payload {
    const tokens = result.tokens ?? 0;
    this.#tokens += tokens;
    this.#steps++;
    const metadata =
      tokens > 0
        ? {
            total_tokens: tokens,
            total_price: result.price ?? (tokens * 0.6e-6).toFixed(7),
            currency: 'USD',
          }
        : {};
    const {inputs = {}, processData = null, outputs = null} = result;
    return this.#clock.nodeFinished(
      def,
      startedMs,
      {inputs, processData, outputs, metadata},
      result.iterationId ?? null,
    );
  }

  #workflowFinished(status: 'succeeded' | 'stopped', outputs: Record<string, unknown>): Payload {
    return this.#clock.workflowFinished({
      status,
      outputs,
      totalTokens: this.#tokens,
      totalSteps: this.#steps,
      user: this.user,
    });
  }

  #push(payload: Payload): void {
    this.channel.push(payload);
  }

  /** Waits (scaled, slowed down in stubborn runs); false when stopped or shut down. */
  #wait(ms: number): Promise<boolean> {
    this.#clock.ms += ms * this.#plan.slowdown;
    const signal = AbortSignal.any([this.#shutdown, this.#stop.signal]);
    return delay(ms * this.#plan.slowdown * this.#timeScale, signal);
  }
}

type NodeResult = {
  readonly inputs?: Record<string, unknown>;
  readonly processData?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  readonly tokens?: number;
  readonly price?: string;
};
