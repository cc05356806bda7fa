import {difyApiBase, difyUser, postDifyJson, type StopResult} from './dify-requests.js';
import type {FetchLike} from './fetch.js';
import {defaultFetch} from './fetch.js';
import type {StreamSpec} from './stream-spec.js';

/** What a person filled into a Dify human input form. */
export type HumanInputSubmission = {
  readonly formToken: string;
  /** Values by `output_variable_name`. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The chosen action's id. */
  readonly action: string;
};

/** {base}/form/human_input/{form_token} (Dify 1.14+). */
export function humanInputFormUrl(streamUrl: string, formToken: string): string | undefined {
  const base = difyApiBase(streamUrl);
  return base === undefined
    ? undefined
    : `${base}/form/human_input/${encodeURIComponent(formToken)}`;
}

/**
 * Fills a paused run's form: `POST /form/human_input/{form_token}` with
 * `{inputs, action, user}` (the stream's own user and auth). The run then
 * continues on Dify's side; re-attach to see it.
 */
export async function submitHumanInput(
  spec: StreamSpec,
  submission: HumanInputSubmission,
  fetch: FetchLike = defaultFetch,
): Promise<StopResult> {
  const url = humanInputFormUrl(spec.url, submission.formToken);
  if (url === undefined) return {ok: false, message: 'not a Dify streaming endpoint'};
  const body = {inputs: submission.inputs, action: submission.action, user: difyUser(spec)};
  const result = await postDifyJson(spec, url, body, fetch);
  if (result.ok) return {ok: true, message: `form submitted (${submission.action})`};
  const hint =
    result.status === 404 ? ' (the form is gone, or the server is older than Dify 1.14)' : '';
  return {ok: false, message: `form not submitted: ${result.message}${hint}`};
}
