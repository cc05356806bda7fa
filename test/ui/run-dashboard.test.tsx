import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import type {RecordListener, StreamRecord, SummaryRecord} from '../../source/core/records.js';
import type {StreamController} from '../../source/core/stream-controller.js';
import {parseStreamSpec, resolveStreamSpec} from '../../source/core/stream-spec.js';
import {runDashboard, type RunDashboardOptions} from '../../source/ui/run-dashboard.js';
import {dify} from './answer-fixtures.js';
import {
  DISABLE_PASTE,
  ENABLE_PASTE,
  ENTER_ALT_SCREEN,
  HIDE_CURSOR,
  LEAVE_SEQUENCE,
} from '../../source/ui/terminal-session.js';
import {records} from './fixtures.js';

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  output = '';
  write = (chunk: string, callback?: () => void): boolean => {
    this.output += chunk;
    callback?.();
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  isRaw = false;
  rawModes: boolean[] = [];
  #queue: string[] = [];
  setRawMode(mode: boolean) {
    this.isRaw = mode;
    this.rawModes.push(mode);
    return this;
  }
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read(): string | null {
    return this.#queue.shift() ?? null;
  }
  type(text: string) {
    this.#queue.push(text);
    this.emit('readable');
  }
}

type Fake = Omit<StreamController, 'running'> & {
  running: boolean;
  stops: number;
  emit(record: StreamRecord): void;
};

function fakeStream(
  name: string,
  options: {hangOnStop?: boolean; throwOnStart?: boolean} = {},
): Fake {
  const listeners = new Set<RecordListener>();
  let finish: ((summary: SummaryRecord) => void) | undefined;
  const stream: Fake = {
    name,
    resolved: resolveStreamSpec(parseStreamSpec({name, url: 'http://127.0.0.1:9/x'})),
    running: false,
    stops: 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (options.throwOnStart) throw new Error(`cannot start ${name}`);
      stream.running = true;
      for (const record of [records.connecting(name), records.open(name)])
        listeners.forEach((listener) => listener(record));
      return new Promise<SummaryRecord>((resolve) => (finish = resolve));
    },
    stop() {
      stream.stops++;
      if (options.hangOnStop) return;
      stream.running = false;
      const summary = records.summary(name, 'stopped', 'stopped');
      listeners.forEach((listener) => listener(summary));
      finish?.(summary);
    },
    reconnect() {},
    emit: (record) => listeners.forEach((listener) => listener(record)),
  };
  return stream;
}

const waitUntil = async (predicate: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

function setup(
  streams: readonly (StreamController | Fake)[],
  shutdownTimeoutMs = 2000,
  streamOptions?: RunDashboardOptions['streamOptions'],
) {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const signals = new EventEmitter();
  const result = runDashboard({
    streams,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    signals,
    env: {},
    shutdownTimeoutMs,
    streamOptions,
  });
  return {stdout, stdin, signals, result};
}

describe('runDashboard', () => {
  it('enters the alternate screen, quits on q with every summary, and restores the terminal', async () => {
    const streams = [fakeStream('one'), fakeStream('two')];
    const {stdout, stdin, result} = setup(streams);
    expect(stdout.output.startsWith(ENTER_ALT_SCREEN)).toBe(true);
    expect(stdout.output).toContain(HIDE_CURSOR);
    // Bracketed paste on from the start, off again with the alternate screen.
    expect(stdout.output.slice(0, 40)).toContain(ENABLE_PASTE);
    await waitUntil(() => stdout.output.includes(' OPEN ') && stdin.isRaw);
    stdin.type('q');
    const {exitCode, summaries} = await result;
    expect(exitCode).toBe(0);
    expect(summaries.map((summary) => [summary.stream, summary.status])).toEqual([
      ['one', 'stopped'],
      ['two', 'stopped'],
    ]);
    expect(streams.map((stream) => stream.stops)).toEqual([1, 1]);
    expect(stdout.output.endsWith(LEAVE_SEQUENCE)).toBe(true);
    expect(LEAVE_SEQUENCE.startsWith(DISABLE_PASTE)).toBe(true);
    expect(stdin.isRaw).toBe(false);
    expect(stdin.rawModes.at(-1)).toBe(false);
    // Nothing printed after leaving: the caller prints the summaries.
    expect(stdout.output).not.toContain('stopped (stopped)');
  });

  it('returns 143 on SIGTERM and 130 on SIGINT, restoring the terminal', async () => {
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      const {stdout, signals, result} = setup([fakeStream('one')]);
      await waitUntil(() => stdout.output.includes(' OPEN '));
      signals.emit(signal);
      const outcome = await result;
      expect(outcome.exitCode).toBe(code);
      expect(outcome.summaries).toHaveLength(1);
      expect(stdout.output.endsWith(LEAVE_SEQUENCE)).toBe(true);
      expect(signals.listenerCount(signal)).toBe(0);
    }
  });

  it('waits a bounded time for summaries of streams that do not stop', async () => {
    const {stdout, stdin, result} = setup(
      [fakeStream('ok'), fakeStream('stuck', {hangOnStop: true})],
      200,
    );
    await waitUntil(() => stdout.output.includes(' OPEN ') && stdin.isRaw);
    const started = Date.now();
    stdin.type('\u0003');
    const outcome = await result;
    expect(Date.now() - started).toBeLessThan(1500);
    expect(outcome.exitCode).toBe(130); // Ctrl-C is an interrupt
    expect(outcome.summaries.map((summary) => summary.stream)).toEqual(['ok']);
  });

  it('restores the terminal and reports the error when it crashes', async () => {
    const {stdout, stdin, result} = setup([fakeStream('bad', {throwOnStart: true})]);
    const outcome = await result;
    expect(outcome.exitCode).toBe(1);
    expect(String(outcome.error)).toContain('cannot start bad');
    expect(stdout.output.endsWith(LEAVE_SEQUENCE)).toBe(true);
    expect(stdin.isRaw).toBe(false);
  });

  it('takes per-stream options: answer preset, first view and buffer size', async () => {
    const [chat, other] = [fakeStream('chat'), fakeStream('other')];
    const {stdout, stdin, result} = setup([chat, other], 2000, {
      chat: {answer: 'dify', view: 'answer', bufferSize: 2},
      other: {view: 'answer'},
    });
    await waitUntil(() => stdout.output.includes(' OPEN ') && stdin.isRaw);
    chat.emit(dify.message('chat', 1, 'Joined '));
    chat.emit(dify.message('chat', 2, 'answer text.'));
    other.emit(records.event('other', 1, 'plain event'));
    await waitUntil(() => stdout.output.includes('Joined answer text.'));
    // "other" has no preset (its URL says nothing): it keeps showing events.
    await waitUntil(() => stdout.output.includes('message plain event'));
    expect(stdout.output).not.toContain('"answer":"Joined "');
    // Back to events, zoomed: chat's ring buffer holds 2 of its 3 entries.
    stdin.type('a');
    stdin.type('\r');
    await waitUntil(() => stdout.output.includes('[2/2] following'));
    stdin.type('q');
    expect((await result).exitCode).toBe(0);
  });
});
