import type {RunNode} from '../../core/dify-run/index.js';
import type {Redactor} from '../../core/redact.js';
import {sanitize} from '../../core/sanitize.js';
import {formatBytes} from '../format.js';
import type {Theme} from '../theme.js';
import {cleanerOf, statusColor, type RunRow} from './run-lines.js';

const MAX_PAYLOAD_LINES = 400;

/** The selected node's inputs, process data, outputs and error: pretty JSON, sizes, flags. */
export function nodeDetailRows(node: RunNode, theme: Theme, redact: Redactor): RunRow[] {
  const clean = cleanerOf(redact);
  const rows: RunRow[] = [
    {
      key: 'd-title',
      segments: [
        {text: clean(node.title || node.nodeId, 60), bold: true},
        {
          text: ` ${clean(node.nodeType, 24)} ${node.status}`,
          color: statusColor(theme, node.status),
        },
        {text: `  Esc back`, color: theme.muted},
      ],
    },
  ];
  if (node.error !== undefined) {
    node.error.split('\n').forEach((line, index) =>
      rows.push({
        key: `d-err${index}`,
        segments: [{text: `error: ${clean(line, 400)}`, color: theme.error}],
      }),
    );
  }
  const details = node.details;
  if (details === undefined) {
    rows.push({key: 'd-none', segments: [{text: 'no inputs or outputs yet', color: theme.muted}]});
    return rows;
  }
  const sections = [
    ['inputs', details.inputs],
    ['process data', details.processData],
    ['outputs', details.outputs],
  ] as const;
  for (const [label, payload] of sections) {
    if (payload === undefined) continue;
    const flags = [formatBytes(payload.size), payload.truncated ? 'truncated by Dify' : undefined]
      .filter((part) => part !== undefined)
      .join(', ');
    rows.push({
      key: `d-${label}`,
      segments: [{text: `${label} (${flags})`, color: theme.accent, bold: true}],
    });
    if (details.dropped) {
      rows.push({
        key: `d-${label}-dropped`,
        segments: [{text: '  (let go to stay within the memory budget)', color: theme.muted}],
      });
      continue;
    }
    // Redacted as a whole, so a secret is found however the JSON breaks lines.
    const json = redact(JSON.stringify(payload.value, null, 2) ?? 'null');
    const lines = json.split('\n');
    for (const [index, line] of lines.slice(0, MAX_PAYLOAD_LINES).entries()) {
      rows.push({key: `d-${label}-${index}`, segments: [{text: `  ${sanitize(line)}`}]});
    }
    if (lines.length > MAX_PAYLOAD_LINES) {
      rows.push({
        key: `d-${label}-more`,
        segments: [
          {
            text: `  ${theme.glyphs.ellipsis} ${lines.length - MAX_PAYLOAD_LINES} more lines`,
            color: theme.muted,
          },
        ],
      });
    }
  }
  return rows;
}
