import type {Key} from 'ink';
import {editOp} from './edit-keys.js';
import type {EditOp} from './state/line-editor.js';
import type {Direction} from './state/ui-actions.js';
import type {InputMode} from './state/ui-state.js';
import {unicodeGlyphs, type Glyphs} from './theme.js';

/** What a key asks for; hooks/use-key-handler.ts carries it out. */
export type Command =
  | {readonly type: 'quit'}
  | {readonly type: 'interrupt'}
  | {readonly type: 'focus-next'}
  | {readonly type: 'focus-previous'}
  | {readonly type: 'focus-index'; readonly index: number}
  | {readonly type: 'focus-move'; readonly direction: Direction}
  | {readonly type: 'zoom'}
  | {readonly type: 'zoom-toggle'}
  | {readonly type: 'back'}
  | {readonly type: 'pause'}
  | {readonly type: 'reconnect'}
  | {readonly type: 'reconnect-all'}
  | {readonly type: 'toggle-run'}
  | {readonly type: 'clear'}
  | {readonly type: 'filter'}
  | {readonly type: 'timestamps'}
  | {readonly type: 'details'}
  | {readonly type: 'diagnostics'}
  | {readonly type: 'copy-curl'}
  | {readonly type: 'pretty'}
  | {readonly type: 'export'}
  | {readonly type: 'record'; readonly scope: 'all' | 'focused'}
  | {readonly type: 'help'}
  | {readonly type: 'scroll'; readonly unit: 'line' | 'page'; readonly delta: 1 | -1}
  | {readonly type: 'scroll-top'}
  | {readonly type: 'scroll-bottom'}
  | {readonly type: 'edit'; readonly op: EditOp}
  | {readonly type: 'suspend'}
  | {readonly type: 'filter-commit'}
  | {readonly type: 'filter-cancel'}
  | {readonly type: 'answer-view-all'}
  | {readonly type: 'answer-view-toggle'}
  | {readonly type: 'reasoning'}
  | {readonly type: 'answer-input'}
  | {readonly type: 'answer-new'}
  | {readonly type: 'answer-stop'}
  | {readonly type: 'answer-send'}
  | {readonly type: 'answer-cancel'}
  | {readonly type: 'run-view-toggle'}
  | {readonly type: 'run-reattach'}
  | {readonly type: 'copy'}
  | {readonly type: 'transcript'}
  | {readonly type: 'reload'}
  | {readonly type: 'confirm-yes'}
  | {readonly type: 'confirm-no'};

/**
 * How far a scroll command moves a view that shows `page` rows: lines or
 * pages, or to either end (as an infinite delta the reducer clamps).
 */
