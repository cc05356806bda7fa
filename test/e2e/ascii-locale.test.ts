import {describe, expect, it} from 'vitest';
import {sseHead} from '../helpers/http-server.js';
import {builtCli, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';

const pty = setupPtyFixture();

/** Characters above "~" (0x7E) on the screen: none in a non-UTF-8 locale. */
const beyondAscii = (screen: string): string[] => [
  ...new Set([...screen].filter((character) => (character.codePointAt(0) ?? 0) > 0x7e)),
];

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

  it('LANG=C: grid, zoomed details and help draw nothing but ASCII (the server sends ASCII)', async () => {
    const server = await pty.server((request, response) => {
      if (request.url === '/gone') {
        response.writeHead(401, {'Content-Type': 'application/json'});
        response.end('{"code":"unauthorized","message":"Access token is invalid"}');
        return;
      }
      sseHead(response);
      response.write(`id: id-${'0123456789'.repeat(4)}\ndata: line one\ndata: line two\n\n`);
      response.write(`data: hello ${'x'.repeat(200)}\n\n`);
    });
    const terminal = pty.spawn(
      process.execPath,
      [
        builtCli,
        '-i',
        '--name',
        'feed',
        `${server.url}/feed`,
        '--name',
        'gone',
        `${server.url}/gone`,
      ],
      {
        columns: 100,
        rows: 24,
        cwd: repoRoot,
        env: {LANG: 'C', LC_ALL: undefined, LC_CTYPE: undefined},
      },
    );
    const grid = await terminal.waitFor(
      (text) => text.includes('hello') && text.includes('FAILED'),
      15_000,
      'the event and the failed pane',
    );
    expect(beyondAscii(grid)).toEqual([]);
    expect(grid).toContain('line one\\nline two');
    expect(grid).toMatch(/ev \| [\d.]+\/s \| /);
    expect(grid).toContain('? help | q quit');

    terminal.write('\r');
    const zoomed = await terminal.waitFor(
      (text) => text.includes('| headers in'),
      5_000,
      'the zoomed pane with the response details (-i)',
    );
    expect(beyondAscii(zoomed)).toEqual([]);
    expect(zoomed).toMatch(/ id id-\d{21}\.\.\. /);
    expect(zoomed).toMatch(/- connected: HTTP 200/);

    terminal.write('?');
    const help = await terminal.waitFor((text) => text.includes('ssedeck keys'), 5_000, 'help');
    expect(beyondAscii(help)).toEqual([]);
    expect(help).toContain('(j/k ^/v PgUp/PgDn scroll');
  }, 30_000);
});
