import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import {DEMO_STREAMS, hasPanes, titleRow} from './helpers/screen.js';

const pty = setupPtyFixture();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-replay-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('replay in the dashboard', () => {
  it('shows the recorded demo panes, the flaky reconnect and the joined Dify answer at --speed 4', async () => {
    const file = join(dir, 'demo.ndjson');
    // Long enough for the flaky stream's first drop (after 20 ticks of 250 ms).
    const recorded = await runCli([
      '-p',
      'demo',
      '--json',
      '--max-duration',
      '7',
      '--record',
      file,
    ]);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('"state":"reconnecting"');

    const tty = pty.spawn('/bin/sh', cliThenReport(['replay', file, '--speed', '4']), {
      columns: 120,
      rows: 40,
      cwd: repoRoot,
    });
    await tty.waitFor(hasPanes(DEMO_STREAMS), 15_000, 'the recorded panes');
    await tty.waitFor(
      (text) => /[1-9]\d* reconn/.test(text.split('\n')[titleRow(text, 'flaky') + 1] ?? ''),
      15_000,
      'the flaky reconnect counted',
    );
    tty.write('4');
    await tty.waitFor((text) => /━ 4 dify-chatflow /.test(text), 5_000, 'dify-chatflow focused');
    tty.write('a');
    tty.write('\r');
    const screen = await tty.waitFor(
      (text) => text.includes('谢谢！') && text.includes('下面是一段中文回答'),
      15_000,
      'the joined Dify answer',
    );
    expect(screen).not.toContain('"event"');
    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 8_000, 'the exit code');
    expect(after).toContain('exit=0');
    expect(tty.isAlternate()).toBe(false);
  }, 60_000);
});