export function scrollDelta(command: Command, page: number): number {
  if (command.type === 'scroll') return command.delta * (command.unit === 'page' ? page : 1);
  return command.type === 'scroll-top' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

export type KeyHelp = {readonly keys: string; readonly action: string};

/** The one keymap, as the help overlay and the README show it; arrows in `glyphs`. */
export function keyHelp(glyphs: Glyphs = unicodeGlyphs): readonly KeyHelp[] {
  const {up, down, left, right} = glyphs;
  return [
    {keys: 'Tab / Shift-Tab', action: 'focus the next / previous pane'},
    {
      keys: 'arrows, 1-9',
      action: `focus a pane (in the zoomed view: ${left}/${right} switch stream)`,
    },
    {
      keys: 'Enter or z',
      action: 'zoom the focused pane (z again or Esc: back); Enter on a READY pane sends it',
    },
    {
      keys: 'j/k PgUp/PgDn g/G',
      action: `zoomed: scroll by line (also ${up}/${down}) / page, g oldest, G follow newest`,
    },
    {
      keys: 'y / e / w',
      action: 'pretty-print event (JSON) / export buffer to NDJSON / write transcript (Markdown)',
    },
    {keys: 'o / O', action: 'record all panes / the focused pane to a file (the key again stops)'},
    {
      keys: 'p / s',
      action: 'pause / resume the display (the stream keeps running) / stop / start it',
    },
    {
      keys: 'r / R / L',
      action: 'reconnect (READY: send) focused / all (asks before POSTs) / reload profiles',
    },
    {keys: 'c', action: "clear the focused pane's buffer and earlier answers"},
    {keys: '/', action: 'filter: text, or /regex/ (Enter apply, Esc cancel, empty clears)'},
    {keys: 't / d', action: 'show / hide timestamps / (zoomed) the response status and headers'},
    {
      keys: 'D / C',
      action: 'details: findings, request, timings, reconnects (j/k scroll) / copy request as curl',
    },
    {
      keys: 'a / A / h',
      action: 'answer view (LLM streams): all panes / the focused pane / show the reasoning',
    },
    {
      keys: 'i / n / x',
      action: 'chat: follow-up / new conversation (Enter send, Esc cancel) / stop the answer',
    },
    {
      keys: 'Y',
      action: 'copy answer / event data (OSC 52: over SSH too; tmux: set -g set-clipboard on)',
    },
    {keys: 'f / u', action: 'Dify run view: nodes, checks, form (i) / re-attach'},
    {keys: 'Esc / ?', action: 'back (close pretty view, help, filter input, zoom) / this help'},
    {keys: 'q or Ctrl-C', action: 'quit (Ctrl-Z: suspend to the shell, fg resumes)'},
    {
      keys: 'in / and i input',
      action: `${left}/${right} Home/End ^A/^E ^W ^U/^K edit, ${up}/${down} history, paste`,
    },
  ];
}

function editCommand(input: string, key: Key): Command | undefined {
  const op = editOp(input, key);
  return op ? {type: 'edit', op} : undefined;
}

function filterCommand(input: string, key: Key): Command | undefined {
  if (key.return) return {type: 'filter-commit'};
  if (key.escape) return {type: 'filter-cancel'};
  return editCommand(input, key);
}

function answerInputCommand(input: string, key: Key): Command | undefined {
  if (key.return) return {type: 'answer-send'};
  if (key.escape) return {type: 'answer-cancel'};
  return editCommand(input, key);
}

function scrollCommand(input: string, key: Key): Command | undefined {
  if (key.upArrow || input === 'k') return {type: 'scroll', unit: 'line', delta: -1};
  if (key.downArrow || input === 'j') return {type: 'scroll', unit: 'line', delta: 1};
  if (key.pageUp) return {type: 'scroll', unit: 'page', delta: -1};
  if (key.pageDown || input === ' ') return {type: 'scroll', unit: 'page', delta: 1};
  if (key.home || input === 'g') return {type: 'scroll-top'};
  if (key.end || input === 'G') return {type: 'scroll-bottom'};
  return undefined;
}

const letters = new Map<string, Command>(
  Object.entries({
    q: {type: 'quit'},
    z: {type: 'zoom-toggle'},
    p: {type: 'pause'},
    r: {type: 'reconnect'},
    R: {type: 'reconnect-all'},
    L: {type: 'reload'},
    s: {type: 'toggle-run'},
    c: {type: 'clear'},
    '/': {type: 'filter'},
    t: {type: 'timestamps'},
    d: {type: 'details'},
    D: {type: 'diagnostics'},
    C: {type: 'copy-curl'},
    y: {type: 'pretty'},
    e: {type: 'export'},
    o: {type: 'record', scope: 'all'},
    O: {type: 'record', scope: 'focused'},
    a: {type: 'answer-view-all'},
    A: {type: 'answer-view-toggle'},
    h: {type: 'reasoning'},
    i: {type: 'answer-input'},
    n: {type: 'answer-new'},
    x: {type: 'answer-stop'},
    f: {type: 'run-view-toggle'},
    u: {type: 'run-reattach'},
    Y: {type: 'copy'},
    w: {type: 'transcript'},
    '?': {type: 'help'},
  } satisfies Record<string, Command>),
);

const controlKeys: Readonly<Record<string, Partial<Key>>> = {
  '\r': {return: true},
  '\n': {return: true},
  '\t': {tab: true},
  '\b': {backspace: true},
  '\u007F': {backspace: true},
};

// The Backspace key (DEL, Alt-Backspace ESC DEL): Ink 6.8 reports it as
// `delete`, like the Delete key (ESC [3~); only the raw token tells them apart.
const backspaceTokens = new Set(['\u007F', '\u001B\u007F']);

/** A control character typed among other characters: Ctrl plus its letter. */
function controlPress(character: string, key: Key): {input: string; key: Key} | undefined {
  const control = controlKeys[character];
  if (control) return {input: '', key: {...key, ...control}};
  const code = character.codePointAt(0) ?? 0;
  if (code < 1 || code > 26) return undefined;
  return {input: String.fromCodePoint(code + 96), key: {...key, ctrl: true, shift: false}};
}

/**
 * The key presses in one read. Ink hands over several characters at once when
 * they arrive together (typing fast, key repeat while busy, a paste); each is
 * its own press, so "jjj" scrolls three lines and "2\r" focuses and zooms.
 */
export function keyPresses(input: string, key: Key, token = input): {input: string; key: Key}[] {
  if (key.delete && backspaceTokens.has(token)) {
    return [{input, key: {...key, delete: false, backspace: true}}];
  }
  const characters = Array.from(input);
  if (characters.length <= 1) return [{input, key}];
  return characters.map(
    (character) =>
      controlPress(character, key) ?? {
        input: character,
        key: {...key, shift: /^[A-Z]$/.test(character)},
      },
  );
}

/** In the help overlay the scroll keys scroll it; every other key closes it (q too). */
function helpCommand(input: string, key: Key): Command {
  return scrollCommand(input, key) ?? {type: 'back'};
}

/** The command for a key press in `mode`, if the key means anything there. */
export function commandFor(input: string, key: Key, mode: InputMode): Command | undefined {
  if (key.ctrl && input === 'c') return {type: 'interrupt'};
  if (key.ctrl && input === 'z') return {type: 'suspend'};
  if (mode === 'confirm') {
    return input === 'y' || input === 'Y' ? {type: 'confirm-yes'} : {type: 'confirm-no'};
  }
  // The reload errors overlay: any key closes it.
  if (mode === 'reload-errors') return {type: 'back'};
  if (mode === 'answer-input') return answerInputCommand(input, key);
  if (mode === 'filter') return filterCommand(input, key);
  if (mode === 'help') return helpCommand(input, key);
  if (key.escape) return {type: 'back'};
  if (key.tab) return key.shift ? {type: 'focus-previous'} : {type: 'focus-next'};
  if (key.return) return {type: 'zoom'};
  if (/^[1-9]$/.test(input)) return {type: 'focus-index', index: Number(input) - 1};
  if (mode === 'grid') {
    if (key.leftArrow) return {type: 'focus-move', direction: 'left'};
    if (key.rightArrow) return {type: 'focus-move', direction: 'right'};
    if (key.upArrow) return {type: 'focus-move', direction: 'up'};
    if (key.downArrow) return {type: 'focus-move', direction: 'down'};
  } else {
    if (key.leftArrow) return {type: 'focus-previous'};
    if (key.rightArrow) return {type: 'focus-next'};
    const scroll = scrollCommand(input, key);
    if (scroll) return scroll;
  }
  if (key.ctrl || key.meta) return undefined;
  return letters.get(input);
}
