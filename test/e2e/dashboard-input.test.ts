import {describe, expect, it} from 'vitest';
import {builtCli, cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import {DEMO_STREAMS, hasPanes, joinedRows, titleRow} from './helpers/screen.js';

const pty = setupPtyFixture();

const PASTE_ON = '\u001B[?2004h';
const PASTE_OFF = '\u001B[?2004l';

/** The "N ev" counter of a pane: on the row under its title, in its column. */
function eventCount(screen: string, name: string): number {
  const lines = screen.split('\n');
  const row = titleRow(screen, name);
  const column = lines[row]?.search(new RegExp(`[━─] \\d+ ${name} `)) ?? -1;
  const match = /^\s*([\d,]+) ev/.exec(lines[row + 1]?.slice(Math.max(0, column)) ?? '');
  return match ? Number(match[1]?.replaceAll(',', '')) : -1;
}

describe('dashboard input in a real terminal', () => {
  it('a paste into the follow-up is sent as one line, never run as keys; paste mode is off after q', async () => {
    const tty = pty.spawn('/bin/sh', cliThenReport([]), {columns: 120, rows: 40, cwd: repoRoot});
    await tty.waitFor(hasPanes(DEMO_STREAMS), 15_000, 'the demo panes');
    expect(tty.output()).toContain(PASTE_ON);

    tty.write('4');
    await tty.waitFor((text) => /━ 4 dify-chatflow /.test(text), 5_000, 'dify-chatflow focused');
    tty.write('i');
    await tty.waitFor((text) => text.includes('Enter send · Esc cancel'), 5_000, 'the input line');
    tty.write('\u001B[200~first line\rsecond line q\u001B[201~');
    await tty.waitFor(
      (text) => text.includes('› first line second line q'),
      5_000,
      'the pasted text in the input line',
    );
    tty.write('\r');
    const screen = await tty.waitFor(
      (text) => joinedRows(text).includes('You asked: "first line second line q"'),
      20_000,
      'the demo Dify stream answering the pasted question',
    );
    // Nothing of the paste ran as a key: still running, nothing stopped or cleared.
    expect(screen).not.toContain('stopped dify-chatflow');
    expect(tty.isAlternate()).toBe(true);
    expect(hasPanes(['dify-chatflow'])(screen)).toBe(true);

    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 10_000, 'the exit code');
    expect(after).toContain('exit=0');
    const output = tty.output();
    expect(output.lastIndexOf(PASTE_OFF)).toBeGreaterThan(output.lastIndexOf(PASTE_ON));
    expect(tty.isAlternate()).toBe(false);
  }, 60_000);

  it('Ctrl-Z suspends to the shell (normal screen) and fg brings the live dashboard back', async () => {
    const tty = pty.spawn('/bin/bash', ['--norc', '--noprofile', '-i'], {
      columns: 100,
      rows: 30,
      cwd: repoRoot,
      env: {PS1: 'PROMPT$ ', HISTFILE: '/dev/null'},
    });
    await tty.waitFor((text) => text.includes('PROMPT$'), 10_000, 'the shell prompt');
    tty.write(`${JSON.stringify(process.execPath)} ${JSON.stringify(builtCli)}\r`);
    await tty.waitFor(hasPanes(DEMO_STREAMS), 15_000, 'the demo panes');
    expect(tty.isAlternate()).toBe(true);

    const beforeStop = tty.output().length;
    tty.write('\u001A');
    const shell = await tty.waitFor(
      (text) => !tty.isAlternate() && /Stopped/.test(text) && /PROMPT\$ *$/.test(text.trimEnd()),
      10_000,
      'the shell saying the job stopped, on the normal screen',
    );
    expect(shell).not.toContain('ticker');
    // ssedeck turned paste mode off before the shell took over (bash turns it on for its prompt).
    const stop = tty.output().slice(beforeStop);
    expect(stop.indexOf(PASTE_OFF)).toBeGreaterThanOrEqual(0);
    expect(stop.indexOf(PASTE_OFF)).toBeLessThan(stop.indexOf('Stopped'));
    const stoppedAt = tty.output().length;

    tty.write('fg\r');
    let screen = await tty.waitFor(
      (text) =>
        tty.isAlternate() && hasPanes(DEMO_STREAMS)(text) && eventCount(text, 'ticker') >= 0,
      10_000,
      'the dashboard redrawn after fg',
    );
    const resumed = tty.output().slice(stoppedAt);
    expect(resumed.lastIndexOf(PASTE_ON)).toBeGreaterThan(resumed.lastIndexOf(PASTE_OFF));
    const first = eventCount(screen, 'ticker');
    screen = await tty.waitFor(
      (text) => eventCount(text, 'ticker') > first,
      10_000,
      'the ticker counter moving again',
    );
    // Still taking keys in raw mode: help opens, any key closes it.
    tty.write('?');
    await tty.waitFor((text) => text.includes('ssedeck keys'), 5_000, 'the help overlay');
    tty.write('q');
    await tty.waitFor((text) => !text.includes('ssedeck keys'), 5_000, 'help closed by q');
    tty.write('q');
    await tty.waitFor(
      (text) => !tty.isAlternate() && /PROMPT\$ *$/.test(text.trimEnd()),
      10_000,
      'the shell prompt after q',
    );
    tty.write('exit\r');
  }, 60_000);
});
