import {readFileSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {startCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
let dir: string | undefined;
const stops: Array<() => void> = [];
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await server?.close();
  server = undefined;
  if (dir) await rm(dir, {recursive: true, force: true});
  dir = undefined;
});

/** The child's title as ps shows it (Linux: /proc/PID/cmdline, NULs as spaces). */
function titleOf(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
}

async function titleWhileRunning(args: string[], cwd?: string): Promise<string> {
  const {child} = startCli(args, cwd === undefined ? {} : {cwd});
  stops.push(() => child.kill('SIGKILL'));
  await new Promise((resolve) => child.stdout?.once('data', resolve));
  let title = '';
  for (let tries = 0; tries < 50; tries++) {
    title = titleOf(child.pid!);
    if (title.startsWith('ssedeck')) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return title;
}

describe.runIf(process.platform === 'linux')('the process title names what runs', () => {
  it('ssedeck demo', async () => {
    expect(await titleWhileRunning(['--json', '-p', 'demo', '--stream', 'ticker'])).toBe(
      'ssedeck demo',
    );
  });

  it('ssedeck serve', async () => {
    expect(await titleWhileRunning(['serve'])).toBe('ssedeck serve');
  });

  it('ssedeck -p NAME', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.write('data: x\n\n');
    });
    dir = await mkdtemp(join(tmpdir(), 'ssedeck-title-'));
    await mkdir(join(dir, 'profiles'));
    await writeFile(
      join(dir, 'profiles', 'my-app.yaml'),
      `name: my-app\nstreams:\n  - name: s\n    url: ${server.url}/s\n`,
    );
    expect(await titleWhileRunning(['--json', '-p', 'my-app'], dir)).toBe('ssedeck -p my-app');
  });

  it('ssedeck URL-host, with nothing of the URL a terminal would run', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.write('data: x\n\n');
    });
    const host = new URL(server.url).host;
    expect(
      await titleWhileRunning(['--json', `http://user:secret-pass@${host}/feed?token=abc`]),
    ).toBe(`ssedeck ${host}`);
  });
});
