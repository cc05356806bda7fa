/**
 * Which answer fold a stream uses. `none` streams keep showing raw events.
 * The preset comes from the profile or `--answer-preset`; without one it is
 * guessed from the URL path.
 */
export const answerPresets = ['dify', 'openai', 'anthropic', 'none'] as const;

export type AnswerPreset = (typeof answerPresets)[number];

export function isAnswerPreset(value: string): value is AnswerPreset {
  return (answerPresets as readonly string[]).includes(value);
}

/** Dify Service API families, by the path that started the stream. */
export type DifyEndpoint = 'chat' | 'completion' | 'workflow';

const difyPaths: ReadonlyArray<readonly [RegExp, DifyEndpoint]> = [
  [/\/chat-messages$/, 'chat'],
  [/\/completion-messages$/, 'completion'],
  [/\/workflows\/run$/, 'workflow'],
  [/\/workflows\/[^/]+\/run$/, 'workflow'],
  // Re-attaching to a running or paused chatflow/workflow run (Dify 1.14+).
  [/\/workflow\/[^/]+\/events$/, 'workflow'],
];

const openAiPaths: readonly RegExp[] = [/\/chat\/completions$/, /\/responses$/];
const anthropicPaths: readonly RegExp[] = [/\/v1\/messages$/];

/** The lower-cased path of `url` without query, fragment or trailing slashes. */
function streamPath(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: take it as a path (or "host/path" without a scheme).
    path = url.replace(/[?#].*$/s, '');
  }
  return path.toLowerCase().replace(/\/+$/, '');
}

/** The Dify endpoint family of `url`, or undefined when it is not a Dify streaming path. */
export function detectDifyEndpoint(url: string): DifyEndpoint | undefined {
  const path = streamPath(url);
  return difyPaths.find(([pattern]) => pattern.test(path))?.[1];
}

/**
 * Guesses the preset from the URL path: /chat-messages, /completion-messages,
 * /workflows/run, /workflows/{id}/run (and the /workflow/{run_id}/events
 * resume stream) are Dify; /chat/completions and /responses are OpenAI;
 * /v1/messages is Anthropic; anything else is `none`.
 */
export function detectAnswerPreset(url: string): AnswerPreset {
  if (detectDifyEndpoint(url) !== undefined) return 'dify';
  const path = streamPath(url);
  if (openAiPaths.some((pattern) => pattern.test(path))) return 'openai';
  if (anthropicPaths.some((pattern) => pattern.test(path))) return 'anthropic';
  return 'none';
}
