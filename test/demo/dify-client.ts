/** Request helpers for the Dify scenario tests. */
export const DIFY_KEY = 'app-ssedeck-demo';

export type DifyEvent = Record<string, unknown> & {
  event: string;
  data?: Record<string, unknown>;
  answer?: string;
};

export function postChat(
  baseUrl: string,
  body: Record<string, unknown>,
  /** null sends no Authorization header. */
  authorization: string | null = `Bearer ${DIFY_KEY}`,
): Promise<Response> {
  const headers: Record<string, string> = {'Content-Type': 'application/json'};
  if (authorization !== null) headers.Authorization = authorization;
  return fetch(`${baseUrl}/v1/chat-messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

export function streamBody(
  query: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    inputs: {},
    query,
    user: 'tester',
    response_mode: 'streaming',
    conversation_id: '',
    ...extra,
  };
}

/** Event names with runs of `message` collapsed into one "message*". */
export function eventOutline(events: readonly DifyEvent[]): string[] {
  const outline: string[] = [];
  for (const {event} of events) {
    if (event === 'message' && outline.at(-1) === 'message*') continue;
    outline.push(event === 'message' ? 'message*' : event);
  }
  return outline;
}

export function joinAnswer(events: readonly DifyEvent[]): string {
  return events
    .filter((event) => event.event === 'message')
    .map((event) => event.answer ?? '')
    .join('');
}
