import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {SseStream} from '../../source/core/sse-stream.js';
import {
  parseStreamSpec,
  resolveStreamSpec,
  type StreamSpecInput,
} from '../../source/core/stream-spec.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {controlsFor} from '../helpers/controls.js';

/**
 * Follow-ups (`i`) and new conversations (`n`) for every chat API, against
 * the demo server: its models reject malformed bodies and name the earlier
 * questions and answer they received, so the answers show what was sent.
 */

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({timeScale: 0.01});
});
afterAll(async () => {
  await server.close();
});

function setup(input: Omit<StreamSpecInput, 'name'>) {
  const spec = parseStreamSpec({name: 'chat', method: 'POST', ...input});
  const stream = new SseStream(resolveStreamSpec(spec), {reconnectFloorMs: 0});
  const store = createStreamStore({notifyIntervalMs: 5});
  const {runs, controls} = controlsFor([stream], store);
  const answer = () => store.getAnswerSnapshot('chat');
  /** Waits for the stream's current run to end, then returns its answer. */
  const settled = async () => {
    await runs.summaries(10_000);
    store.flush();
    const current = answer()?.current;
    if (!current) throw new Error('no answer');
    return current;
  };
  const ask = async (query: string, fresh = false) => {
    const result = await controls.askFollowUp('chat', query, fresh);
    expect(result.ok, result.message).toBe(true);
    return settled();
  };
  runs.start(stream);
  return {stream, store, controls, answer, settled, ask, runs};
}

const openAiAuth = {type: 'bearer', token: 'sk-ssedeck-demo'} as const;

describe('follow-ups and new conversations', () => {
  it('OpenAI chat: re-sends the transcript with the system prompt; n keeps only the system prompt', async () => {
    const chat = setup({
      url: `${server.url}/v1/chat/completions`,
      auth: openAiAuth,
      body: {
        model: 'demo',
        stream: true,
        messages: [
          {role: 'system', content: 'Be brief.'},
          {role: 'user', content: 'What is SSE?'},
        ],
      },
    });
    const first = await chat.settled();
    expect(first.status).toBe('done');
    expect(first.text).toContain('You asked: "What is SSE?"');

    const second = await chat.ask('And reconnects?');
    expect(second.status).toBe('done');
    const firstChars = Array.from(first.text).length;
    expect(second.text).toContain(
      `This is turn 2 of our conversation, so I still remember what came before. Before this you asked "What is SSE?", and I have my last answer (${firstChars} characters).`,
    );
    expect(second.query).toBe('And reconnects?');

    const third = await chat.ask('Last one', false);
    expect(third.text).toContain('This is turn 3');
    expect(third.text).toContain('Before this you asked "What is SSE?", "And reconnects?"');

    const fresh = await chat.ask('New topic', true);
    expect(fresh.text).toContain('You asked: "New topic". Here is a streamed reply');
    expect(fresh.newConversation).toBe(true);
    // C (copy as curl) shows the request sent last: the system prompt and the new question only.
    const curl = chat.controls.requestOf?.('chat', '')?.curl ?? '';
    expect(curl).toContain('Be brief.');
    expect(curl).toContain('New topic');
    expect(curl).not.toContain('What is SSE?');
    const history = chat.answer()?.history ?? [];
    expect(history.map((run) => run.query)).toEqual([
      'What is SSE?',
      'And reconnects?',
      'Last one',
    ]);
    // After n the conversation starts over from the new question.
    const after = await chat.ask('Continue');
    expect(after.text).toContain('Before this you asked "New topic"');
    expect(after.text).not.toContain('What is SSE?');
  }, 30_000);

  it('Anthropic messages: user/assistant turns, the top-level system prompt kept', async () => {
    const chat = setup({
      url: `${server.url}/v1/messages`,
      headers: {'x-api-key': 'sk-ant-ssedeck-demo', 'anthropic-version': '2023-06-01'},
      body: {
        model: 'claude-demo',
        max_tokens: 256,
        stream: true,
        system: 'Be brief.',
        messages: [{role: 'user', content: 'Hello there'}],
      },
    });
    const first = await chat.settled();
    expect(first.status).toBe('done');
    expect(first.ids.messageId).toMatch(/^msg_/);
    const second = await chat.ask('Tell me more');
    expect(second.status).toBe('done');
    expect(second.text).toContain(
      `Before this you asked "Hello there", and I have my last answer (${Array.from(first.text).length} characters).`,
    );
    const fresh = await chat.ask('Fresh start', true);
    expect(fresh.status).toBe('done');
    expect(fresh.text).toContain('You asked: "Fresh start". Here is a streamed reply');
  }, 30_000);

  it('OpenAI Responses: previous_response_id continues, n drops it', async () => {
    const chat = setup({
      url: `${server.url}/v1/responses`,
      auth: openAiAuth,
      body: {model: 'demo', stream: true, instructions: 'Be brief.', input: 'First question'},
    });
    const first = await chat.settled();
    expect(first.status).toBe('done');
    expect(first.ids.responseId).toMatch(/^resp_/);
    const second = await chat.ask('Second question');
    expect(second.status).toBe('done');
    expect(second.text).toContain('This is turn 2');
    expect(second.text).toContain('Before this you asked "First question"');
    const fresh = await chat.ask('Unrelated', true);
    expect(fresh.text).toContain('You asked: "Unrelated". Here is a streamed reply');
  }, 30_000);

  it('Dify: the same conversation_id, then n sends none', async () => {
    const chat = setup({
      url: `${server.url}/v1/chat-messages`,
      auth: {type: 'bearer', token: 'app-ssedeck-demo'},
      body: {query: 'Hi Dify', inputs: {}, response_mode: 'streaming', user: 'tester'},
    });
    const first = await chat.settled();
    expect(first.status).toBe('done');
    const conversation = first.ids.conversationId;
    expect(conversation).toBeDefined();
    const second = await chat.ask('Again');
    expect(second.ids.conversationId).toBe(conversation);
    expect(second.text).toContain('This is turn 2');
    const fresh = await chat.ask('Brand new', true);
    expect(fresh.ids.conversationId).toBeDefined();
    expect(fresh.ids.conversationId).not.toBe(conversation);
    expect(fresh.text).toContain('Here is a streamed reply');
    const next = await chat.ask('And on');
    expect(next.ids.conversationId).toBe(fresh.ids.conversationId);
    expect(next.text).toContain('This is turn 2');
  }, 30_000);
});
