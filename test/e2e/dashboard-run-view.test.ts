import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import type {PtyScreen} from './helpers/pty-terminal.js';
import {hasPanes} from './helpers/screen.js';

const pty = setupPtyFixture();

function type(tty: PtyScreen, text: string): void {
  for (const character of text) tty.write(character);
}

describe('the Dify run view in a real terminal (ssedeck -p dify-run)', () => {
  it('fills the human input form from the pane, re-attaches and sees the run finish', async () => {
    const tty = pty.spawn('/bin/sh', cliThenReport(['-p', 'dify-run', '--stream', 'approval']), {
      columns: 120,
      rows: 40,
      cwd: repoRoot,
    });
    await tty.waitFor(hasPanes(['approval']), 15_000, 'the approval pane');
    const paused = await tty.waitFor(
      (text) => text.includes('WAITING (human input)') && text.includes('waiting: paused'),
      15_000,
      'the pause',
    );
    // Held for the form: nothing is retried or counted as a reconnect.
    expect(paused).not.toMatch(/retried|RETRY|reconnecting/);
    expect(paused).toContain('0 reconn');
    tty.write('f');
    let screen = await tty.waitFor(
      (text) => text.includes('Human input: Approval') && text.includes('PAUSED chatflow'),
      5_000,
      'the form in the run view',
    );
    expect(screen).toContain('actions: approve (Approve), reject (Reject)');
    tty.write('i');
    await tty.waitFor((text) => text.includes('comment›'), 5_000, 'the comment prompt');
    type(tty, 'ship it');
    tty.write('\r');
    await tty.waitFor((text) => text.includes('action (approve/reject)›'), 5_000, 'the action');
    type(tty, 'approve');
    tty.write('\r');
    screen = await tty.waitFor(
      (text) =>
        text.includes('SUCCEEDED chatflow') &&
        /Approval human-input succeeded/.test(text) &&
        /Answer answer succeeded/.test(text),
      20_000,
      'the resumed run, finished in the same pane',
    );
    expect(screen).not.toContain('Human input: Approval');
    for (const line of screen.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(120);
    tty.write('q');
    const end = await tty.waitFor((text) => text.includes('exit='), 10_000, 'the exit');
    expect(end).toContain('exit=0');
  });

  it('shows that a stubborn stop did not stop the run (60x20, LANG=C)', async () => {
    const tty = pty.spawn('/bin/sh', cliThenReport(['-p', 'dify-run', '--stream', 'stubborn']), {
      columns: 60,
      rows: 20,
      cwd: repoRoot,
      env: {LANG: 'C', LC_ALL: 'C'},
    });
    await tty.waitFor((text) => text.includes('1 stubborn'), 15_000, 'the stubborn pane');
    tty.write('f');
    await tty.waitFor((text) => text.includes('RUNNING chatflow'), 10_000, 'the running run');
    tty.write('x');
    await tty.waitFor(
      (text) => text.includes('still running after stop'),
      10_000,
      'the stop check',
    );
    const screen = await tty.waitFor(
      (text) => text.includes('stop did not stop the run'),
      30_000,
      'the run finishing despite the stop',
    );
    expect(screen).toContain('SUCCEEDED chatflow');
    expect(screen).not.toMatch(/[‖⚑·…]/);
    tty.write('q');
    await tty.waitFor((text) => text.includes('exit='), 10_000, 'the exit');
  });
});
