import {
  runChecks,
  type DifyRun,
  type RunCheck,
  type RunCheckOptions,
  type RunNode,
} from '../../core/dify-run/index.js';
import {compactLine} from '../../core/display-text.js';
import type {Redactor} from '../../core/redact.js';
import {formatDuration} from '../format.js';
import type {Segment} from '../line.js';
import type {Theme} from '../theme.js';

/**
 * The run view's rows (key `f`), as styled segments: the header line, the
 * checks as warnings, one row per node execution (nested under iterations
 * and loops, parallel branches marked), agent steps, and the human input
 * form. Every server string passes the stream's redactor, then the
 * sanitizer, here (a node's output may echo the stream's own token).
 */

export type RunRow = {readonly key: string; readonly segments: readonly Segment[]};

type Clean = (text: string, max?: number) => string;

/** One line of server text: secrets redacted, cut at `max`, made safe (compactLine sanitizes). */
export const cleanerOf =
  (redact: Redactor): Clean =>
  (text, max = 200) =>
    compactLine(redact(text), max);

export const statusColor = (theme: Theme, status: string): string | undefined => {
  if (status === 'succeeded') return theme.tone('open');
  if (status === 'failed' || status === 'exception') return theme.error;
  if (status === 'stopped' || status === 'paused' || status === 'incomplete') return theme.warn;
  if (status === 'running') return theme.accent;
  return theme.muted;
};

function seconds(value: number | undefined): string | undefined {
  return value === undefined ? undefined : `${Number(value.toFixed(3))}s`;
}

function price(
  value: string | undefined,
  currency: string | undefined,
  clean: Clean,
): string | undefined {
  if (value === undefined) return undefined;
  return currency === 'USD' || currency === undefined
    ? `$${value}`
    : `${value} ${clean(currency, 8)}`;
}

export function headerRow(run: DifyRun, now: number, theme: Theme, clean: Clean): RunRow {
  const {header} = run;
  const sep = ` ${theme.glyphs.separator} `;
  const elapsed =
    seconds(header.elapsedSeconds) ??
    (header.startedAt === undefined
      ? undefined
      : formatDuration((header.endedAt ?? now) - header.startedAt));
  const parts = [
    header.appType ?? 'dify',
    header.workflowRunId === undefined ? undefined : `run ${clean(header.workflowRunId, 40)}`,
    elapsed,
    header.totalTokens === undefined ? undefined : `${header.totalTokens} tok`,
    price(header.totalPrice, header.currency, clean),
    header.totalSteps === undefined ? undefined : `${header.totalSteps} steps`,
    header.clientTtftMs === undefined && header.serverTtftSeconds === undefined
      ? undefined
      : `TTFT ${header.clientTtftMs === undefined ? '?' : formatDuration(header.clientTtftMs)} (dify ${seconds(header.serverTtftSeconds) ?? '?'})`,
  ].filter((part): part is string => part !== undefined);
  return {
    key: 'header',
    segments: [
      {text: header.status.toUpperCase(), color: statusColor(theme, header.status), bold: true},
      {text: ` ${parts.join(sep)}`},
    ],
  };
}

export function checkRows(checks: readonly RunCheck[], theme: Theme, clean: Clean): RunRow[] {
  return checks.map((check, index) => ({
    key: `check-${index}`,
    segments: [
      {
        text: `${theme.glyphs.finding} ${clean(check.message, 300)}`,
        color:
          check.severity === 'error'
            ? theme.error
            : check.severity === 'warn'
              ? theme.warn
              : theme.muted,
      },
    ],
  }));
}

function nodeRow(
  node: RunNode,
  now: number,
  theme: Theme,
  selected: boolean,
  clean: Clean,
): RunRow {
  const indent = '  '.repeat(node.depth);
  const step = node.nesting?.step === undefined ? '' : `#${node.nesting.step} `;
  const branch = node.parallel === undefined ? '' : `${theme.glyphs.bullet === '·' ? '‖' : '||'} `;
  const elapsed =
    node.status === 'running'
      ? formatDuration((node.finishedAt ?? now) - node.startedAt)
      : (seconds(node.elapsedSeconds) ??
        (node.finishedAt === undefined ? '' : formatDuration(node.finishedAt - node.startedAt)));
  const steps =
    node.kind === 'node'
      ? ''
      : ` ${node.step === undefined ? '' : `${node.step}/`}${node.steps ?? '?'} steps`;
  const extras = [
    elapsed,
    node.tokens === undefined ? undefined : `${node.tokens} tok`,
    price(node.price, node.currency, clean),
    node.retries > 0 ? `${node.retries} ${node.retries === 1 ? 'retry' : 'retries'}` : undefined,
  ].filter((part): part is string => part !== undefined && part !== '');
  const segments: Segment[] = [
    {text: `${selected ? '>' : ' '} ${indent}${step}${branch}`, color: theme.muted},
    {text: clean(node.title || node.nodeId, 60), bold: node.kind !== 'node'},
    {text: ` ${clean(node.nodeType, 24)}${steps}`, color: theme.muted},
    {text: ` ${node.status}`, color: statusColor(theme, node.status)},
    {text: extras.length > 0 ? ` ${extras.join(' ')}` : ''},
  ];
  if (node.error !== undefined)
    segments.push({text: ` ${clean(node.error, 200)}`, color: theme.error});
  return {
    key: `node-${node.executionId}`,
    segments: selected ? segments.map((s) => ({...s, inverse: true})) : segments,
  };
}

