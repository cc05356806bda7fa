import {describe, expect, it} from 'vitest';
import {sseHead} from '../helpers/http-server.js';
import {builtCli, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';

const pty = setupPtyFixture();

describe('a terminal that cannot address the cursor', () => {
  it('TERM=dumb gets the NDJSON output and a one-line note, never the alternate screen', async () => {
    const server = await pty.server((_request, response) => {
      sseHead(response);
      response.end('data: hello\n\n');
    });
    const command =
      `TERM=dumb ${JSON.stringify(process.execPath)} ${JSON.stringify(builtCli)} ` +
      `--reconnect never --name feed ${server.url}/feed; echo "exit=$?"`;
    const terminal = pty.spawn('/bin/sh', ['-c', command], {columns: 120, rows: 30, cwd: repoRoot});
    const screen = await terminal.waitFor((text) => /exit=\d+/.test(text), 15_000, 'the exit');
    expect(screen).toContain('exit=0');
    expect(screen).toMatch(
      /ssedeck: this terminal \(TERM=dumb\) cannot draw the dashboard, so writing NDJSON/,
    );
    expect(screen).toMatch(/\{"type":"event","stream":"feed",.*"data":"hello"/);
    expect(terminal.output()).not.toContain('\u001b[?1049h');
    expect(terminal.isAlternate()).toBe(false);
  });
});
