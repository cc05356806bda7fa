import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {transcriptFileName, transcriptMarkdown} from '../core/answer/transcript-markdown.js';
import {chatApiOf, nextChatRequest} from '../core/chat-requests.js';
import {requestView} from '../core/diagnostics/request-view.js';
import {submitHumanInput} from '../core/dify-human-input.js';
import {createRedactor, secretsOfSpec} from '../core/redact.js';
import {sanitize} from '../core/sanitize.js';
import {stopDifyTask} from '../core/dify-requests.js';
import {defaultExportFileName} from '../core/store/export-ndjson.js';
import type {StreamStore} from '../core/store/types.js';
import type {StreamController} from '../core/stream-controller.js';
import type {StreamSpec} from '../core/stream-spec.js';
import type {ControlResult, DashboardControls} from './controls.js';
import type {DashboardRecording} from './dashboard-recording.js';
import type {StreamRuns} from './stream-runs.js';

export type ControlsOptions = {
  readonly streams: readonly StreamController[];
  readonly store: StreamStore;
  readonly runs: StreamRuns;
  /** Where `e` writes exports. */
  readonly exportDir: string;
  readonly quit: () => void;
  readonly interrupt: () => void;
  /** Ctrl-Z (default: nothing). */
  readonly suspend?: () => void;
  /** How long a follow-up waits for the run it stopped to end (default 5000 ms). */
  readonly stopWaitMs?: number;
  /** Dify's stop endpoint (tests replace it). */
  readonly stopTask?: typeof stopDifyTask;
  /** Dify's human input form endpoint (tests replace it). */
  readonly submitForm?: typeof submitHumanInput;
  /** Puts text on the clipboard (the dashboard writes OSC 52 to its terminal). */
  readonly clipboard?: (text: string) => boolean;
  /** The o / O keys (absent: recording is not offered). */
  readonly recording?: DashboardRecording;
  /** True for streams whose text must not go to the clipboard (--no-osc52, profile osc52: false). */
  readonly clipboardOff?: (name: string) => boolean;
};

export const FOLLOW_UP_STOP_WAIT_MS = 5000;
const statusesWithTask = new Set(['waiting', 'streaming', 'paused']);

