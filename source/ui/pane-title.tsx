import {memo} from 'react';
import type {ConnectionInfo} from '../core/store/types.js';
import {sanitize} from '../core/sanitize.js';
import {badgeText, pausedText} from './badge.js';
import {useTheme} from './hooks/use-theme.js';
import {Line, padSegments, type Segment} from './line.js';

export type FilterInfo = {
  readonly text: string;
  readonly matches: number | undefined;
  readonly error: string | undefined;
  readonly editing: boolean;
};

type PaneTitleProps = {
  readonly index: number;
  readonly name: string;
  readonly focused: boolean;
  readonly width: number;
  readonly connection: ConnectionInfo;
  readonly now: number;
  readonly paused: boolean;
  readonly pausedArrivals: number;
  readonly filter: FilterInfo;
  /** TLS certificate checks are off: a warning badge. */
  readonly insecure: boolean;
  /** Extra text after the badges (the zoomed view's position). */
  readonly status: string;
  /** Diagnostics findings of the stream: a marker with their count (D shows them). */
  readonly findings?: number;
};

/** "━ 1 ticker  OPEN  PAUSED (+3)  filter "err": 3 ━━━━" with the focus shown by the rule. */
export const PaneTitle = memo(function PaneTitle(props: PaneTitleProps) {
  const theme = useTheme();
  const {focused, connection, filter} = props;
  const rule = focused ? theme.glyphs.ruleFocused : theme.glyphs.rule;
  const ruleStyle = {color: focused ? theme.accent : theme.muted, bold: focused, dim: !focused};
  const badge = (text: string, tone: Parameters<typeof theme.tone>[0]): Segment => ({
    text: ` ${text} `,
    backgroundColor: theme.tone(tone),
    color: theme.color ? 'black' : undefined,
    inverse: !theme.color,
    bold: true,
  });
  const segments: Segment[] = [
    {text: `${rule} `, ...ruleStyle},
    {text: `${props.index + 1} `, color: theme.muted},
    {text: sanitize(props.name), bold: true, color: focused ? theme.accent : undefined},
    {text: ' '},
    badge(badgeText(connection, props.now, theme.glyphs), connection.kind),
  ];
  if (props.insecure) segments.push({text: ' '}, badge('INSECURE', 'insecure'));
  const findings = props.findings ?? 0;
  if (findings > 0) {
    const marker = `${theme.glyphs.finding}${findings > 1 ? findings : ''}`;
    segments.push({text: ` ${marker}`, color: theme.warn, bold: true});
  }
  if (props.paused) segments.push({text: ' '}, badge(pausedText(props.pausedArrivals), 'paused'));
  if (filter.text !== '' || filter.editing) {
    const count =
      filter.error !== undefined
        ? ` (bad regex: ${filter.error})`
        : filter.matches === undefined
          ? ''
          : `: ${filter.matches} ${filter.matches === 1 ? 'match' : 'matches'}`;
    segments.push({
      text: ` filter "${sanitize(filter.text)}"${count}`,
      color: filter.error === undefined ? theme.warn : theme.error,
    });
  }
  if (props.status !== '') segments.push({text: ` ${props.status}`, color: theme.muted});
  segments.push({text: ' '});
  return (
    <Line
      segments={padSegments(segments, props.width, {char: rule, ...ruleStyle})}
      width={props.width}
    />
  );
});
