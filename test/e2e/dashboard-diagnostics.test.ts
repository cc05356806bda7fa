import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {cliThenReport, ensureBuilt, repoRoot} from './helpers/built-cli.js';
import {spawnInPty, type PtyScreen} from './helpers/pty-terminal.js';

let terminal: PtyScreen | undefined;

beforeAll(() => ensureBuilt(), 120_000);
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

const title = (screen: string, name: string): string =>
  screen.split('\n').find((line) => new RegExp(`[━─] \\d+ ${name} `).test(line)) ?? '';

/** The part of a title row that belongs to `name`'s pane (two panes share a row). */
const paneTitle = (screen: string, name: string): string => {
  const row = title(screen, name);
  const start = row.search(new RegExp(`[━─] \\d+ ${name} `));
  const next = row.slice(start + 2).search(/[━─] \d+ /);
  return next === -1 ? row.slice(start) : row.slice(start, start + 2 + next);
};

describe('stream diagnostics in a real terminal', () => {
  it('-p diagnostics: a finding marker on misbehaving panes only, D shows the finding', async () => {
    terminal = spawnInPty('/bin/sh', cliThenReport(['-p', 'diagnostics']), {
      columns: 120,
      rows: 40,
      cwd: repoRoot,
    });
    const tty = terminal;
    await tty.waitFor(
      (screen) => paneTitle(screen, 'skipping-ids').includes('⚑'),
      15_000,
      'the skipping-ids pane marked',
    );
    const screen = tty.screenText();
    expect(paneTitle(screen, 'healthy')).toContain('OPEN');
    expect(paneTitle(screen, 'healthy')).not.toContain('⚑');

    tty.write('6');
    tty.write('D');
    const details = await tty.waitFor(
      (text) => text.includes('! ids skipped'),
      5_000,
      'the details view with the finding',
    );
    expect(details).toContain('ids 12→28: 15 missing');
    expect(details).toContain('Request · C: copy as curl');
    for (const line of details.split('\n')) expect(line.length).toBeLessThanOrEqual(120);

    // C: the request as curl on the clipboard, through OSC 52 to the real terminal.
    tty.write('C');
    await tty.waitFor((text) => text.includes("copied skipping-ids's request"), 5_000, 'copy note');
    // eslint-disable-next-line no-control-regex
    const osc = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(tty.output());
    expect(Buffer.from(osc?.[1] ?? '', 'base64').toString('utf8')).toMatch(
      /^curl -N -H "Accept: text\/event-stream" .* http:\/\/127\.0\.0\.1:\d+\/skipping$/,
    );
    tty.write('\u001B');
    await tty.waitFor((text) => !text.includes('! ids skipped'), 5_000, 'the details closed');
    tty.write('q');
    expect(await tty.waitForExit(10_000)).toBe(0);
  }, 40_000);
});
