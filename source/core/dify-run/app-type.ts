import type {DifyAppType} from './types.js';

/**
 * What the events of a run tell about the kind of app. Dify's envelopes
 * differ per app type (reference §3.2): workflow apps send no
 * conversation_id; chatflows send workflow events inside the chat envelope;
 * agent apps send agent_thought / agent_message; completion apps send
 * `message` without a conversation_id.
 */
export type AppTypeSignals = {
  workflowEvents: boolean;
  conversation: boolean;
  agent: boolean;
  chatEvents: boolean;
};

export function createAppTypeSignals(): AppTypeSignals {
  return {workflowEvents: false, conversation: false, agent: false, chatEvents: false};
}

export function inferAppType(signals: AppTypeSignals): DifyAppType | undefined {
  if (signals.agent) return 'agent-chat';
  if (signals.workflowEvents) return signals.conversation ? 'chatflow' : 'workflow';
  if (signals.chatEvents) return signals.conversation ? 'chat' : 'completion';
  return undefined;
}

/** The terminal events a finished run of this app type sends (chatflows send both). */
export function requiredTerminalEvents(
  appType: DifyAppType | undefined,
): readonly ('message_end' | 'workflow_finished')[] {
  switch (appType) {
    case 'chatflow':
      return ['message_end', 'workflow_finished'];
    case 'workflow':
      return ['workflow_finished'];
    case 'agent-chat':
    case 'chat':
    case 'completion':
      return ['message_end'];
    default:
      return [];
  }
}
