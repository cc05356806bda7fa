import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';
import {builtCli, ensureBuilt, repoRoot} from './helpers/built-cli.js';
import {spawnInPty, type PtyScreen} from './helpers/pty-terminal.js';

let terminal: PtyScreen | undefined;
let server: TestServer | undefined;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  terminal?.kill();
  terminal = undefined;
  await server?.close();
  server = undefined;
});

describe('a non-UTF-8 locale', () => {
  it('LANG=C draws the dashboard rules in ASCII', async () => {
    server = await startTestServer((_request, response) => {
      sseHead(response);
      response.write('data: hello\n\n');
    });
    terminal = spawnInPty(process.execPath, [builtCli, '--name', 'feed', `${server.url}/feed`], {
      columns: 100,
      rows: 24,
      cwd: repoRoot,
      env: {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined},
    });
    const screen = await terminal.waitFor((text) => text.includes('hello'), 15_000, 'the event');
    expect(screen).toMatch(/= 1 feed .*OPEN.*===/);
    expect(screen).not.toMatch(/[━─]/);
  });
});