function agentRows(run: DifyRun, theme: Theme, clean: Clean): RunRow[] {
  const rows: RunRow[] = [];
  if (run.agentPreamble !== '') {
    rows.push({key: 'agent-pre', segments: [{text: `  ${clean(run.agentPreamble)}`}]});
  }
  for (const step of run.agentSteps) {
    const head = [
      step.thought === '' ? undefined : clean(step.thought, 120),
      step.tool === '' ? undefined : `tool ${clean(step.tool, 40)}(${clean(step.toolInput, 80)})`,
      step.observation === '' ? undefined : `${theme.glyphs.right} ${clean(step.observation, 120)}`,
    ].filter((part): part is string => part !== undefined);
    rows.push({
      key: `agent-${step.id}`,
      segments: [
        {text: `  thought ${step.position ?? ''} `, color: theme.accent},
        {text: head.join(` ${theme.glyphs.separator} `)},
      ],
    });
    if (step.message !== '') {
      rows.push({
        key: `agent-msg-${step.id}`,
        segments: [{text: `    ${clean(step.message)}`, color: theme.muted}],
      });
    }
  }
  return rows;
}

/** The form of a run paused on human input, while it waits. */
export function formRows(run: DifyRun, theme: Theme, clean: Clean): RunRow[] {
  const form = run.humanInput;
  if (form === undefined || form.state !== 'pending') return [];
  const rows: RunRow[] = [
    {
      key: 'form-title',
      segments: [
        {text: `Human input: ${clean(form.nodeTitle, 60)}`, color: theme.warn, bold: true},
      ],
    },
  ];
  form.formContent
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 6)
    .forEach((line, index) =>
      rows.push({key: `form-c${index}`, segments: [{text: `  ${clean(line)}`}]}),
    );
  const fields = form.inputs.map((field) => clean(field.outputVariableName, 40)).join(', ');
  const actions = form.actions.map(
    (action) => `${clean(action.id, 30)} (${clean(action.title, 30)})`,
  );
  rows.push({
    key: 'form-fields',
    segments: [{text: `  fields: ${fields || 'none'}`, color: theme.muted}],
  });
  rows.push({
    key: 'form-actions',
    segments: [{text: `  actions: ${actions.join(', ')}`, color: theme.muted}],
  });
  rows.push({
    key: 'form-hint',
    segments: [
      {
        text:
          form.formToken === undefined
            ? '  no form_token (e-mail delivery): fill it where it was sent'
            : '  i: fill the fields and pick an action (Enter each, Esc cancels)',
        color: theme.accent,
      },
    ],
  });
  return rows;
}

export type RunLines = {readonly pinned: readonly RunRow[]; readonly rows: readonly RunRow[]};

/** Header and checks (pinned), then nodes, agent steps and the form. */
export function runLines(
  run: DifyRun,
  now: number,
  theme: Theme,
  redact: Redactor,
  selected?: number,
  checkOptions: RunCheckOptions = {},
): RunLines {
  const clean = cleanerOf(redact);
  const checks = runChecks(run, now, checkOptions);
  const pinned = [headerRow(run, now, theme, clean), ...checkRows(checks, theme, clean)];
  const rows = [
    ...run.nodes.map((node, index) =>
      nodeRow(node, run.header.endedAt ?? now, theme, index === selected, clean),
    ),
    ...agentRows(run, theme, clean),
    ...formRows(run, theme, clean),
  ];
  return {pinned, rows};
}

/** Warnings and errors among the run's checks (the marker on a pane not in the run view). */
export function runWarnings(run: DifyRun, now: number, checkOptions: RunCheckOptions = {}): number {
  return runChecks(run, now, checkOptions).filter((check) => check.severity !== 'info').length;
}
