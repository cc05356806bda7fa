import {afterEach, describe, expect, it} from 'vitest';
import {ndjson, runCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that starts its ids from 1 on every connection, whatever Last-Event-ID says. */
async function forgetfulServer(): Promise<TestServer> {
  return startTestServer((_request, response) => {
    sseHead(response);
    response.end('retry: 10\nid: 1\ndata: a\n\nid: 2\ndata: b\n\n');
  });
}

describe('headless diagnostics', () => {
  it('the summary carries diagnostics (snake_case) and -v prints findings on stderr once', async () => {
    server = await forgetfulServer();
    const {code, stdout, stderr} = await runCli([
      '--json',
      '-v',
      '--max-events',
      '6',
      `${server.url}/feed`,
    ]);
    expect(code).toBe(0);
    const summary = ndjson(stdout).find((record) => record.type === 'summary');
    const diagnostics = summary?.['diagnostics'] as Record<string, unknown>;
    expect(diagnostics).toMatchObject({
      http_version: null,
      attempts: 3,
      ids: {restarts: 2, last_restart: {sent: '2', got: '1'}},
      findings: [
        {
          name: 'server ignores Last-Event-ID',
          evidence: 'sent Last-Event-ID: 2, the next id was 1 (2 reconnects)',
        },
      ],
    });
    const history = diagnostics['reconnect_history'] as Array<Record<string, unknown>>;
    expect(history.map((entry) => entry['last_event_id_sent'])).toEqual(['', '2', '2']);
    expect(history[0]).toMatchObject({
      attempt: 1,
      http_status: 200,
      events: 2,
      end: 'stream ended',
      delay_source: 'retry',
      clamped: true,
    });
    // No diagnostics record on stdout: only the summary carries them.
    expect(ndjson(stdout).every((record) => record.type !== 'diagnostics')).toBe(true);
    const findingLines = stderr.split('\n').filter((line) => line.startsWith('! '));
    expect(findingLines).toEqual([
      expect.stringMatching(
        /^! 127\.0\.0\.1:\d+\/feed: server ignores Last-Event-ID: sent Last-Event-ID: 2, the next id was 1 \(fix: /,
      ),
    ]);
  });

  it('without -v nothing is printed on stderr', async () => {
    server = await forgetfulServer();
    const {stderr} = await runCli(['--json', '--max-events', '6', `${server.url}/feed`]);
    expect(stderr).toBe('');
  });
});