/** The keys' effects on the streams: reconnect, start/stop, export, Dify follow-ups and stop. */
export function createDashboardControls(options: ControlsOptions): DashboardControls {
  const {streams, store, runs} = options;
  const stopTask = options.stopTask ?? stopDifyTask;
  const byName = (name: string) => streams.find((stream) => stream.name === name);
  const reconnect = (stream: StreamController) => {
    // A stopped stream starts a new run that quitting must wait for.
    if (stream.running) stream.reconnect();
    else runs.start(stream);
  };
  const failure = (message: string): ControlResult => ({ok: false, message});
  /** The request each stream sent last, when a follow-up changed it (a reload replaces the controller). */
  const sent = new WeakMap<StreamController, StreamSpec>();

  return {
    reconnect(name) {
      const stream = byName(name);
      if (stream) reconnect(stream);
    },
    reconnectAll() {
      for (const stream of streams) reconnect(stream);
    },
    toggleRun(name) {
      const stream = byName(name);
      if (!stream) return undefined;
      if (stream.running) {
        stream.stop();
        return 'stopped';
      }
      runs.start(stream);
      return 'started';
    },
    ...(options.recording
      ? {
          toggleRecording: (names: readonly string[] | undefined) =>
            (options.recording as DashboardRecording).toggle(names),
          recordingStatus: () => options.recording?.status(),
        }
      : {}),
    exportEvents(name, include) {
      const path = join(options.exportDir, defaultExportFileName(name, new Date()));
      return store.exportEvents(name, path, include);
    },
    async askFollowUp(name, query, fresh = false) {
      const stream = byName(name);
      const preset = store.getAnswerSnapshot(name)?.preset ?? 'none';
      if (!stream || preset === 'none') return failure(`${name} has no answer preset`);
      const last = sent.get(stream) ?? stream.resolved.spec;
      const api = chatApiOf(last, preset);
      if (api === undefined) {
        return failure(`${name} runs a Dify workflow: follow-up questions need /chat-messages`);
      }
      if (stream.running) {
        // One run at a time per pane: the one still going ends first, on Dify's
        // side too, so the abandoned answer does not keep running and costing.
        const current = store.getAnswerSnapshot(name)?.current;
        const taskId = current?.ids.taskId;
        if (api === 'dify' && taskId !== undefined && !current?.ended) {
          await stopTask(stream.resolved.spec, taskId);
        }
        stream.stop();
        const ended = await runs.ended(stream, options.stopWaitMs ?? FOLLOW_UP_STOP_WAIT_MS);
        if (!ended) return failure(`${name}: the running request did not stop; not sent`);
      }
      const conversation = {
        answer: store.getAnswerSnapshot(name)?.current.text ?? '',
        conversationId: store.latestConversationId(name),
        responseId: store.latestResponseId(name),
      };
      const next = nextChatRequest(last, api, conversation, query, fresh);
      if (!next.ok) return failure(`${name}: ${next.message}; not sent`);
      store.setAnswerQuery(name, query, fresh);
      sent.set(stream, next.spec);
      runs.start(stream, next.spec);
      const continued = api === 'dify' ? conversation.conversationId !== undefined : true;
      const where = !fresh && continued ? 'in the same conversation' : 'in a new conversation';
      return {ok: true, message: `asked ${name} ${where}`};
    },
    async stopAnswer(name) {
      const stream = byName(name);
      const snapshot = store.getAnswerSnapshot(name);
      const current = snapshot?.current;
      if (!stream || !current) return failure(`${name} has no answer preset`);
      if (!stream.running || current.ended || !statusesWithTask.has(current.status)) {
        return failure(`${name}: no running answer to stop`);
      }
      if (snapshot.preset !== 'dify') {
        // OpenAI and Anthropic stop generating when the client goes away.
        stream.stop();
        return {ok: true, message: `${name}: stopped; the partial answer is kept`};
      }
      const taskId = current.ids.taskId;
      if (taskId === undefined) return failure(`${name}: no task id yet; try again in a moment`);
      const requestedAt = Date.now();
      const result = await stopTask(stream.resolved.spec, taskId);
      // The run view then counts what still arrives (Dify answers 200 even when the run goes on).
      if (result.ok) store.markStopRequested(name, requestedAt);
      const redact = createRedactor(secretsOfSpec(stream.resolved.spec));
      return {ok: result.ok, message: redact(`${name}: ${result.message}`)};
    },
    async submitForm(name, submission) {
      const stream = byName(name);
      if (!stream) return failure(`${name}: no such stream`);
      const result = await (options.submitForm ?? submitHumanInput)(
        stream.resolved.spec,
        submission,
      );
      // The server's answer to a refused form may echo the request: its secrets stay hidden.
      const redact = createRedactor(secretsOfSpec(stream.resolved.spec));
      if (!result.ok) return {ok: false, message: redact(`${name}: ${result.message}`)};
      const attached = stream.reattach?.() ?? false;
      if (attached) {
        store.setReattachOutcome(name, {kind: 'attempting', at: Date.now()});
        // A run the re-attach started anew: quitting waits for it and reports it.
        runs.start(stream);
      }
      return {
        ok: true,
        message: attached
          ? `${name}: ${result.message}; re-attaching to the run`
          : `${name}: ${result.message}; no run to re-attach to`,
      };
    },
    reattach(name) {
      const stream = byName(name);
      if (!stream?.reattach) return failure(`${name}: cannot re-attach (not a Dify stream)`);
      // workflow_finished was the run's last word: a re-attach would only start it over.
      if (store.getRunSnapshot(name)?.current.terminalEvents.includes('workflow_finished')) {
        return failure(`${name}: run already finished; nothing to re-attach`);
      }
      if (!stream.reattach()) return failure(`${name}: no Dify workflow_run_id to re-attach to`);
      store.setReattachOutcome(name, {kind: 'attempting', at: Date.now()});
      runs.start(stream);
      return {ok: true, message: `${name}: re-attaching (GET /workflow/{id}/events)`};
    },
    requestOf(name, lastEventId) {
      const stream = byName(name);
      return stream
        ? requestView(sent.get(stream) ?? stream.resolved.spec, lastEventId)
        : undefined;
    },
    async writeTranscript(name) {
      const stream = byName(name);
      const snapshot = store.getAnswerSnapshot(name);
      if (!stream || !snapshot) throw new Error(`${name} has no answer preset`);
      const writtenAt = new Date();
      const spec = sent.get(stream) ?? stream.resolved.spec;
      const view = requestView(spec, '');
      const redact = createRedactor(secretsOfSpec(spec));
      const text = transcriptMarkdown(
        snapshot,
        {stream: name, request: `${view.method} ${view.url}`, writtenAt},
        redact,
      );
      const path = join(
        options.exportDir,
        transcriptFileName(defaultExportFileName(name, writtenAt)),
      );
      await writeFile(path, text, {encoding: 'utf8', mode: 0o600});
      return path;
    },
    bodyRequestCount: () =>
      streams.filter((stream) => (sent.get(stream) ?? stream.resolved.spec).method !== 'GET')
        .length,
    copyToClipboard: (text) => options.clipboard?.(text) ?? false,
    clipboardOff: (name) => options.clipboardOff?.(name) ?? false,
    copyStreamText(name, text) {
      if (options.clipboardOff?.(name) === true) return 'off';
      const stream = byName(name);
      const redact = createRedactor(stream ? secretsOfSpec(stream.resolved.spec) : []);
      const copied = options.clipboard?.(sanitize(redact(text), {keepNewlines: true})) ?? false;
      return copied ? 'copied' : 'too-long';
    },
    quit: options.quit,
    interrupt: options.interrupt,
    suspend: options.suspend ?? (() => undefined),
  };
}
