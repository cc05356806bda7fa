import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {startDemoServer} from '../../source/demo/server.js';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import type {PtyScreen} from './helpers/pty-terminal.js';

const pty = setupPtyFixture();

function start(args: readonly string[], columns: number, rows: number): PtyScreen {
  return pty.spawn('/bin/sh', cliThenReport(args), {columns, rows, cwd: repoRoot});
}

const titleRow = (screen: string, name: string) =>
  screen.split('\n').findIndex((line) => new RegExp(`[━─] \\d+ ${name} `).test(line));

/** The "N ev" counter of a pane: on the row under its title, in its column. */
function eventCount(screen: string, name: string): number {
  const lines = screen.split('\n');
  const row = titleRow(screen, name);
  const column = lines[row]?.search(new RegExp(`[━─] \\d+ ${name} `)) ?? -1;
  const match = /^\s*([\d,]+) ev/.exec(lines[row + 1]?.slice(Math.max(0, column)) ?? '');
  return match ? Number(match[1]?.replaceAll(',', '')) : -1;
}

const hasAll = (names: readonly string[]) => (screen: string) =>
  names.every((name) => titleRow(screen, name) >= 0);
const DEMO = ['ticker', 'logs', 'flaky', 'dify-chatflow', 'openai'];

describe('dashboard in a real terminal', () => {
  it('shows the demo streams open, counts, helps, re-lays out on resize and restores the terminal on q', async () => {
    const tty = start([], 100, 30);
    await tty.waitFor(hasAll(DEMO), 15_000, 'all five demo panes');
    expect(tty.isAlternate()).toBe(true);
    await tty.waitFor(
      (screen) => (screen.match(/ OPEN /g) ?? []).length >= 3,
      10_000,
      'OPEN badges',
    );

    // Two columns at 100x30, frame at most rows - 1.
    let screen = tty.screenText();
    expect(screen.split('\n')[titleRow(screen, 'ticker')]).toMatch(/ticker .* logs /);
    expect(screen.split('\n')[29]).toBe('');

    const first = eventCount(screen, 'ticker');
    await tty.waitFor(
      (text) => eventCount(text, 'ticker') > first && first >= 0,
      5_000,
      'the ticker counter to grow',
    );

    tty.write('?');
    await tty.waitFor(
      (text) => text.includes('ssedeck keys') && text.includes('q or Ctrl-C'),
      5_000,
      'the help overlay',
    );
    tty.write('x');
    await tty.waitFor(
      (text) => !text.includes('ssedeck keys') && hasAll(DEMO)(text),
      5_000,
      'help closed',
    );

    tty.resize(80, 24);
    screen = await tty.waitFor(
      (text) =>
        DEMO.every((name) =>
          text.split('\n')[titleRow(text, name)]?.startsWith(name === 'ticker' ? '━' : '─'),
        ),
      5_000,
      'one column at 80x24',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    screen = tty.screenText();
    const lines = screen.split('\n');
    expect(lines).toHaveLength(24);
    expect(lines[23]).toBe('');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    // Nothing of the two-column layout is left: one title per row, one footer.
    expect(lines.filter((line) => /[━─] \d+ \S+ .*[━─] \d+ /.test(line))).toEqual([]);
    expect(lines.filter((line) => line.includes(' streams · '))).toHaveLength(1);
    expect(lines.at(-2)).toContain('5 streams · ');

    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 8_000, 'the exit code');
    expect(after).toContain('exit=0');
    expect(tty.isAlternate()).toBe(false);
    expect(after).toMatch(/ticker\s+stopped/);
    expect(after).not.toContain('Tab focus');
    // Raw mode is off again: canonical input and echo.
    expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(after).toMatch(/(^|\s)echo(\s|$)/m);
    const output = tty.output();
    expect(output.lastIndexOf('\u001B[?1049l')).toBeGreaterThan(
      output.lastIndexOf('\u001B[?1049h'),
    );
    expect(output.lastIndexOf('\u001B[?25h')).toBeGreaterThan(output.lastIndexOf('\u001B[?25l'));
  }, 60_000);

  it('shows the flaky stream RETRY then OPEN again, and restores the terminal on SIGTERM', async () => {
    const demo = pty.closeAfter(await startDemoServer());
    const tty = start(
      [
        '--name',
        'ticker',
        `${demo.url}/ticker?interval=50`,
        '--name',
        'flaky',
        `${demo.url}/flaky?every=6&interval=50&retry=600`,
      ],
      100,
      24,
    );
    await tty.waitFor((text) => /─ 2 flaky +OPEN /.test(text), 10_000, 'flaky OPEN');
    await tty.waitFor((text) => /─ 2 flaky +RETRY (in \d+s|now)/.test(text), 10_000, 'flaky RETRY');
    await tty.waitFor((text) => /─ 2 flaky +OPEN /.test(text), 10_000, 'flaky OPEN again');
    const screen = tty.screenText();
    const counters = screen.split('\n')[titleRow(screen, 'flaky') + 1] ?? '';
    expect(counters).toMatch(/[1-9]\d* reconn/);
    expect(screen).toMatch(/reconnecting in \d|retried after \d/);

    tty.signalChild('SIGTERM');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 8_000, 'the exit code');
    expect(after).toContain('exit=143');
    expect(tty.isAlternate()).toBe(false);
    expect(after).toMatch(/flaky\s+stopped/);
    expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
  }, 60_000);
});
