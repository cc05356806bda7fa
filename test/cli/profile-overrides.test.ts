import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

// Request flags given without a URL merge into the -p streams (curl/xh-like),
// and the server sees exactly the merged request.

let server: TestServer;
let dir: string;
let profile: string;

beforeAll(async () => {
  // Echoes what it received, so the test also sees what ssedeck prints of it.
  server = await startTestServer((_request, response, recorded) => {
    sseHead(response);
    response.end(`data: ${JSON.stringify({headers: recorded.headers, path: recorded.path})}\n\n`);
  });
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-overrides-'));
  profile = join(dir, 'app.yaml');
  await writeFile(
    profile,
    [
      'name: app',
      'streams:',
      '  - name: post',
      '    method: POST',
      `    url: ${server.url}/v1/things?lang=en&keep=1`,
      '    headers: {X-Team: old, x-trace: t1}',
      '    query: {page: 1}',
      '    auth: {type: bearer, token: "${POST_TOKEN}"}',
      '    body: {question: from profile}',
      '  - name: feed',
      `    url: ${server.url}/feed`,
      '    auth: {type: api_key, header: X-Api-Key, token: "${FEED_TOKEN}"}',
      '    headers: {content-type: text/plain}',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await server.close();
  await rm(dir, {recursive: true, force: true});
});
beforeEach(() => {
  server.requests.length = 0;
});

const env = {POST_TOKEN: 'profile-token-1234', FEED_TOKEN: 'feed-key-5678'};
const run = (...args: string[]) =>
  runCli(['--json', '--max-events', '1', '-p', profile, ...args], {env});
const request = (path: string) => {
  const found = server.requests.find((seen) => seen.path.startsWith(path));
  if (!found) throw new Error(`no request to ${path}: ${server.requests.map((r) => r.path)}`);
  return found;
};

describe('request flags on profile streams (no URL given)', () => {
  it('-H adds headers and replaces one of the same name in any case', async () => {
    const {code, stderr} = await run('-H', 'x-team: new', '-H', 'X-Extra: 1', '--stream', 'post');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const {headers} = request('/v1/things');
    expect(headers['x-team']).toBe('new');
    expect(headers['x-extra']).toBe('1');
    expect(headers['x-trace']).toBe('t1');
    expect(headers.authorization).toBe('Bearer profile-token-1234');
  });

  it('--bearer replaces the profile auth of every picked stream and is redacted', async () => {
    const {code, stdout} = await run('--bearer', 'flag-token-abcd');
    expect(code).toBe(0);
    expect(request('/v1/things').headers.authorization).toBe('Bearer flag-token-abcd');
    const feed = request('/feed').headers;
    expect(feed.authorization).toBe('Bearer flag-token-abcd');
    expect(feed['x-api-key']).toBeUndefined();
    expect(stdout).toContain('Bearer [redacted]');
    expect(stdout).not.toContain('flag-token-abcd');
  });

  it('--api-key with --auth-header replaces the auth and is redacted', async () => {
    const {code, stdout} = await run('--api-key', 'k-flag-9999', '--auth-header', 'X-Key');
    expect(code).toBe(0);
    const {headers} = request('/v1/things');
    expect(headers['x-key']).toBe('k-flag-9999');
    expect(headers.authorization).toBeUndefined();
    expect(stdout).not.toContain('k-flag-9999');
  });

  it('-H Authorization replaces the profile auth too (and is redacted)', async () => {
    const {stdout} = await run('-H', 'authorization: Bearer hdr-token-4321', '--stream', 'post');
    expect(request('/v1/things').headers.authorization).toBe('Bearer hdr-token-4321');
    expect(stdout).not.toContain('hdr-token-4321');
  });

  it('--query k=v adds keys and replaces those of the URL and the profile; credentials redacted', async () => {
    const {code, stdout} = await run(
      ...['--query', 'lang=fr', '--query', 'page=2', '--query', 'api_key=q-secret-777'],
      ...['--stream', 'post'],
    );
    expect(code).toBe(0);
    const url = new URL(request('/v1/things').path, server.url);
    expect(url.searchParams.getAll('lang')).toEqual(['fr']);
    expect(url.searchParams.getAll('page')).toEqual(['2']);
    expect(url.searchParams.get('keep')).toBe('1');
    expect(url.searchParams.get('api_key')).toBe('q-secret-777');
    expect(stdout).not.toContain('q-secret-777');
  });

  it('-d replaces the body (a GET stream becomes a POST); a profile Content-Type stays', async () => {
    const {code} = await run('-d', '{"a":1}');
    expect(code).toBe(0);
    const types = {'/v1/things': 'application/json', '/feed': 'text/plain'};
    for (const [path, type] of Object.entries(types)) {
      const seen = request(path);
      expect(seen.method).toBe('POST');
      expect(seen.body).toBe('{"a":1}');
      expect(seen.headers['content-type']).toBe(type);
    }
  });

  it('-H Content-Type wins over the profile and -d', async () => {
    await run('-d', 'a=b', '-H', 'Content-Type: text/x-mine', '--stream', 'feed');
    expect(request('/feed').headers['content-type']).toBe('text/x-mine');
  });

  it('with URLs on the line too, the flags apply to the URLs only', async () => {
    const {code} = await run('-H', 'X-Extra: 1', '--stream', 'feed', `${server.url}/url`);
    expect(code).toBe(0);
    expect(request('/url').headers['x-extra']).toBe('1');
    expect(request('/feed').headers['x-extra']).toBeUndefined();
  });

  it('without a URL or a profile a request flag is a one-line usage error', async () => {
    const {code, stdout, stderr} = await runCli(['--json', '-H', 'X-Extra: 1']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'ssedeck: -H/--header applies to URLs or to -p profile streams, and neither was given\n',
    );
  });
});
