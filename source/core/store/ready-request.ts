import type {AnswerPreset} from '../answer/index.js';
import {buildRequest} from '../request.js';
import type {Redactor} from '../redact.js';
import type {StreamSpec} from '../stream-spec.js';
import {requestQuery} from './stream-answer.js';

/**
 * What a pane that waits READY (autostart: false, --no-autostart) shows: the
 * request it would send, secrets redacted with the stream's redactor. Views
 * sanitize it when they draw it.
 */
export type ReadyRequest = {
  readonly method: string;
  readonly url: string;
  /** Dify's query, the last user message, or the Responses input. */
  readonly question: string | undefined;
  readonly bodyBytes: number;
};

export function readyRequestOf(
  spec: StreamSpec,
  preset: AnswerPreset,
  redact: Redactor,
): ReadyRequest {
  const request = buildRequest(spec, '');
  const question = requestQuery(spec, preset);
  return {
    method: request.method,
    url: redact(request.url),
    question: question === undefined ? undefined : redact(question),
    bodyBytes: request.body === undefined ? 0 : Buffer.byteLength(request.body),
  };
}
