import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliThenReport} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import {DEMO_STREAMS, hasPanes, titleRow} from './helpers/screen.js';

const pty = setupPtyFixture();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-record-key-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

const flakyReconnected = (text: string) =>
  /[1-9]\d* reconn/.test(text.split('\n')[titleRow(text, 'flaky') + 1] ?? '');

describe('the dashboard record key', () => {
  it('o records every pane to a file named on screen; the file replays at --speed 4 with the panes, the reconnect and the answer', async () => {
    const live = pty.spawn('/bin/sh', cliThenReport(['-p', 'demo']), {
      columns: 120,
      rows: 40,
      cwd: dir,
    });
    await live.waitFor(hasPanes(DEMO_STREAMS), 15_000, 'the demo panes');
    live.write('o');
    const started = await live.waitFor(
      (text) => text.includes('recording all panes to'),
      5_000,
      'the start confirmation',
    );
    expect(started).toContain(join(dir, 'ssedeck-recording-all-'));
    await live.waitFor((text) => /● REC \d/.test(text), 10_000, 'REC and its size in the key bar');
    // The flaky stream drops after 20 ticks of 250 ms; the Dify answer ends well before.
    await live.waitFor(flakyReconnected, 20_000, 'the flaky reconnect');
    live.write('o');
    await live.waitFor(
      (text) => /recording stopped: .*ssedeck-recording-all-.*\(\d/.test(text),
      5_000,
      'the stop confirmation',
    );
    live.write('q');
    expect(await live.waitFor((text) => /exit=\d+/.test(text), 8_000, 'exit')).toContain('exit=0');

    const files = (await readdir(dir)).filter((name) => name.startsWith('ssedeck-recording-all-'));
    expect(files).toHaveLength(1);
    const file = join(dir, files[0] ?? '');
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^\{"type":"recording","format":1,/);
    expect(text).toContain('"state":"reconnecting"');

    const replay = pty.spawn('/bin/sh', cliThenReport(['replay', file, '--speed', '4']), {
      columns: 120,
      rows: 40,
      cwd: dir,
    });
    await replay.waitFor(hasPanes(DEMO_STREAMS), 15_000, 'the recorded panes');
    await replay.waitFor(flakyReconnected, 15_000, 'the replayed reconnect');
    replay.write('4');
    await replay.waitFor((text) => /━ 4 dify-chatflow /.test(text), 5_000, 'dify-chatflow focused');
    replay.write('a');
    replay.write('\r');
    await replay.waitFor(
      (screen) => screen.includes('谢谢！') && screen.includes('下面是一段中文回答'),
      15_000,
      'the joined Dify answer',
    );
    replay.write('q');
    expect(await replay.waitFor((screen) => /exit=\d+/.test(screen), 8_000, 'exit')).toContain(
      'exit=0',
    );
  }, 90_000);
});
