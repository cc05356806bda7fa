import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {createRedactor, isCredentialQueryName, secretsOfSpec} from '../../source/core/redact.js';
import {buildRequest} from '../../source/core/request.js';
import {parseStreamSpec} from '../../source/core/stream-spec.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';
import {runStream} from '../helpers/streams.js';

const {version} = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as {version: string};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function oneEventServer() {
  const rawHeaders: string[][] = [];
  server = await startTestServer((request, response) => {
    rawHeaders.push(request.rawHeaders);
    sseHead(response);
    response.end('data: x\n\n');
  });
  return {url: server.url, rawHeaders};
}

const names = (raw: readonly string[]) =>
  raw.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());

describe('request identity', () => {
  it('sends User-Agent: ssedeck/<version> and none of fetch browser-only headers', async () => {
    const {url, rawHeaders} = await oneEventServer();
    await runStream({url, maxEvents: 1});
    const raw = rawHeaders[0] ?? [];
    expect(server?.requests[0]?.headers['user-agent']).toBe(`ssedeck/${version}`);
    expect(names(raw)).not.toContain('sec-fetch-mode');
    expect(names(raw)).not.toContain('accept-language');
    expect(names(raw).filter((name) => name.startsWith('sec-'))).toEqual([]);
    expect(server?.requests[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('an explicit User-Agent and Accept-Language win', async () => {
    const {url} = await oneEventServer();
    await runStream({
      url,
      maxEvents: 1,
      headers: {'user-agent': 'probe/1', 'Accept-Language': 'de'},
    });
    const headers = server?.requests[0]?.headers;
    expect(headers?.['user-agent']).toBe('probe/1');
    expect(headers?.['accept-language']).toBe('de');
  });
});

describe('URL user info', () => {
  it('is sent as Basic auth (percent-decoded) and stripped from the URL fetched', async () => {
    const {url} = await oneEventServer();
    const withUser = url.replace('http://', 'http://al%20ice:S%40CRETPASS@');
    const {summary} = await runStream({url: `${withUser}/sse?x=1`, maxEvents: 1});
    expect(summary.status).toBe('completed');
    const request = server?.requests[0];
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from('al ice:S@CRETPASS').toString('base64')}`,
    );
    expect(request?.path).toBe('/sse?x=1');
    expect(request?.headers.host).not.toMatch(/@/);
  });

  it('an explicit Authorization header or --bearer wins over user info', async () => {
    const {url} = await oneEventServer();
    const withUser = url.replace('http://', 'http://user:pw@');
    await runStream({url: withUser, maxEvents: 1, auth: {type: 'bearer', token: 'tok-1234'}});
    await runStream({url: withUser, maxEvents: 1, headers: {Authorization: 'Token abcd'}});
    expect(server?.requests.map((request) => request.headers.authorization)).toEqual([
      'Bearer tok-1234',
      'Token abcd',
    ]);
  });

  it('buildRequest never puts the user info in the URL', () => {
    const spec = parseStreamSpec({name: 's', url: 'https://bob:hunter22@h.test/e'});
    expect(buildRequest(spec, '').url).toBe('https://h.test/e');
  });
});

describe('secretsOfSpec', () => {
  it('covers the user info password, its Basic token and credential-like query values', () => {
    const spec = parseStreamSpec({
      name: 's',
      url: 'https://bob:p%40ss1234@h.test/e?api_key=K3Y-VALUE&Token=tok%2F999&n=12345&sig=abcdef',
      query: {access_token: 'AT-777 x', page: 'visible', 'X-Amz-Signature': 'amzsig99'},
    });
    const redact = createRedactor(secretsOfSpec(spec));
    const basic = Buffer.from('bob:p@ss1234').toString('base64');
    const text = [
      'p%40ss1234 p@ss1234',
      basic,
      'K3Y-VALUE',
      'tok/999 tok%2F999',
      'AT-777 x AT-777%20x AT-777+x',
      'amzsig99',
      'abcdef',
      'visible 12345',
    ].join(' | ');
    expect(redact(text)).toBe(
      [
        '[redacted] [redacted]',
        '[redacted]',
        '[redacted]',
        '[redacted] [redacted]',
        '[redacted] [redacted] [redacted]',
        '[redacted]',
        '[redacted]',
        'visible 12345',
      ].join(' | '),
    );
  });

  it('keeps the minimum length: a tiny credential value is not redacted everywhere', () => {
    const spec = parseStreamSpec({name: 's', url: 'https://h.test/e?key=1&token=ab'});
    expect(createRedactor(secretsOfSpec(spec))('1 ab 12 abc')).toBe('1 ab 12 abc');
  });
});

describe('isCredentialQueryName', () => {
  it('knows the usual credential parameter names, in any case', () => {
    const names = [
      'api_key',
      'apikey',
      'api-key',
      'key',
      'token',
      'access_token',
      'auth',
      'secret',
      'password',
      'passwd',
      'pwd',
      'sig',
      'signature',
      'client_secret',
      'session',
      'X-Amz-Signature',
      'X-Goog-Credential',
      'refreshToken',
      'API_KEY',
      'Sig',
      'jwt',
    ];
    expect(names.filter((name) => !isCredentialQueryName(name))).toEqual([]);
  });

  it('leaves ordinary parameters alone', () => {
    const names = ['page', 'n', 'q', 'limit', 'user', 'design', 'signal', 'topic', 'level'];
    expect(names.filter((name) => isCredentialQueryName(name))).toEqual([]);
  });
});
