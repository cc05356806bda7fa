import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cliThenReport} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import type {PtyScreen} from './helpers/pty-terminal.js';
import {DEMO_STREAMS, occurrences, titleRow} from './helpers/screen.js';

const pty = setupPtyFixture();

const COLUMNS = 120;
const ROWS = 40;

/** The zoomed answer view's status line: the row above the footer. */
const statusRow = (screen: string): string => screen.split('\n').at(-3) ?? '';
const footerRow = (screen: string): string => screen.split('\n').at(-2) ?? '';
const titleOf = (screen: string, name: string): string =>
  screen.split('\n')[titleRow(screen, name)] ?? '';

function type(tty: PtyScreen, text: string): void {
  for (const character of text) tty.write(character);
}

/** The text of the last OSC 52 sequence the program wrote. */
function lastClipboard(raw: string): string | undefined {
  const osc52 = new RegExp(
    `${String.fromCodePoint(0x1b)}\\]52;c;([A-Za-z\\d+/=]*)${String.fromCodePoint(7)}`,
    'g',
  );
  const matches = [...raw.matchAll(osc52)];
  const payload = matches.at(-1)?.[1];
  return payload === undefined ? undefined : Buffer.from(payload, 'base64').toString('utf8');
}

let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, {recursive: true, force: true});
  dir = '';
});

describe('the daily driver in a real terminal', () => {
  it('starts READY, sends on Enter, copies with OSC 52, stops keeping the partial answer, starts a new conversation, writes the transcript and asks before R', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssedeck-daily-'));
    const tty = pty.spawn('/bin/sh', cliThenReport(['--no-autostart']), {
      columns: COLUMNS,
      rows: ROWS,
      cwd: dir,
    });
    let screen = await tty.waitFor(
      (text) => DEMO_STREAMS.every((name) => / READY /.test(titleOf(text, name))),
      15_000,
      'every pane READY',
    );
    // The request each pane would send: method, URL and question; nothing was sent.
    expect(screen).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    expect(screen).toContain('› Explain Server-Sent Events in two sentences.');
    expect(screen).not.toContain('sk-ssedeck-demo');
    expect(screen).toContain('Enter or r sends:');

    // Enter on the READY openai pane sends it (and does not zoom).
    tty.write('5');
    tty.write('\r');
    await tty.waitFor(
      (text) => /CLOSED \(stream ended\)/.test(titleOf(text, 'openai')),
      20_000,
      'the openai answer sent and ended',
    );
    expect(/ READY /.test(titleOf(tty.screenText(), 'ticker'))).toBe(true);

    // Y in the answer view copies the answer (OSC 52 bytes on the pty).
    tty.write('A');
    tty.write('Y');
    await tty.waitFor(
      (text) => footerRow(text).includes('copied the answer of openai (OSC 52)'),
      5_000,
      'the copy confirmation',
    );
    expect(lastClipboard(tty.output())).toContain(
      'You asked: "Explain Server-Sent Events in two sentences."',
    );

    // A follow-up, stopped with x mid-answer: the partial answer stays, marked stopped.
    tty.write('z');
    tty.write('i');
    await tty.waitFor((text) => text.includes('Enter send · Esc cancel'), 5_000, 'the input');
    type(tty, 'stop here');
    tty.write('\r');
    await tty.waitFor(
      (text) => text.includes('This is turn 2 of our conversation'),
      20_000,
      'the follow-up streaming',
    );
    tty.write('x');
    screen = await tty.waitFor(
      (text) => /^ stopped\b/.test(statusRow(text)),
      10_000,
      'the stopped status line',
    );
    expect(screen).toContain('› stop here');
    expect(occurrences(screen, '谢谢！')).toBe(1);

    // n: a new conversation below a separator; the old transcript stays above.
    tty.write('n');
    await tty.waitFor(
      (text) => footerRow(text).includes('new conversation with openai'),
      5_000,
      'the new-conversation input',
    );
    type(tty, 'fresh one');
    tty.write('\r');
    screen = await tty.waitFor(
      (text) =>
        text.includes('You asked: "fresh one". Here is a streamed reply') &&
        /^ done · /.test(statusRow(text)),
      20_000,
      'the new conversation answered',
    );
    expect(screen).toMatch(/─+ new conversation ─+/);
    expect(screen.indexOf('› stop here')).toBeLessThan(screen.indexOf('new conversation'));
    expect(screen).toContain('(stopped)');

    // w: the transcript as Markdown next to the exports.
    tty.write('w');
    screen = await tty.waitFor(
      (text) => /wrote the transcript of openai to /.test(footerRow(text)),
      5_000,
      'the transcript confirmation',
    );
    const path = /to (\S+\.md)/.exec(footerRow(screen))?.[1] ?? '';
    expect(path.startsWith(dir)).toBe(true);
    const markdown = readFileSync(path, 'utf8');
    expect(markdown).toContain('# ssedeck transcript: openai');
    expect(markdown).toContain('**Question:** Explain Server-Sent Events in two sentences.');
    expect(markdown).toContain('**Question:** stop here');
    expect(markdown).toMatch(/\*\*Stopped\*\*: stopped: the answer is partial \(\d+ characters\)/);
    expect(markdown).toContain('_New conversation._');
    expect(markdown).toMatch(/- Ids: id `chatcmpl-[0-9a-f]+`/);
    expect(markdown).toMatch(/- Usage and timings: .*TTFT/);
    expect(markdown).not.toContain('sk-ssedeck-demo');

    // R asks before re-sending the two POST streams; n declines.
    tty.write('R');
    await tty.waitFor(
      (text) => footerRow(text).includes('re-send 2 POST requests? y/n'),
      5_000,
      'the R confirmation',
    );
    tty.write('n');
    await tty.waitFor((text) => footerRow(text).includes('not re-sent'), 5_000, 'declined');
    expect(/ READY /.test(titleOf(tty.screenText(), 'dify-chatflow'))).toBe(false);

    // Quitting mid-answer: the summary says the answer was stopped, partial.
    tty.write('i');
    type(tty, 'quit now');
    tty.write('\r');
    await tty.waitFor(
      (text) => text.includes('You asked: "quit now"'),
      20_000,
      'the last answer streaming',
    );
    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 20_000, 'the exit code');
    expect(after).toMatch(
      /openai +run 4: stopped: .* · stopped: the answer is partial \(\d+ characters\)/,
    );
    expect(after).toContain('exit=0');
  }, 120_000);
});
