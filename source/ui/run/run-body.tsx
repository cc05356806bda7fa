import {Box} from 'ink';
import {memo} from 'react';
import type {DifyRun, RunCheckOptions} from '../../core/dify-run/index.js';
import type {Redactor} from '../../core/redact.js';
import {displayWidth} from '../../core/display-text.js';
import {useTheme} from '../hooks/use-theme.js';
import {inputSegments, inputView} from '../input-line.js';
import {Line, type Segment} from '../line.js';
import type {LineEdit} from '../state/line-editor.js';
import {nodeDetailRows} from './run-detail-lines.js';
import {runLines} from './run-lines.js';

export type RunBodyProps = {
  readonly run: DifyRun;
  readonly width: number;
  readonly height: number;
  readonly now: number;
  /** The stream's redactor: server text can carry the stream's own secrets. */
  readonly redact: Redactor;
  /** The selected node row (j/k in the zoomed run view). */
  readonly selected: number | undefined;
  /** The form input line while it is open, and its prompt ("comment", "action"). */
  readonly input: {readonly line: LineEdit; readonly prompt: string} | undefined;
  /** The selected node's details are open at this row. */
  readonly detailOffset?: number;
  /** How the checks judge (--ping-wait). */
  readonly checkOptions?: RunCheckOptions;
};

/**
 * The run view (key `f`): header and checks pinned at the top, the input line
 * at the bottom while a form is being filled, and the newest rows that fit
 * between them (or the rows around the selected node).
 */
export const RunBody = memo(function RunBody(props: RunBodyProps) {
  const theme = useTheme();
  const {width, height} = props;
  const lines0 = runLines(
    props.run,
    props.now,
    theme,
    props.redact,
    props.selected,
    props.checkOptions,
  );
  const node = props.selected === undefined ? undefined : props.run.nodes[props.selected];
  const detail = props.detailOffset !== undefined && node !== undefined;
  const pinned = detail ? lines0.pinned.slice(0, 1) : lines0.pinned;
  const rows = detail ? nodeDetailRows(node, theme, props.redact) : lines0.rows;
  const lines: Array<{key: string; segments: readonly Segment[]}> = [];
  let inputLine: {key: string; segments: readonly Segment[]} | undefined;
  if (props.input) {
    const mark = `${props.input.prompt}${theme.glyphs.prompt} `;
    const view = inputView(
      props.input.line,
      Math.max(1, width - displayWidth(mark)),
      theme.glyphs.ellipsis,
    );
    inputLine = {
      key: 'input',
      segments: [
        {text: mark, color: theme.accent},
        ...inputSegments(view, {color: theme.accent, bold: true}),
      ],
    };
  }
  const top = pinned.slice(0, Math.max(0, height - (inputLine ? 1 : 0)));
  const room = Math.max(0, height - top.length - (inputLine ? 1 : 0));
  let start = detail
    ? Math.min(props.detailOffset ?? 0, Math.max(0, rows.length - room))
    : Math.max(0, rows.length - room);
  if (props.selected !== undefined && props.selected < start) start = props.selected;
  lines.push(...top, ...rows.slice(start, start + room));
  if (inputLine && height > 0) lines.push(inputLine);
  return (
    <Box flexDirection="column">
      {lines.map((line) => (
        <Line key={line.key} segments={line.segments} width={width} />
      ))}
    </Box>
  );
});
