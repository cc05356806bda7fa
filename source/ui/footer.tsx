import {memo} from 'react';
import {displayWidth} from '../core/display-text.js';
import {sanitize} from '../core/sanitize.js';
import type {OverviewSnapshot, StreamStore} from '../core/store/types.js';
import {formatBytes, formatCount} from './format.js';
import {useOverview} from './hooks/use-stream-snapshot.js';
import {useTheme} from './hooks/use-theme.js';
import {inputSegments, inputView} from './input-line.js';
import {Line, type Segment} from './line.js';
import type {AnswerInput, FilterEdit, Message} from './state/ui-state.js';

const GRID_HINTS =
  'Tab focus · Enter zoom · a answer · p pause · r reconnect · / filter · ? help · q quit';
const ZOOM_HINTS = 'j/k scroll · g/G top/follow · y pretty · a answer · Esc back · ? help · q quit';

export function totalsText(overview: OverviewSnapshot): string {
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
  return parts.join(' · ');
}

type FooterProps = {
  readonly store: StreamStore;
  readonly width: number;
  readonly zoomed: boolean;
  readonly filterEdit: FilterEdit | undefined;
  readonly answerInput: AnswerInput | undefined;
  readonly message: Message | undefined;
  readonly hidden: number;
};

/** Key hints and totals; the filter input or a message while there is one. */
export const Footer = memo(function Footer(props: FooterProps) {
  const theme = useTheme();
  const overview = useOverview(props.store);
  const {filterEdit, answerInput, message} = props;
  let segments: Segment[];
  if (filterEdit) {
    const label = ` filter ${sanitize(filterEdit.name)}: `;
    const room = Math.max(8, props.width - displayWidth(label));
    segments = [
      {text: label, color: theme.accent, bold: true},
      ...inputSegments(inputView(filterEdit, room)),
      {text: '  Enter apply · Esc cancel · text or /regex/', color: theme.muted},
    ];
  } else if (message) {
    segments = [
      {
        text: ` ${sanitize(message.text)}`,
        color: message.level === 'error' ? theme.error : theme.accent,
      },
    ];
  } else if (answerInput) {
    segments = [
      {text: ` follow-up to ${sanitize(answerInput.name)}`, color: theme.accent, bold: true},
      {text: ' (same conversation)  Enter send · Esc cancel', color: theme.muted},
    ];
  } else {
    segments = [{text: ` ${totalsText(overview)}`, bold: true}];
    if (props.hidden > 0)
      segments.push({text: ` · ${props.hidden} more below/above (Tab)`, color: theme.warn});
    segments.push({text: `  ${props.zoomed ? ZOOM_HINTS : GRID_HINTS}`, color: theme.muted});
  }
  return <Line segments={segments} width={props.width} />;
});
