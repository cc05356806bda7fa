/** Conversations and running tasks of the demo Dify app, per server instance. */
export type DifyConversation = {
  readonly id: string;
  readonly user: string;
  /** Questions asked so far in this conversation. */
  turns: number;
};

export type DifyTask = {
  readonly user: string;
  /** Asks the running stream to stop; it then ends like a stopped chatflow. */
  readonly stop: () => void;
};

export type DifyState = {
  readonly conversations: Map<string, DifyConversation>;
  readonly tasks: Map<string, DifyTask>;
};

export function createDifyState(): DifyState {
  return {conversations: new Map(), tasks: new Map()};
}
