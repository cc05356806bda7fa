import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {MAX_DURATION_S} from '../../source/core/stream-spec.js';
import {ndjson, runCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

/** Engine limits and secrets seen from the built CLI (run `npm run build` first). */

let server: TestServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, {recursive: true, force: true});
  dir = undefined;
});

describe('duration maximums', () => {
  for (const flag of ['--timeout', '--idle-timeout', '--max-duration']) {
    it(`${flag} 3000000 is a usage error naming the flag and the maximum`, async () => {
      const {code, stdout, stderr} = await runCli([flag, '3000000', 'http://127.0.0.1:2/']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `ssedeck: ${flag}: at most ${MAX_DURATION_S} seconds (24 days), got "3000000"\n`,
      );
    });
  }

  it('a profile duration above the maximum is a profile error naming the field', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssedeck-limits-'));
    const file = join(dir, 'big.yaml');
    await writeFile(
      file,
      'name: big\nstreams:\n  - name: a\n    url: http://127.0.0.1:2/x\n    idleTimeout: 3000000\n',
    );
    const {code, stderr} = await runCli(['-p', file, '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/streams\[0\]\.idleTimeout: .*2073600/);
    expect(stderr).not.toMatch(/at Object|\n\s+at /);
  });

  it('the maximum itself is accepted', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end('data: x\n\n');
    });
    const {code} = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--timeout',
      String(MAX_DURATION_S),
      server.url,
    ]);
    expect(code).toBe(0);
  });
});

describe('secrets in URLs stay out of every output', () => {
  it('user info, credential-like query values and their server echoes are redacted', async () => {
    server = await startTestServer((request, response) => {
      const echo = `url=${request.url} auth=${request.headers.authorization ?? ''}`;
      if (request.url?.startsWith('/denied')) {
        response.writeHead(401, {'Content-Type': 'application/json'});
        response.end(JSON.stringify({code: 'unauthorized', message: echo}));
        return;
      }
      sseHead(response);
      response.end(`data: ${echo}\n\ndata: ${decodeURIComponent(request.url ?? '')}\n\n`);
    });
    const port = new URL(server.url).port;
    const base = `http://user:SECRETPASS@127.0.0.1:${port}`;
    const basic = Buffer.from('user:SECRETPASS').toString('base64');
    const {code, stdout, stderr} = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--query',
      'access_token=QTOKEN999',
      `${base}/ok?api_key=SECRET123&n=7&sig=SIG%2FVAL77`,
      `${base}/denied?apikey=SECRET123&n=8`,
    ]);
    expect(code).toBe(1);
    const output = stdout + stderr;
    for (const secret of [
      'SECRETPASS',
      'SECRET123',
      'QTOKEN999',
      'SIG/VAL77',
      'SIG%2FVAL77',
      basic,
    ]) {
      expect(output).not.toContain(secret);
    }
    const records = ndjson(stdout);
    const events = records.filter((record) => record.type === 'event');
    expect(events[0]?.data).toBe(
      'url=/ok?api_key=[redacted]&n=7&sig=[redacted]&access_token=[redacted] auth=Basic [redacted]',
    );
    const failed = records.find((record) => record.type === 'error');
    expect(failed).toMatchObject({status: 'failed', http_status: 401});
    expect(String(failed?.error)).toContain('apikey=[redacted]&n=8');
    expect(String(failed?.error)).toContain('auth=Basic [redacted]');
  });
});
