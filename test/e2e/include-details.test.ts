import {describe, expect, it} from 'vitest';
import {sseHead} from '../helpers/http-server.js';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';

const pty = setupPtyFixture();

describe('-i / -v in the dashboard', () => {
  it.each(['-i', '--verbose'])(
    '%s: the zoomed pane shows the response status line and headers without d',
    async (flag) => {
      const server = await pty.server((_request, response) => {
        response.setHeader('A-Request-Id', 'req-42'); // sorts first: the row is cut at the pane's edge
        sseHead(response);
        response.write('data: hello\n\n');
      });
      const tty = pty.spawn(
        '/bin/sh',
        cliThenReport([flag, '--name', 'feed', `${server.url}/feed`]),
        {columns: 120, rows: 24, cwd: repoRoot},
      );
      await tty.waitFor((text) => text.includes('hello'), 15_000, 'the event');
      tty.write('\r');
      const zoomed = await tty.waitFor(
        (text) => text.includes('a-request-id: req-42'),
        5_000,
        'the headers in the zoomed pane',
      );
      expect(zoomed).toMatch(/HTTP 200 text\/event-stream · headers in \d+ms/);
      tty.write('d');
      await tty.waitFor((text) => !text.includes('a-request-id'), 5_000, 'd hiding them');
      tty.write('q');
      await tty.waitFor((text) => /exit=\d+/.test(text), 10_000, 'the exit code');
    },
    30_000,
  );
});
