import {describe, expect, it} from 'vitest';
import {sseHead} from '../helpers/http-server.js';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';

const pty = setupPtyFixture();

describe('zero-width characters in a real terminal', () => {
  it('are shown as escapes and leave the neighbouring pane in its column', async () => {
    const server = await pty.server((request, response) => {
      sseHead(response);
      const data =
        request.url === '/zw' ? 'zw\u200b\u200c\u200d\u2060\ufeffx MARK' : 'plain x MARK';
      response.write(`data: ${data}\n\n`);
    });
    const terminal = pty.spawn('/bin/sh', cliThenReport([`${server.url}/zw`, `${server.url}/ok`]), {
      columns: 120,
      rows: 40,
      cwd: repoRoot,
    });
    const screen = await terminal.waitFor(
      (text) => text.includes('\\u200b') && text.includes('plain x MARK'),
      15_000,
      'both events drawn',
    );
    const lines = screen.split('\n');
    const zwRow = lines.find((line) => line.includes('\\u200b'));
    expect(zwRow).toContain('zw\\u200b\\u200c\\u200d\\u2060\\ufeffx MARK');
    expect(screen).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
    // Side by side: the data starts at the same offset inside each pane, as the titles are placed.
    const title = lines.find((line) => /[━─] 2 /.test(line)) ?? '';
    const rightPane = title.search(/[━─] 2 /);
    const leftPane = title.search(/[━─] 1 /);
    expect(rightPane).toBeGreaterThan(leftPane);
    // Each pane's event row on its own: a pane whose counters need two rows
    // ("last 12ms ago" is wider than "last 2ms ago") draws its events one row lower.
    const plainRow = lines.find((line) => line.includes('plain x MARK')) ?? '';
    expect(plainRow.indexOf('plain x MARK') - rightPane).toBe(
      zwRow!.indexOf('zw\\u200b') - leftPane,
    );
    // Whatever the right pane draws on the zero-width row starts in its own column.
    const rightColumn = plainRow.search(/\d\d:\d\d:\d\d message plain/);
    const times = [...zwRow!.matchAll(/\d\d:\d\d:\d\d /g)].map((match) => match.index);
    if (times.length > 1) expect(times[1]).toBe(rightColumn);
  }, 30_000);
});
