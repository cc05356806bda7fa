import {mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {startDemoServer} from '../../source/demo/server.js';
import {cliThenReport} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import {hasPanes, titleRow} from './helpers/screen.js';

/** L and --watch in a real terminal: the profile file is edited on disk, the panes follow. */

const pty = setupPtyFixture();
const footerRow = (screen: string): string => screen.split('\n').at(-2) ?? '';

let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, {recursive: true, force: true});
  dir = '';
});

function profile(names: readonly string[]): string {
  const streams = names.map((name) => `  - name: ${name}\n    url: \${DEMO}/ticker?pane=${name}\n`);
  return `name: p\nstreams:\n${streams.join('')}`;
}

async function start(args: readonly string[]) {
  const demo = pty.closeAfter(await startDemoServer({timeScale: 0.05}));
  dir = mkdtempSync(join(tmpdir(), 'ssedeck-reload-e2e-'));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, profile(['alpha', 'beta']));
  // DEMO comes from the profile's .env.
  writeFileSync(join(dir, '.env'), `DEMO=${demo.url}\n`);
  const tty = pty.spawn('/bin/sh', cliThenReport(['-p', './p.yaml', ...args]), {
    columns: 120,
    rows: 40,
    cwd: dir,
  });
  await tty.waitFor(hasPanes(['alpha', 'beta']), 15_000, 'the two panes');
  return {tty, file};
}

describe('reloading profiles in a real terminal', () => {
  it('L after editing the file: the new pane appears, the removed one goes, a broken file shows its errors', async () => {
    const {tty, file} = await start([]);
    writeFileSync(file, profile(['alpha', 'gamma']));
    tty.write('L');
    let screen = await tty.waitFor(
      (text) => titleRow(text, 'gamma') >= 0 && titleRow(text, 'beta') < 0,
      10_000,
      'gamma in place of beta',
    );
    expect(footerRow(screen)).toContain('reloaded: 1 added, 1 removed');

    writeFileSync(file, 'name: p\nstreams:\n  - name: alpha\n    url: ${NOT_SET_HERE}/x\n');
    tty.write('L');
    screen = await tty.waitFor((text) => text.includes('reload failed'), 10_000, 'the overlay');
    expect(screen).toMatch(/p\.yaml:4:\d+: streams\[0\]\.url: variable NOT_SET_HERE is not set/);
    tty.write('x');
    screen = await tty.waitFor(hasPanes(['alpha', 'gamma']), 10_000, 'the panes again');

    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 10_000, 'the exit code');
    expect(after).toContain('exit=0');
    // The summaries name the streams running at the end.
    expect(after).toMatch(/gamma\s+stopped/);
    expect(after).not.toMatch(/beta\s+stopped/);
  });

  it('--watch reloads on its own when an editor replaces the file', async () => {
    const {tty, file} = await start(['--watch']);
    // Saved the way many editors do: a new file renamed over the old one.
    writeFileSync(`${file}.swp`, profile(['alpha', 'beta', 'delta']));
    renameSync(`${file}.swp`, file);
    const screen = await tty.waitFor(
      (text) => titleRow(text, 'delta') >= 0,
      10_000,
      'the pane the watch added',
    );
    expect(footerRow(screen)).toContain('reloaded: 1 added');
    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 10_000, 'the exit code');
    expect(after).toContain('exit=0');
  });
});
