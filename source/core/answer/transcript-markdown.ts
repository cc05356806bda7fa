import type {Redactor} from '../redact.js';
import {sanitize} from '../sanitize.js';
import {answerStatusLine, formatDuration, formatPrice} from './answer-status-line.js';
import type {AnswerPreset} from './answer-preset.js';
import type {AnswerRun, AnswerSnapshot} from './answer-types.js';
import {stoppedNote} from './stopped-note.js';

/**
 * A pane's conversation as Markdown (`w`): each turn's question and answer,
 * how it ended (stopped and failed turns say so, their partial answer kept),
 * the ids a bug report needs, usage and timings. Every string from the
 * server passes the redactor and the sanitizer (line breaks kept).
 */

export type TranscriptHeader = {
  readonly stream: string;
  /** "POST https://…", already redacted. */
  readonly request: string;
  readonly writtenAt: Date;
};

const idNames: Readonly<
  Record<AnswerPreset, ReadonlyArray<readonly [keyof AnswerRun['ids'], string]>>
> = {
  dify: [
    ['conversationId', 'conversation_id'],
    ['messageId', 'message_id'],
    ['taskId', 'task_id'],
    ['workflowRunId', 'workflow_run_id'],
  ],
  openai: [['responseId', 'id']],
  anthropic: [['messageId', 'id']],
  none: [],
};

function clean(text: string, redact: Redactor): string {
  return sanitize(redact(text), {keepNewlines: true});
}

function oneLine(text: string, redact: Redactor): string {
  return sanitize(redact(text.replace(/\s+/g, ' ').trim()));
}

function usageLine(run: AnswerRun): string | undefined {
  const {usage, metrics} = run;
  const parts: string[] = [];
  if (usage?.totalTokens !== undefined) {
    const split =
      usage.promptTokens !== undefined && usage.completionTokens !== undefined
        ? ` (prompt ${usage.promptTokens}, completion ${usage.completionTokens})`
        : '';
    parts.push(`${usage.totalTokens} tokens${split}`);
  } else if (usage?.completionTokens !== undefined) {
    parts.push(`${usage.completionTokens} completion tokens`);
  }
  const price = formatPrice(usage?.totalPrice, usage?.currency);
  if (price !== undefined) parts.push(price);
  if (metrics.ttftMs !== undefined) parts.push(`TTFT ${formatDuration(metrics.ttftMs)}`);
  if (metrics.tokensPerSecond !== undefined) {
    parts.push(`${metrics.tokensEstimated ? '~' : ''}${metrics.tokensPerSecond.toFixed(0)} tok/s`);
  }
  if (metrics.totalLatencyMs !== undefined) {
    parts.push(`${formatDuration(metrics.totalLatencyMs)} total`);
  }
  return parts.length === 0 ? undefined : parts.join(' · ');
}

function endLine(run: AnswerRun): string {
  if (run.status === 'stopped') return `**Stopped**: ${stoppedNote(run, 'the answer')}.`;
  if (run.status === 'error') return `**Error**: ${run.statusReason || 'failed'}.`;
  if (run.status === 'incomplete' || run.status === 'paused') {
    return `**${run.status === 'paused' ? 'Paused' : 'Incomplete'}**: ${run.statusReason}.`;
  }
  if (run.status === 'waiting' || run.status === 'streaming')
    return '**Still running** when written.';
  return '';
}

function turnMarkdown(
  run: AnswerRun,
  turn: number,
  preset: AnswerPreset,
  redact: Redactor,
): string[] {
  const lines = [`## Turn ${turn}`, ''];
  if (run.query !== undefined) lines.push(`**Question:** ${oneLine(run.query, redact)}`, '');
  const text = clean(run.text, redact).trim();
  lines.push(text === '' ? '_(no answer text)_' : text, '');
  const end = endLine(run);
  const status = oneLine(answerStatusLine(run), redact);
  lines.push(`- Status: ${status}`);
  const ids = idNames[preset].flatMap(([key, label]) => {
    const id = run.ids[key];
    return id ? [`${label} \`${oneLine(id, redact)}\``] : [];
  });
  if (ids.length > 0) lines.push(`- Ids: ${ids.join(', ')}`);
  if (run.ids.model !== undefined) lines.push(`- Model: ${oneLine(run.ids.model, redact)}`);
  const usage = usageLine(run);
  if (usage !== undefined) lines.push(`- Usage and timings: ${usage}`);
  if (run.metrics.startedAt !== undefined) {
    lines.push(`- Started: ${new Date(run.metrics.startedAt).toISOString()}`);
  }
  if (end !== '') lines.push('', end);
  lines.push('');
  return lines;
}

/** The Markdown text of a pane's transcript: earlier turns oldest first, then the current one. */
export function transcriptMarkdown(
  snapshot: AnswerSnapshot,
  header: TranscriptHeader,
  redact: Redactor,
): string {
  const lines = [
    `# ssedeck transcript: ${oneLine(header.stream, redact)}`,
    '',
    `- Request: \`${oneLine(header.request, redact)}\``,
    `- Answer preset: ${snapshot.preset}`,
    `- Written: ${header.writtenAt.toISOString()}`,
    '',
  ];
  const runs = [...snapshot.history, snapshot.current].filter(
    (run) => run.metrics.startedAt !== undefined || run.ended,
  );
  runs.forEach((run, index) => {
    if (run.newConversation && index > 0) lines.push('---', '', '_New conversation._', '');
    lines.push(...turnMarkdown(run, index + 1, snapshot.preset, redact));
  });
  if (runs.length === 0) lines.push('_No answer yet._', '');
  return lines.join('\n');
}

/** ssedeck-transcript-<stream>-<date>-<time>.md, like the export's name. */
export function transcriptFileName(exportName: string): string {
  return exportName.replace(/^ssedeck-export-/, 'ssedeck-transcript-').replace(/\.ndjson$/, '.md');
}
