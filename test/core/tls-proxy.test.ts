import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer, type Server as HttpServer} from 'node:http';
import {createServer as createHttpsServer, type Server as HttpsServer} from 'node:https';
import {connect, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {runStream} from '../helpers/streams.js';
import {certificateAuthority, leafSignedBy, type Pem} from '../helpers/tls-certs.js';

/** TLS settings must survive HTTPS_PROXY: the tunnelled session uses them too. */

let dir: string;
let ca: Pem;
let leaf: Pem;
let target: HttpsServer | undefined;
let proxy: HttpServer | undefined;
const tunnels: string[] = [];
const saved = process.env.HTTPS_PROXY;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ssedeck-proxy-'));
  ca = await certificateAuthority();
  leaf = await leafSignedBy(ca);
}, 30_000);
afterAll(() => rmSync(dir, {recursive: true, force: true}));
afterEach(async () => {
  if (saved === undefined) delete process.env.HTTPS_PROXY;
  else process.env.HTTPS_PROXY = saved;
  for (const server of [target, proxy]) {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
  target = undefined;
  proxy = undefined;
});

async function listen(server: HttpServer | HttpsServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('TLS through a proxy', () => {
  it('caFile applies to the server behind an HTTPS_PROXY tunnel', async () => {
    target = createHttpsServer({cert: leaf.cert, key: leaf.key}, (_request, response) => {
      response.writeHead(200, {'Content-Type': 'text/event-stream'});
      response.end('data: via proxy\n\n');
    });
    const targetPort = await listen(target);
    proxy = createHttpServer();
    proxy.on('connect', (request, socket, head) => {
      tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    process.env.HTTPS_PROXY = `http://127.0.0.1:${await listen(proxy)}`;
    // A caFile path no other test uses, so this run gets a dispatcher made under HTTPS_PROXY.
    const caFile = join(dir, 'proxy-ca.pem');
    writeFileSync(caFile, ca.cert);
    const {summary} = await runStream({
      url: `https://127.0.0.1:${targetPort}/events`,
      caFile,
      maxEvents: 1,
    });
    expect(summary).toMatchObject({status: 'completed', totalEvents: 1});
    expect(tunnels).toEqual([`127.0.0.1:${targetPort}`]);
  });
});
