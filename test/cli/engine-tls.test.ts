import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ndjson, runCli} from '../helpers/cli.js';
import {selfSignedFor127, type Pem} from '../helpers/tls-certs.js';

/** Profile TLS fields through the built CLI (run `npm run build` first). */

let pem: Pem;
let server: Server | undefined;
let dir: string | undefined;
beforeAll(async () => {
  pem = await selfSignedFor127();
}, 30_000);
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  if (dir) await rm(dir, {recursive: true, force: true});
  dir = undefined;
});

async function setUp(fields: string): Promise<string> {
  server = createServer({cert: pem.cert, key: pem.key}, (_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/event-stream'});
    response.end('data: over tls\n\n');
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-tls-cli-'));
  await writeFile(join(dir, 'ca.pem'), pem.cert);
  const file = join(dir, 'tls.yaml');
  await writeFile(
    file,
    `name: tls\nstreams:\n  - name: secure\n    url: https://127.0.0.1:${port}/e\n    reconnect: never\n${fields.replace('{CA}', join(dir, 'ca.pem'))}`,
  );
  return file;
}

describe('TLS from a profile', () => {
  it('without options: a self-signed certificate fails in words and suggests the fixes', async () => {
    const file = await setUp('');
    const {code, stdout} = await runCli(['-p', file, '--json']);
    expect(code).toBe(1);
    const summary = ndjson(stdout).find((record) => record.type === 'summary');
    expect(summary?.reason).toMatch(
      /^TLS error: self-signed certificate; .*--insecure.*--cacert FILE/,
    );
  });

  for (const fields of ['    insecure: true\n', '    caFile: {CA}\n']) {
    it(`${fields.trim()} opens the stream`, async () => {
      const file = await setUp(fields);
      const {code, stdout} = await runCli(['-p', file, '--json']);
      expect(code).toBe(0);
      const events = ndjson(stdout).filter((record) => record.type === 'event');
      expect(events.map((event) => event.data)).toEqual(['over tls']);
    });
  }

  it('an unreadable caFile is one line naming the file, before any request', async () => {
    const file = await setUp('    caFile: /nonexistent/ssedeck-ca.pem\n');
    const {code, stdout, stderr} = await runCli(['-p', file, '--json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('CA file "/nonexistent/ssedeck-ca.pem": no such file');
    expect(stderr).not.toContain('internal error');
  });
});
