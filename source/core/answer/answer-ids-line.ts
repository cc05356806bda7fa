import {displayWidth, truncateToWidth} from '../display-text.js';
import {sanitize} from '../sanitize.js';
import type {AnswerPreset} from './answer-preset.js';
import type {AnswerRun} from './answer-types.js';

/**
 * The ids a person pastes into a bug report, most wanted first: Dify
 * conversation, message, task and workflow run; the OpenAI response id; the
 * Anthropic message id. Server-sent values, sanitized.
 */
export function answerIds(
  run: AnswerRun,
  preset: AnswerPreset,
): Array<readonly [label: string, id: string]> {
  const {ids} = run;
  const all: Array<readonly [string, string | undefined]> =
    preset === 'dify'
      ? [
          ['conv', ids.conversationId],
          ['msg', ids.messageId],
          ['task', ids.taskId],
          ['run', ids.workflowRunId],
        ]
      : preset === 'openai'
        ? [['id', ids.responseId]]
        : preset === 'anthropic'
          ? [['id', ids.messageId]]
          : [];
  return all.flatMap(([label, id]) => (id ? [[label, sanitize(id)] as const] : []));
}

/**
 * One line of whole ids that fits `width` ("conv 4bf3… · msg 8a2c… · task …"):
 * an id that does not fit whole is left out (a cut id cannot be pasted),
 * except the first, which is cut with an ellipsis. "" when there are none.
 */
export function answerIdsLine(
  run: AnswerRun,
  preset: AnswerPreset,
  width: number,
  separator = '·',
  ellipsis = '…',
): string {
  const parts = answerIds(run, preset).map(([label, id]) => `${label} ${id}`);
  if (parts.length === 0) return '';
  const join = ` ${separator} `;
  let line = '';
  for (const part of parts) {
    const next = line === '' ? part : `${line}${join}${part}`;
    if (displayWidth(next) <= width) line = next;
  }
  return line === '' ? truncateToWidth(parts[0]!, width, ellipsis) : line;
}
