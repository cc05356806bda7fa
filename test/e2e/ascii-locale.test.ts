import {describe, expect, it} from 'vitest';
import {sseHead} from '../helpers/http-server.js';
import {builtCli, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';

const pty = setupPtyFixture();

describe('a non-UTF-8 locale', () => {
  it('LANG=C draws the dashboard rules in ASCII', async () => {
    const server = await pty.server((_request, response) => {
      sseHead(response);
      response.write('data: hello\n\n');
    });
    const terminal = pty.spawn(
      process.execPath,
      [builtCli, '--name', 'feed', `${server.url}/feed`],
      {
        columns: 100,
        rows: 24,
        cwd: repoRoot,
        env: {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined},
      },
    );
    const screen = await terminal.waitFor((text) => text.includes('hello'), 15_000, 'the event');
    expect(screen).toMatch(/= 1 feed .*OPEN.*===/);
    expect(screen).not.toMatch(/[━─]/);
  });
});
