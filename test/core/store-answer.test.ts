import {describe, expect, it, vi} from 'vitest';
import type {RecordListener, SummaryRecord} from '../../source/core/records.js';
import {requestQuery} from '../../source/core/store/stream-answer.js';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import type {StreamController} from '../../source/core/stream-controller.js';
import {
  parseStreamSpec,
  resolveStreamSpec,
  type StreamSpecInput,
} from '../../source/core/stream-spec.js';
import {CONVERSATION, dify, difyRun, feed} from '../ui/answer-fixtures.js';
import {records, T0} from '../ui/fixtures.js';

function controllerFor(input: StreamSpecInput): StreamController {
  const listeners = new Set<RecordListener>();
  return {
    name: input.name,
    resolved: resolveStreamSpec(parseStreamSpec(input)),
    running: false,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => Promise.resolve(records.summary(input.name, 'completed', 'done') as SummaryRecord),
    stop: () => undefined,
    reconnect: () => undefined,
  };
}

const manual = {notifyIntervalMs: 10_000, now: () => T0};

describe('store answers', () => {
  it('folds every record of a stream with a preset and publishes on flush', () => {
    const store = createStreamStore({streams: [{name: 'chat', answer: 'dify'}], ...manual});
    const before = store.getAnswerSnapshot('chat');
    expect(before?.preset).toBe('dify');
    expect(before?.current.status).toBe('waiting');
    feed(store, difyRun('chat', ['Hello ', '世界']));
    // Nothing visible before the coalesced notification.
    expect(store.getAnswerSnapshot('chat')).toBe(before);
    store.flush();
    const after = store.getAnswerSnapshot('chat');
    expect(after?.current.text).toBe('Hello 世界');
    expect(after?.current.status).toBe('done');
    expect(after?.current.ids.conversationId).toBe(CONVERSATION);
  });

  it('keeps the same answer snapshot when nothing visible changed', () => {
    const store = createStreamStore({streams: [{name: 'chat', answer: 'dify'}], ...manual});
    feed(store, [records.connecting('chat'), records.open('chat'), dify.message('chat', 1, 'Hi')]);
    store.flush();
    const first = store.getAnswerSnapshot('chat');
    const events = store.getSnapshot('chat');
    store.ingest({
      stream: 'chat',
      timestamp: T0 + 500,
      bytesReceived: 0,
      type: 'keepalive',
      kind: 'ping',
    });
    store.ingest(records.event('chat', 2, JSON.stringify({event: 'ping'})));
    store.flush();
    expect(store.getSnapshot('chat')).not.toBe(events);
    expect(store.getAnswerSnapshot('chat')).toBe(first);
  });

  it('coalesces answer changes into one notification and notifies a query change', () => {
    vi.useFakeTimers();
    try {
      const store = createStreamStore({streams: [{name: 'chat', answer: 'dify'}], now: () => T0});
      const listener = vi.fn();
      store.subscribe(listener);
      feed(store, [records.connecting('chat'), records.open('chat')]);
      for (let n = 1; n <= 200; n++) store.ingest(dify.message('chat', n, 'x'));
      vi.advanceTimersByTime(100);
      expect(listener).toHaveBeenCalledTimes(1);
      expect(store.getAnswerSnapshot('chat')?.current.text).toHaveLength(200);
      store.setAnswerQuery('chat', 'next?');
      vi.advanceTimersByTime(100);
      // The current run started: the query is for the next one, nothing visible yet.
      expect(listener).toHaveBeenCalledTimes(1);
      feed(store, difyRun('chat', ['second'], {first: 300, at: T0 + 29_000}));
      vi.advanceTimersByTime(100);
      expect(listener).toHaveBeenCalledTimes(2);
      const snapshot = store.getAnswerSnapshot('chat');
      expect(snapshot?.current.query).toBe('next?');
      expect(snapshot?.history).toHaveLength(1);
      store.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('has no answer for streams without a preset', () => {
    const store = createStreamStore({streams: [{name: 'ticker', answer: 'none'}, {name: 'x'}]});
    store.ingest(dify.message('ticker', 1, 'Hi'));
    store.flush();
    expect(store.getAnswerSnapshot('ticker')).toBeUndefined();
    expect(store.getAnswerSnapshot('x')).toBeUndefined();
    expect(store.getAnswerSnapshot('unknown')).toBeUndefined();
    expect(store.latestConversationId('ticker')).toBeUndefined();
  });

  it('guesses the preset from the URL on attach and takes the first question from the request', () => {
    const store = createStreamStore(manual);
    store.attach([
      controllerFor({
        name: 'chat',
        url: 'http://127.0.0.1/v1/chat-messages',
        method: 'POST',
        body: {query: 'What is SSE?', inputs: {}, user: 'me'},
      }),
      controllerFor({
        name: 'gpt',
        url: 'http://127.0.0.1/v1/chat/completions',
        method: 'POST',
        body: {
          messages: [
            {role: 'system', content: 'Be brief.'},
            {role: 'user', content: 'Why?'},
          ],
        },
      }),
      controllerFor({name: 'ticker', url: 'http://127.0.0.1/ticker'}),
    ]);
    store.flush();
    expect(store.getAnswerSnapshot('chat')?.preset).toBe('dify');
    expect(store.getAnswerSnapshot('chat')?.current.query).toBe('What is SSE?');
    expect(store.getAnswerSnapshot('gpt')?.preset).toBe('openai');
    expect(store.getAnswerSnapshot('gpt')?.current.query).toBe('Why?');
    expect(store.getAnswerSnapshot('ticker')).toBeUndefined();
  });

  it('a configured preset wins over the URL', () => {
    const store = createStreamStore({
      streams: [
        {name: 'plain', answer: 'none'},
        {name: 'proxy', answer: 'dify'},
      ],
      ...manual,
    });
    store.attach([
      controllerFor({name: 'plain', url: 'http://127.0.0.1/v1/chat-messages'}),
      controllerFor({
        name: 'proxy',
        url: 'http://127.0.0.1/api/stream',
        method: 'POST',
        body: '{"query":"via a proxy"}',
      }),
    ]);
    store.flush();
    expect(store.getAnswerSnapshot('plain')).toBeUndefined();
    expect(store.getAnswerSnapshot('proxy')?.current.query).toBe('via a proxy');
  });

  it('tells the conversation a follow-up continues', () => {
    const store = createStreamStore({streams: [{name: 'chat', answer: 'dify'}], ...manual});
    expect(store.latestConversationId('chat')).toBeUndefined();
    feed(store, difyRun('chat', ['Hi']));
    expect(store.latestConversationId('chat')).toBe(CONVERSATION);
  });

  it('reads the question of Dify and chat requests', () => {
    const spec = (body: StreamSpecInput['body']) =>
      parseStreamSpec({name: 's', url: 'http://127.0.0.1/', method: 'POST', body});
    expect(requestQuery(spec({query: 'q'}), 'dify')).toBe('q');
    expect(requestQuery(spec({query: '  '}), 'dify')).toBeUndefined();
    expect(requestQuery(spec('not json'), 'dify')).toBeUndefined();
    expect(requestQuery(spec([1, 2]), 'dify')).toBeUndefined();
    expect(
      requestQuery(spec({messages: [{role: 'user', content: [{type: 'text'}]}]}), 'openai'),
    ).toBeUndefined();
    expect(
      requestQuery(
        spec({
          messages: [
            {role: 'user', content: 'a'},
            {role: 'assistant', content: 'b'},
          ],
        }),
        'anthropic',
      ),
    ).toBe('a');
  });
});

describe('store answers: pause and clear', () => {
  it('a paused pane keeps its answer until resumed', () => {
    const store = createStreamStore({streams: [{name: 'chat', answer: 'dify'}], ...manual});
    feed(store, [
      records.connecting('chat'),
      records.open('chat'),
      dify.message('chat', 1, 'Hello '),
    ]);
    store.flush();
    store.setPaused('chat', true);
    feed(store, [dify.message('chat', 2, 'world')]);
    store.flush();
    expect(store.getAnswerSnapshot('chat')?.current.text).toBe('Hello ');
    store.setPaused('chat', false);
    store.flush();
    expect(store.getAnswerSnapshot('chat')?.current.text).toBe('Hello world');
  });

  it('c clears the earlier turns and keeps the current one', () => {
    const store = createStreamStore({streams: [{name: 'chat', answer: 'dify'}], ...manual});
    feed(store, difyRun('chat', ['first']));
    feed(store, difyRun('chat', ['second']));
    store.flush();
    expect(store.getAnswerSnapshot('chat')?.history.map((run) => run.text)).toEqual(['first']);
    store.clear('chat');
    store.flush();
    const after = store.getAnswerSnapshot('chat');
    expect(after?.history).toEqual([]);
    expect(after?.current.text).toBe('second');
    expect(store.latestConversationId('chat')).toBe(CONVERSATION);
  });
});
