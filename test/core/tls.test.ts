import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {SseStream} from '../../source/core/sse-stream.js';
import {parseStreamSpec, resolveStreamSpec} from '../../source/core/stream-spec.js';
import {TlsConfigError} from '../../source/core/tls-config.js';
import {startTestServer} from '../helpers/http-server.js';
import {runStream, statesOf} from '../helpers/streams.js';
import {
  certificateAuthority,
  leafSignedBy,
  selfSignedFor127,
  type Pem,
} from '../helpers/tls-certs.js';

let dir: string;
let selfSigned: Pem;
let ca: Pem;
let leaf: Pem;
let wrongHost: Pem;
let expired: Pem;
let servers: Server[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssedeck-tls-'));
  [selfSigned, ca] = await Promise.all([selfSignedFor127(), certificateAuthority()]);
  [leaf, wrongHost, expired] = await Promise.all([
    leafSignedBy(ca),
    leafSignedBy(ca, {dnsName: 'example.test'}),
    leafSignedBy(ca, {expired: true}),
  ]);
}, 30_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));
afterEach(async () => {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
  servers = [];
});

async function httpsServer(pem: Pem): Promise<string> {
  const server = createServer({cert: pem.cert, key: pem.key}, (_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/event-stream'});
    response.end('data: secure\n\n');
  });
  // A failed handshake is the client's business; keep the test output quiet.
  server.on('tlsClientError', () => undefined);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
}

function pemFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const hint =
  /; to accept it anyway use -k\/--insecure \(profile: insecure: true\), or trust its CA with --cacert FILE \(profile: caFile\)$/;

describe('TLS', () => {
  it('a self-signed certificate fails at once, in words, with the options that help', async () => {
    const url = await httpsServer(selfSigned);
    const {summary, records} = await runStream({url, reconnect: 'always'});
    expect(statesOf(records)).toEqual(['connecting']);
    expect(summary.status).toBe('failed');
    expect(summary.reason).toMatch(/^TLS error: self-signed certificate/);
    expect(summary.reason).toMatch(hint);
    expect(summary.reason).not.toMatch(/DEPTH_ZERO|SELF_SIGNED_CERT/);
  });

  it('insecure: true accepts a self-signed, an expired and a wrong-host certificate', async () => {
    for (const pem of [selfSigned, expired, wrongHost]) {
      const url = await httpsServer(pem);
      const {summary} = await runStream({url, insecure: true, maxEvents: 1});
      expect(summary).toMatchObject({status: 'completed', totalEvents: 1});
    }
  });

  it('caFile trusts a private CA (and a self-signed certificate given as its own CA)', async () => {
    const caFile = pemFile('ca.pem', ca.cert);
    const {summary} = await runStream({url: await httpsServer(leaf), caFile, maxEvents: 1});
    expect(summary).toMatchObject({status: 'completed', totalEvents: 1});
    const own = pemFile('self.pem', selfSigned.cert);
    const second = await runStream({url: await httpsServer(selfSigned), caFile: own, maxEvents: 1});
    expect(second.summary.status).toBe('completed');
  });

  it('without the CA: unknown certificate authority', async () => {
    const {summary} = await runStream({url: await httpsServer(leaf)});
    expect(summary.reason).toMatch(/^TLS error: unknown certificate authority/);
    expect(summary.reason).toMatch(hint);
  });

  it('names an expired certificate and one for another host', async () => {
    const caFile = pemFile('ca2.pem', ca.cert);
    const old = await runStream({url: await httpsServer(expired), caFile});
    expect(old.summary.reason).toMatch(/^TLS error: certificate expired;/);
    const other = await runStream({url: await httpsServer(wrongHost), caFile});
    expect(other.summary.reason).toMatch(
      /^TLS error: certificate is for another host \(DNS:example\.test\);/,
    );
    expect(statesOf(other.records)).toEqual(['connecting']);
  });

  it('an unreadable or empty caFile is a clear error naming the file, before any request', () => {
    const missing = join(dir, 'missing.pem');
    const make = (caFile: string) =>
      new SseStream(
        resolveStreamSpec(parseStreamSpec({name: 's', url: 'https://127.0.0.1:1/', caFile})),
      );
    expect(() => make(missing)).toThrow(TlsConfigError);
    expect(() => make(missing)).toThrow(`CA file "${missing}": no such file`);
    const empty = pemFile('empty.pem', 'not a certificate\n');
    expect(() => make(empty)).toThrow(`CA file "${empty}": no PEM certificate in it`);
  });
});

describe('TLS handshake failures', () => {
  it('https to a plain http server fails at once in words', async () => {
    const plain = await startTestServer((_request, response) => void response.end('x'));
    try {
      const {summary, records} = await runStream({
        url: plain.url.replace('http:', 'https:'),
        reconnect: 'always',
      });
      expect(statesOf(records)).toEqual(['connecting']);
      expect(summary.reason).toBe(
        'TLS handshake failed: wrong version number (is the server really https?)',
      );
    } finally {
      await plain.close();
    }
  });
});
