import {ASCII_SPARK_LEVELS, SPARK_LEVELS} from './sparkline.js';
import {createContext} from 'react';
import {ELLIPSIS, NEWLINE_MARK} from '../core/display-text.js';
import type {ConnectionInfo} from '../core/store/types.js';

/**
 * Colors in one place so NO_COLOR (https://no-color.org) switches all of them
 * off: with it, components keep bold/dim/inverse and the text says the rest.
 */
export type Tone = ConnectionInfo['kind'] | 'paused' | 'insecure';

export type Theme = {
  readonly color: boolean;
  readonly tone: (tone: Tone) => string | undefined;
  /** A stable color per event type. */
  readonly eventType: (type: string) => string | undefined;
  readonly accent: string | undefined;
  readonly warn: string | undefined;
  readonly error: string | undefined;
  readonly muted: string | undefined;
  /** Glyphs that have ASCII stand-ins in a non-UTF-8 locale (LANG=C). */
  readonly glyphs: Glyphs;
};

/**
 * Every symbol the dashboard draws that is not plain ASCII, so a non-UTF-8
 * locale gets a whole ASCII screen. Server text is drawn as sent.
 */
export type Glyphs = {
  /** The focused pane's title rule and the others'. */
  readonly ruleFocused: string;
  readonly rule: string;
  /** Between the parts of a row: counters, key hints, headers ("a · b"). */
  readonly separator: string;
  /** Before a notice row ("· connected: ..."). */
  readonly bullet: string;
  /** Where text was cut to fit. */
  readonly ellipsis: string;
  /** A line break inside a one-row view of multi-line data. */
  readonly newline: string;
  /** Before a question and the follow-up input line ("› What is SSE?"). */
  readonly prompt: string;
  readonly up: string;
  readonly down: string;
  readonly left: string;
  readonly right: string;
  /** Sparkline bar heights, lowest (none) first. */
  readonly spark: string;
  /** The pane title's marker when the stream has diagnostics findings. */
  readonly finding: string;
  /** Before REC in the key bar while the dashboard records. */
  readonly recording: string;
};

export const unicodeGlyphs: Glyphs = {
  ruleFocused: '━',
  rule: '─',
  separator: '·',
  bullet: '·',
  ellipsis: ELLIPSIS,
  newline: NEWLINE_MARK,
  prompt: '›',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  spark: SPARK_LEVELS,
  finding: '⚑',
  recording: '●',
};

export const asciiGlyphs: Glyphs = {
  ruleFocused: '=',
  rule: '-',
  separator: '|',
  bullet: '-',
  ellipsis: '...',
  newline: '\\n',
  prompt: '>',
  up: '^',
  down: 'v',
  left: '<',
  right: '>',
  spark: ASCII_SPARK_LEVELS,
  finding: '!',
  recording: '*',
};

/** The marks core puts into text it composes (compactText, " · " between parts, ranges "41→57", "1–5"). */
const coreMarks = /[…⏎·→–]/g;
const asciiMark = (mark: string, glyphs: Glyphs): string => {
  switch (mark) {
    case ELLIPSIS:
      return glyphs.ellipsis;
    case NEWLINE_MARK:
      return glyphs.newline;
    case '→':
      return '->';
    case '–':
      return '-';
    default:
      return glyphs.separator;
  }
};

/**
 * Text composed outside the UI (store rows, badges, error messages) with the
 * Unicode marks of core (⏎ and … from compactText, " · " between parts, the
 * … of a cut response body) in `glyphs`. In ASCII mode every such character
 * is replaced, also one a server sent: the store keeps a single form, and a
 * terminal in a non-UTF-8 locale could not show it anyway.
 */
export function localizeMarks(text: string, glyphs: Glyphs): string {
  if (glyphs.ellipsis === ELLIPSIS) return text;
  return text.replace(coreMarks, (mark) => asciiMark(mark, glyphs));
}

export {utf8FromEnv} from '../core/locale.js';

const toneColors: Readonly<Record<Tone, string>> = {
  idle: 'gray',
  connecting: 'yellow',
  open: 'green',
  retry: 'yellow',
  waiting: 'cyan',
  closed: 'gray',
  failed: 'red',
  paused: 'blue',
  insecure: 'yellow',
};

// No red: red means errors here.
const typePalette = [
  'cyan',
  'magenta',
  'green',
  'yellow',
  'blue',
  'cyanBright',
  'magentaBright',
  'greenBright',
  'yellowBright',
  'blueBright',
] as const;

/** FNV-1a: the same type gets the same color in every pane and every run. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function eventTypeColor(type: string): string {
  return typePalette[hashText(type) % typePalette.length] ?? 'cyan';
}

export function createTheme(color: boolean, ascii = false): Theme {
  const pick = (value: string): string | undefined => (color ? value : undefined);
  return {
    color,
    tone: (tone) => pick(toneColors[tone]),
    eventType: (type) => pick(eventTypeColor(type)),
    accent: pick('cyan'),
    warn: pick('yellow'),
    error: pick('red'),
    muted: pick('gray'),
    glyphs: ascii ? asciiGlyphs : unicodeGlyphs,
  };
}

/** NO_COLOR set to anything but "" turns colors off. */
export function colorFromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  const noColor = env['NO_COLOR'];
  return noColor === undefined || noColor === '';
}

export const ThemeContext = createContext<Theme>(createTheme(true));
