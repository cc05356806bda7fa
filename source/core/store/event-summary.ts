/**
 * The useful part of an LLM stream event, for the first columns of its row:
 * Dify's answer chunk, node and workflow progress, token usage and errors;
 * OpenAI chat and Responses deltas; Anthropic text deltas. Pure and cheap: it
 * reads fields of JSON the caller parsed once. Undefined when nothing is
 * worth pulling out (the row then shows the data as is). The result is raw
 * text: the caller sanitizes it.
 */

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const quote = (value: string): string => JSON.stringify(value);

/** Dify's elapsed_time is in seconds: "1.23s". */
function elapsed(value: unknown): string | undefined {
  const seconds = num(value);
  return seconds === undefined ? undefined : `${Math.round(seconds * 100) / 100}s`;
}

const join = (parts: readonly (string | undefined)[]): string | undefined => {
  const kept = parts.filter((part): part is string => part !== undefined && part !== '');
  return kept.length === 0 ? undefined : kept.join(' ');
};

function node(data: Json | undefined, finished: boolean): string | undefined {
  if (!data) return undefined;
  const type = text(data['node_type']);
  return join([
    text(data['title']),
    type === undefined ? undefined : `(${type})`,
    finished ? text(data['status']) : undefined,
    finished ? elapsed(data['elapsed_time']) : undefined,
  ]);
}

function usage(value: unknown): string | undefined {
  const tokens = object(value);
  if (!tokens) return undefined;
  const parts = [
    ['prompt', tokens['prompt_tokens']],
    ['completion', tokens['completion_tokens']],
    ['total', tokens['total_tokens']],
  ]
    .filter(([, count]) => num(count) !== undefined)
    .map(([label, count]) => `${String(label)} ${String(count)}`);
  return parts.length === 0 ? undefined : `tokens: ${parts.join(', ')}`;
}

function dify(name: string, body: Json): string | undefined {
  const data = object(body['data']);
  switch (name) {
    case 'message':
    case 'agent_message': {
      const answer = text(body['answer']);
      return answer === undefined ? undefined : quote(answer);
    }
    case 'text_chunk': {
      const chunk = text(data?.['text']);
      return chunk === undefined ? undefined : quote(chunk);
    }
    case 'node_started':
      return node(data, false);
    case 'node_finished':
      return node(data, true);
    case 'workflow_started':
      return join(['started', text(data?.['status'])]);
    case 'workflow_finished':
      return join([text(data?.['status']), elapsed(data?.['elapsed_time'])]);
    case 'message_end':
      return usage(object(body['metadata'])?.['usage']);
    case 'error':
      return join([text(body['message']), text(body['code']) && `(${text(body['code'])})`]);
    default:
      return undefined;
  }
}

function openAiChat(body: Json): string | undefined {
  const choices = body['choices'];
  const choice = Array.isArray(choices) ? object(choices[0]) : undefined;
  if (!choice) return usage(body['usage']);
  const content = text(object(choice['delta'])?.['content']);
  const finish = text(choice['finish_reason']);
  return join([content ? quote(content) : undefined, finish && `finish: ${finish}`]);
}

export function summarizeEvent(eventType: string, value: unknown): string | undefined {
  const body = object(value);
  if (!body) return undefined;
  const inner = text(body['event']) ?? text(body['type']);
  if (body['object'] === 'chat.completion.chunk') return openAiChat(body);
  switch (inner) {
    case 'response.output_text.delta': {
      const delta = text(body['delta']);
      return delta === undefined ? undefined : quote(delta);
    }
    case 'content_block_delta': {
      const delta = object(body['delta']);
      const chunk = text(delta?.['text']) ?? text(delta?.['thinking']);
      return chunk === undefined ? undefined : quote(chunk);
    }
    case 'error': {
      const error = object(body['error']);
      if (error) return text(error['message']);
      break;
    }
    default:
      break;
  }
  return dify(inner ?? eventType, body);
}
