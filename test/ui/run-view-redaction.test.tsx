import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {cleanup} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createStreamStore} from '../../source/core/store/stream-store.js';
import {createDashboardControls} from '../../source/ui/dashboard-controls.js';
import {createStreamRuns} from '../../source/ui/stream-runs.js';
import {readRunFixture} from '../core/dify-run/run-records.js';
import {makeStream} from '../helpers/streams.js';
import {KEYS, renderApp} from './helpers.js';

/**
 * The run view draws raw server text (node outputs, forms): a server that
 * echoes the stream's own bearer token must not put it on the screen.
 */
const TOKEN = 'app-s3cret-token-42';

/** The paused human-input fixture, with the token echoed in a node's outputs and in the form. */
function echoingFixture(): string {
  const text = new TextDecoder().decode(readRunFixture('human-input-paused.sse'));
  const withOutput = text.replace(
    '"outputs":{},"outputs_truncated":false,"status":"succeeded"',
    `"outputs":{"echo":"Authorization: Bearer ${TOKEN}"},"outputs_truncated":false,"status":"succeeded"`,
  );
  const withForm = withOutput.replace(
    '"form_content":"Please review the draft."',
    `"form_content":"Please review the draft signed with ${TOKEN}."`,
  );
  expect(withForm.split(TOKEN)).toHaveLength(3);
  return withForm;
}

let server: Server;
let url: string;
beforeAll(async () => {
  const body = echoingFixture();
  server = createServer((request, response) => {
    if (request.url?.includes('/form/human_input/')) {
      // A refusal that echoes the request's credentials.
      response.writeHead(400, {'content-type': 'application/json'});
      const auth = request.headers.authorization ?? '';
      response.end(JSON.stringify({code: 'invalid_param', message: `bad ${auth}`, status: 400}));
      return;
    }
    response.writeHead(200, {'content-type': 'text/event-stream'});
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat-messages`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => cleanup());

describe('the run view and the stream redactor', () => {
  it('shows a node output and a form carrying the bearer token as [redacted]', async () => {
    const {stream} = makeStream({
      url,
      method: 'POST',
      auth: {type: 'bearer', token: TOKEN},
      body: {query: 'hi', inputs: {}, response_mode: 'streaming', user: 'tester'},
    });
    const store = createStreamStore({streams: [{name: 'test', answer: 'dify'}]});
    store.attach([stream]);
    await stream.start();
    const app = await renderApp(store, {size: {columns: 120, rows: 40}});
    let frame = await app.press('f');
    expect(frame).toContain('Human input: Approval');
    expect(frame).toContain('Please review the draft signed with [redacted].');
    expect(frame).not.toContain(TOKEN);
    // Zoom, select the first node (Start) and open its details.
    await app.press(KEYS.enter);
    await app.press('g');
    frame = await app.press(KEYS.enter);
    expect(frame).toContain('Esc back');
    expect(frame).toContain('"echo": "Authorization: Bearer [redacted]"');
    expect(frame).not.toContain(TOKEN);

    // A refused form whose answer echoes the token: the footer message hides it too.
    const controls = createDashboardControls({
      streams: [stream],
      store,
      runs: createStreamRuns([stream]),
      exportDir: '/tmp',
      quit: () => undefined,
      interrupt: () => undefined,
    });
    const result = await controls.submitForm('test', {
      formToken: 'form-1',
      inputs: {comment: 'x'},
      action: 'approve',
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('[redacted]');
    expect(result.message).not.toContain(TOKEN);
  });
});
