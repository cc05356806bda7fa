import {describe, expect, it} from 'vitest';
import {sseHead} from '../helpers/http-server.js';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import type {PtyScreen} from './helpers/pty-terminal.js';

const pty = setupPtyFixture();

function start(args: readonly string[]): PtyScreen {
  return pty.spawn('/bin/sh', cliThenReport(args), {columns: 100, rows: 30, cwd: repoRoot});
}

const exitOf = (screen: string) => /exit=(\d+)/.exec(screen)?.[1];

describe('the dashboard exit code follows the table', () => {
  it('q after HTTP 401 failed every pane exits 1', async () => {
    const server = await pty.server((_request, response) => {
      response.writeHead(401, {'Content-Type': 'application/json'});
      response.end('{"code":"unauthorized","message":"Access token is invalid"}');
    });
    const tty = start(['--name', 'a', `${server.url}/a`, '--name', 'b', `${server.url}/b`]);
    await tty.waitFor(
      (screen) => (screen.match(/FAILED/g) ?? []).length >= 2,
      15_000,
      'both panes FAILED',
    );
    tty.write('q');
    const screen = await tty.waitFor((text) => exitOf(text) !== undefined, 10_000, 'exit code');
    expect(exitOf(screen)).toBe('1');
  });

  it('q with healthy streams exits 0', async () => {
    const server = await pty.server((_request, response) => {
      sseHead(response);
      response.write('data: hello\n\n');
    });
    const tty = start([`${server.url}/ok`]);
    await tty.waitFor((screen) => / OPEN /.test(screen), 15_000, 'OPEN');
    tty.write('q');
    const screen = await tty.waitFor((text) => exitOf(text) !== undefined, 10_000, 'exit code');
    expect(exitOf(screen)).toBe('0');
  });

  it('Ctrl-C exits 130 like SIGINT, with the screen restored', async () => {
    const server = await pty.server((_request, response) => {
      sseHead(response);
      response.write('data: hello\n\n');
    });
    const tty = start([`${server.url}/ok`]);
    await tty.waitFor((screen) => / OPEN /.test(screen), 15_000, 'OPEN');
    tty.write('\u0003');
    const screen = await tty.waitFor((text) => exitOf(text) !== undefined, 10_000, 'exit code');
    expect(exitOf(screen)).toBe('130');
    expect(tty.isAlternate()).toBe(false);
  });

  it('SIGTERM exits 143 within 2 s and restores the screen', async () => {
    const server = await pty.server((_request, response) => {
      sseHead(response);
      response.write('data: hello\n\n');
    });
    const tty = start([`${server.url}/ok`]);
    await tty.waitFor((screen) => / OPEN /.test(screen), 15_000, 'OPEN');
    const sent = Date.now();
    tty.signalChild('SIGTERM');
    const screen = await tty.waitFor((text) => exitOf(text) !== undefined, 10_000, 'exit code');
    expect(Date.now() - sent).toBeLessThan(2500);
    expect(exitOf(screen)).toBe('143');
    expect(tty.isAlternate()).toBe(false);
  });
});
