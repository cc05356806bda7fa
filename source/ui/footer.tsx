import {memo} from 'react';
import {displayWidth} from '../core/display-text.js';
import {sanitize} from '../core/sanitize.js';
import type {OverviewSnapshot, StreamStore} from '../core/store/types.js';
import type {RecordingStatus} from './dashboard-recording.js';
import {formatBytes, formatCount} from './format.js';
import {useOverview} from './hooks/use-stream-snapshot.js';
import {useTheme} from './hooks/use-theme.js';
import {inputSegments, inputView} from './input-line.js';
import {clipSegments, Line, type Segment} from './line.js';
import type {AnswerInput, Confirm, FilterEdit, Message} from './state/ui-state.js';
import {localizeMarks, unicodeGlyphs, type Glyphs} from './theme.js';

type Hint = readonly [full: string, short: string];

/** Key hints, most important first; the bar drops them from the end as it narrows. */
const GRID_HINTS: readonly Hint[] = [
  ['Tab focus', 'Tab'],
  ['Enter zoom', 'Enter'],
  ['a answer', 'a'],
  ['p pause', 'p'],
  ['r reconnect', 'r'],
  ['/ filter', '/'],
  ['f run', 'f'],
];
const ZOOM_HINTS: readonly Hint[] = [
  ['Esc back', 'Esc'],
  ['j/k scroll', 'j/k'],
  ['g/G top/follow', 'g/G'],
  ['y pretty', 'y'],
  ['a answer', 'a'],
  ['f run', 'f'],
];
/** Always shown, at any width: the way to learn the rest and the way out. */
const ESSENTIAL = ['? help', 'q quit'] as const;

/** "? help · q quit" with the theme's separator. */
export function essentialHints(glyphs: Glyphs = unicodeGlyphs): string {
  return ESSENTIAL.join(` ${glyphs.separator} `);
}

/**
 * The hints that fit in `width` columns, always ending with "? help · q quit":
 * full forms while they fit, then short forms, dropping the least important first.
 */
export function keyHints(width: number, zoomed: boolean, glyphs: Glyphs = unicodeGlyphs): string {
  const hints = zoomed ? ZOOM_HINTS : GRID_HINTS;
  const sep = ` ${glyphs.separator} `;
  const essential = essentialHints(glyphs);
  const fits = (parts: readonly string[]) => displayWidth([...parts, essential].join(sep)) <= width;
  for (const form of [0, 1] as const) {
    for (let count = hints.length; count > 0; count--) {
      const parts = hints.slice(0, count).map((hint) => hint[form]);
      if (fits(parts)) return [...parts, essential].join(sep);
    }
  }
  return essential;
}

/** The parts of the totals ("3 streams", "2 open", ...), joined by the caller. */
export function totalsParts(overview: OverviewSnapshot): string[] {
  const parts = [
    `${overview.names.length} ${overview.names.length === 1 ? 'stream' : 'streams'}`,
    `${overview.open} open`,
  ];
  if (overview.retrying > 0) parts.push(`${overview.retrying} retrying`);
  if (overview.failed > 0) parts.push(`${overview.failed} failed`);
  parts.push(
    `${formatCount(overview.events)} ev`,
    formatBytes(overview.bytes),
    `${formatCount(overview.reconnects)} reconn`,
  );
  return parts;
}

type FooterProps = {
  readonly store: StreamStore;
  readonly width: number;
  readonly zoomed: boolean;
  readonly filterEdit: FilterEdit | undefined;
  readonly answerInput: AnswerInput | undefined;
  readonly message: Message | undefined;
  /** The open y/n question, shown before anything else. */
  readonly confirm?: Confirm | undefined;
  readonly hidden: number;
  /** The recording being written (o / O), or why it stopped; undefined: none. */
  readonly recordingStatus?: () => RecordingStatus | undefined;
};

/** Key hints and totals; the filter input or a message while there is one. */
export const Footer = memo(function Footer(props: FooterProps) {
  const theme = useTheme();
  const {glyphs} = theme;
  const sep = ` ${glyphs.separator} `;
  const overview = useOverview(props.store);
  const {filterEdit, answerInput, message, confirm} = props;
  let segments: Segment[];
  if (confirm) {
    segments = [
      {text: ` ${localizeMarks(sanitize(confirm.text), glyphs)}`, color: theme.warn, bold: true},
    ];
  } else if (filterEdit) {
    const label = ` filter ${sanitize(filterEdit.name)}: `;
    const room = Math.max(8, props.width - displayWidth(label));
    segments = [
      {text: label, color: theme.accent, bold: true},
      ...inputSegments(inputView(filterEdit, room, glyphs.ellipsis)),
      {text: `  Enter apply${sep}Esc cancel${sep}text or /regex/`, color: theme.muted},
    ];
  } else if (message) {
    segments = [
      {
        text: ` ${localizeMarks(sanitize(message.text), glyphs)}`,
        color: message.level === 'error' ? theme.error : theme.accent,
      },
    ];
  } else if (answerInput?.form) {
    segments = [
      {text: ` human input form of ${sanitize(answerInput.name)}`, color: theme.accent, bold: true},
      {text: `  Enter next${sep}Esc cancel`, color: theme.muted},
    ];
  } else if (answerInput) {
    segments = [
      {
        text: ` ${answerInput.fresh ? 'new conversation with' : 'follow-up to'} ${sanitize(answerInput.name)}`,
        color: theme.accent,
        bold: true,
      },
      {
        text: `${answerInput.fresh ? '' : ' (same conversation)'}  Enter send${sep}Esc cancel`,
        color: theme.muted,
      },
    ];
  } else {
    // The hints get what the totals leave, but never less than the essential ones;
    // the hidden-panes note sits right after the stream counts so it survives a cut.
    const totals = totalsParts(overview);
    const head = ` ${totals.slice(0, 2).join(sep)}`;
    const tail = totals.length > 2 ? `${sep}${totals.slice(2).join(sep)}` : '';
    const hidden = props.hidden > 0 ? `${sep}${props.hidden} more below/above (Tab)` : '';
    const minimum = displayWidth(`  ${essentialHints(glyphs)}`);
    const budget = Math.max(0, props.width - Math.max(minimum, Math.floor(props.width * 0.4)));
    const status = clipSegments(
      [
        {text: head, bold: true},
        {text: hidden, color: theme.warn},
        {text: tail, bold: true},
      ].filter((segment) => segment.text !== ''),
      budget,
      glyphs.ellipsis,
    );
    const recording = props.recordingStatus?.();
    if (recording) {
      const what =
        recording.kind === 'recording'
          ? formatBytes(recording.bytes)
          : `stopped: ${sanitize(recording.reason)}`;
      status.unshift({
        text: ` ${glyphs.recording} REC ${what}${sep.trimEnd()}`,
        color: theme.error,
        bold: true,
      });
    }
    const used = status.reduce((total, segment) => total + displayWidth(segment.text), 0);
    segments = [
      ...status,
      {text: `  ${keyHints(props.width - used - 2, props.zoomed, glyphs)}`, color: theme.muted},
    ];
  }
  return <Line segments={segments} width={props.width} />;
});
