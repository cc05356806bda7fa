import {afterEach, describe, expect, it} from 'vitest';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';
import {eventsOf, runStream, statesOf} from '../helpers/streams.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers every request with one event and ends. */
async function oneEventServer(): Promise<TestServer> {
  return startTestServer((_request, response) => {
    sseHead(response);
    response.end('data: hello\n\n');
  });
}

describe('requests', () => {
  it('sends the default SSE headers and lets user headers override them', async () => {
    server = await oneEventServer();
    await runStream({
      url: `${server.url}/a`,
      reconnect: 'never',
      headers: {'cache-control': 'max-age=0', 'X-Trace': 't1'},
    });
    const [request] = server.requests;
    expect(request?.headers.accept).toBe('text/event-stream');
    expect(request?.headers['accept-encoding']).toBe('identity');
    expect(request?.headers['cache-control']).toBe('max-age=0');
    expect(request?.headers['x-trace']).toBe('t1');
  });

  it('appends query parameters and keeps the ones already in the URL', async () => {
    server = await oneEventServer();
    await runStream({
      url: `${server.url}/q?keep=1&x=a`,
      query: {x: 'b', n: 2, flag: true},
      reconnect: 'never',
    });
    expect(server.requests[0]?.path).toBe('/q?keep=1&x=a&x=b&n=2&flag=true');
  });

  it('sends bearer auth', async () => {
    server = await oneEventServer();
    await runStream({
      url: server.url,
      auth: {type: 'bearer', token: 'app-secret-1'},
      reconnect: 'never',
    });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer app-secret-1');
  });

  it('sends an api_key in the configured header, Authorization by default', async () => {
    server = await oneEventServer();
    await runStream({
      url: server.url,
      auth: {type: 'api_key', token: 'k-1', header: 'X-API-Key'},
      reconnect: 'never',
    });
    await runStream({url: server.url, auth: {type: 'api_key', token: 'k-2'}, reconnect: 'never'});
    expect(server.requests[0]?.headers['x-api-key']).toBe('k-1');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[1]?.headers.authorization).toBe('k-2');
  });

  it('sends an object body as JSON with its content type, and a string body as is', async () => {
    server = await oneEventServer();
    await runStream({url: server.url, method: 'post', body: {query: '你好', inputs: {}}});
    await runStream({
      url: server.url,
      method: 'POST',
      body: 'a=1&b=2',
      headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    });
    const [json, form] = server.requests;
    expect(json?.method).toBe('POST');
    expect(json?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(json?.body ?? '')).toEqual({query: '你好', inputs: {}});
    expect(form?.body).toBe('a=1&b=2');
    expect(form?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('opens on text/event-stream with any parameters and any case', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response, 'Text/Event-Stream; Charset=UTF-8');
      response.end('data: ok\n\n');
    });
    const {records, summary} = await runStream({url: server.url, reconnect: 'never'});
    expect(statesOf(records)).toEqual(['connecting', 'open']);
    expect(eventsOf(records).map((event) => event.data)).toEqual(['ok']);
    expect(summary.status).toBe('completed');
  });

  it('reports events with numbers, types, data and the last event ID', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('id: 1\nevent: tick\ndata: a\n\ndata: b\ndata: c\n\n');
    });
    const {records, summary} = await runStream({url: server.url, reconnect: 'never'});
    expect(
      eventsOf(records).map(({eventNumber, eventType, data, eventId}) => ({
        eventNumber,
        eventType,
        data,
        eventId,
      })),
    ).toEqual([
      {eventNumber: 1, eventType: 'tick', data: 'a', eventId: '1'},
      {eventNumber: 2, eventType: 'message', data: 'b\nc', eventId: '1'},
    ]);
    expect(summary.totalEvents).toBe(2);
    expect(summary.eventsByType).toEqual({tick: 1, message: 1});
    expect(summary.lastEventId).toBe('1');
    expect(summary.bytesReceived).toBeGreaterThan(30);
  });
});
