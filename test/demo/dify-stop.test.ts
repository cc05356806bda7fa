import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {
  DIFY_KEY,
  eventOutline,
  joinAnswer,
  postChat,
  streamBody,
  type DifyEvent,
} from './dify-client.js';
import {jsonEvents, readSse} from './sse-reader.js';

describe('POST /v1/chat-messages/:task_id/stop', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({timeScale: 0.05});
  });
  afterAll(async () => {
    await server.close();
  });

  const stop = (taskId: string, user: string, key = DIFY_KEY) =>
    fetch(`${server.url}/v1/chat-messages/${taskId}/stop`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${key}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({user}),
    });

  it('needs the app key and answers success even for unknown tasks', async () => {
    const denied = await stop('whatever', 'tester', 'app-wrong');
    expect(denied.status).toBe(401);
    const unknown = await stop('5e5e5e5e-0000-4000-8000-000000000000', 'tester');
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({result: 'success'});
  });

  it('stops a running stream: workflow_finished(stopped) then message_end', async () => {
    const response = await postChat(server.url, streamBody('a long story please'));
    let messagesAtStop = 0;
    const stops: Promise<Response>[] = [];
    const read = await readSse(response, {
      onBlock: async (block, blocks) => {
        if (block.data === undefined) return;
        const event = JSON.parse(block.data) as DifyEvent;
        if (event.event !== 'message') return;
        const messages = blocks.filter((b) => b.data?.includes('"event":"message"')).length;
        if (messages === 2) {
          const ignored = await stop(String(event.task_id), 'someone-else');
          expect(await ignored.json()).toEqual({result: 'success'});
        }
        if (messages === 6) {
          messagesAtStop = messages;
          stops.push(stop(String(event.task_id), 'tester'));
        }
      },
    });
    const stopResponse = await stops[0];
    expect(stopResponse?.status).toBe(200);
    const events = jsonEvents(read) as DifyEvent[];
    expect(eventOutline(events).slice(-3)).toEqual([
      'message*',
      'workflow_finished',
      'message_end',
    ]);
    expect(events.at(-2)?.data).toMatchObject({status: 'stopped'});
    const messages = events.filter((event) => event.event === 'message');
    expect(messagesAtStop).toBe(6); // the stop with the wrong user changed nothing
    expect(messages.length).toBeGreaterThanOrEqual(messagesAtStop);
    expect(messages.length).toBeLessThan(messagesAtStop + 60);
    expect(joinAnswer(events)).not.toContain('谢谢');
    expect(events.at(-1)?.metadata).toMatchObject({usage: {currency: 'USD'}});
  });
});
