import {randomUUID} from 'node:crypto';
import type {DifyConversation, DifyState} from './dify-state.js';

/** A validated POST /v1/chat-messages body. */
export type DifyChatRequest = {
  readonly query: string;
  readonly user: string;
  readonly inputs: Record<string, unknown>;
  readonly streaming: boolean;
  readonly conversation: DifyConversation;
  /** 1 for the first question of the conversation. */
  readonly turn: number;
};

export type DifyRequestResult =
  | {readonly ok: true; readonly request: DifyChatRequest}
  | {readonly ok: false; readonly status: number; readonly code: string; readonly message: string};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(message: string): DifyRequestResult {
  return {ok: false, status: 400, code: 'invalid_param', message};
}

/**
 * Validates the body in Dify's order (user, then the payload, then the
 * conversation) and opens a new conversation or the next turn of one.
 */
export function acceptChatRequest(
  body: Record<string, unknown>,
  state: DifyState,
): DifyRequestResult {
  const {user, query, inputs, conversation_id: conversationId} = body;
  if (typeof user !== 'string' || user === '') return invalid('Arg user must be provided.');
  if (typeof query !== 'string' || query.trim() === '') return invalid('query is required');
  if (
    inputs !== undefined &&
    (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
  ) {
    return invalid('inputs must be an object');
  }
  if (
    conversationId !== undefined &&
    conversationId !== null &&
    typeof conversationId !== 'string'
  ) {
    return invalid('conversation_id must be a valid UUID');
  }
  let conversation: DifyConversation | undefined;
  if (typeof conversationId === 'string' && conversationId !== '') {
    if (!UUID.test(conversationId)) return invalid('conversation_id must be a valid UUID');
    conversation = state.conversations.get(conversationId.toLowerCase());
    if (conversation === undefined || conversation.user !== user) {
      return {ok: false, status: 404, code: 'not_found', message: 'Conversation Not Exists.'};
    }
  } else {
    conversation = {id: randomUUID(), user, turns: 0};
    state.conversations.set(conversation.id, conversation);
  }
  conversation.turns += 1;
  return {
    ok: true,
    request: {
      query,
      user,
      inputs: (inputs as Record<string, unknown> | undefined) ?? {},
      streaming: body.response_mode === 'streaming',
      conversation,
      turn: conversation.turns,
    },
  };
}
