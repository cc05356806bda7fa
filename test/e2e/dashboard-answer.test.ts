import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {cliThenReport, repoRoot} from './helpers/built-cli.js';
import {setupPtyFixture} from './helpers/pty-fixture.js';
import type {PtyScreen} from './helpers/pty-terminal.js';
import {DEMO_STREAMS, hasPanes, occurrences, titleRow} from './helpers/screen.js';

const pty = setupPtyFixture();

const COLUMNS = 120;
const ROWS = 40;

/** The pinned status line of the zoomed answer view: the row above the footer. */
const statusRow = (screen: string): string => screen.split('\n').at(-3) ?? '';

function type(tty: PtyScreen, text: string): void {
  for (const character of text) tty.write(character);
}

describe('answer view in a real terminal', () => {
  it('joins the Dify answer, sends follow-ups with i, keeps history, and stops a long run with x', async () => {
    const tty = pty.spawn('/bin/sh', cliThenReport([]), {
      columns: COLUMNS,
      rows: ROWS,
      cwd: repoRoot,
    });
    await tty.waitFor(hasPanes(DEMO_STREAMS), 15_000, 'the demo panes');

    // Focus the Dify pane, switch every pane to the answer view, zoom.
    tty.write('4');
    await tty.waitFor((text) => /━ 4 dify-chatflow /.test(text), 5_000, 'dify-chatflow focused');
    tty.write('a');
    await tty.waitFor(
      (text) => (text.split('\n')[titleRow(text, 'dify-chatflow')] ?? '').includes(' answer '),
      5_000,
      'the answer view',
    );
    tty.write('\r');
    let screen = await tty.waitFor(
      (text) =>
        text.includes('下面是一段中文回答，用来检验多字节 UTF-8') &&
        text.includes('谢谢！') &&
        /^ done · .*TTFT/.test(statusRow(text)),
      20_000,
      'the joined first answer and a done status line',
    );
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^━ 4 dify-chatflow .* answer/);
    expect(screen).toContain('› What is SSE? 用中文回答一句。');
    expect(screen).toContain('You asked: "What is SSE? 用中文回答一句。"');
    // The events view's JSON is nowhere: this is the answer only.
    expect(screen).not.toContain('"event"');
    expect(statusRow(screen)).toMatch(/tokens/);
    expect(lines).toHaveLength(ROWS);
    expect(lines[ROWS - 1]).toBe('');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(COLUMNS);

    // A follow-up in the same conversation; the first answer stays above it.
    tty.write('i');
    await tty.waitFor((text) => text.includes('Enter send · Esc cancel'), 5_000, 'the input line');
    type(tty, 'and in one word?');
    await tty.waitFor(
      (text) => text.includes('› and in one word?   Enter send'),
      5_000,
      'the typed question',
    );
    tty.write('\r');
    screen = await tty.waitFor(
      (text) =>
        text.includes('This is turn 2 of our conversation') &&
        occurrences(text, '谢谢！') === 2 &&
        /^ done · /.test(statusRow(text)),
      20_000,
      'the second answer, done',
    );
    expect(screen).toContain('› What is SSE? 用中文回答一句。');
    expect(screen).toContain('Here is a streamed reply from the ssedeck demo');
    expect(screen).toContain('› and in one word?');
    expect(screen.indexOf('› What is SSE?')).toBeLessThan(screen.indexOf('› and in one word?'));
    expect(screen).not.toContain('Enter send · Esc cancel');

    // A long run, stopped with x through Dify's stop endpoint; the stream reads to its end.
    tty.write('i');
    await tty.waitFor((text) => text.includes('Enter send · Esc cancel'), 5_000, 'the input line');
    type(tty, 'tell me a long story');
    tty.write('\r');
    await tty.waitFor(
      (text) => text.includes('Paragraph 1:') && !/^ (done|stopped)/.test(statusRow(text)),
      20_000,
      'the long answer streaming',
    );
    tty.write('x');
    screen = await tty.waitFor(
      (text) => /^ stopped\b/.test(statusRow(text)),
      15_000,
      'the stopped status line',
    );
    expect(screen).toContain('› tell me a long story');
    expect(screen).not.toContain('Paragraph 20:');
    await tty.waitFor(
      (text) => /stop requested for task [0-9a-f-]{36}/.test(text),
      5_000,
      "the stop endpoint's answer in the footer",
    );
    await tty.waitFor(
      (text) => /CLOSED \(stream ended\)/.test(text.split('\n')[0] ?? ''),
      10_000,
      'the stream read to its end',
    );

    tty.write('q');
    const after = await tty.waitFor((text) => /exit=\d+/.test(text), 10_000, 'the exit code');
    expect(after).toContain('exit=0');
  }, 90_000);
});
