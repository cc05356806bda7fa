import {afterEach, describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';
import {spawn} from 'node:child_process';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs the built CLI and returns its stdout as raw bytes. */
function runRaw(args: readonly string[]): Promise<{code: number | null; stdout: Buffer}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: {...process.env, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({code, stdout: Buffer.concat(chunks)});
    });
  });
}

const data =
  'title\u009d0;TITLE\u009c bidi\u202eevil\u2066x\u2069 sep\u2028\u2029 zw\u200b\u200d\ufeff end';

describe('ssedeck --json escaping', () => {
  it('writes no raw C1, bidi, separator or zero-width code point, and round-trips the data', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.end(`data: ${data}\n\n`);
    });
    const {code, stdout} = await runRaw(['--json', '--reconnect', 'never', `${server.url}/x`]);
    expect(code).toBe(0);
    const text = stdout.toString('utf8');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
    expect(text).not.toMatch(/[\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/);
    expect(text).toContain('\\u009d0;TITLE\\u009c');
    const records = text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const event = records.find((record) => record.type === 'event');
    expect(event?.data).toBe(data);
    const open = records.find((record) => record.state === 'open');
    expect(open?.headers).toMatchObject({'content-type': 'text/event-stream'});
  });
});
