import type {AnswerPreset} from '../../../source/core/answer/answer-preset.js';
import type {
  AnswerError,
  AnswerIds,
  AnswerProgress,
  AnswerStatus,
  AnswerUsage,
  TerminalEvent,
} from '../../../source/core/answer/answer-types.js';

/** What folding each fixture in test/fixtures/answer must give. */
export type FixtureExpectation = {
  readonly file: string;
  readonly preset: AnswerPreset;
  readonly text: string;
  readonly reasoning: string;
  readonly status: AnswerStatus;
  readonly statusReason?: string;
  readonly terminalEvents: readonly TerminalEvent[];
  readonly stopReason?: string;
  readonly query?: string;
  readonly ids?: Partial<AnswerIds>;
  readonly usage?: Partial<AnswerUsage>;
  readonly progress?: Partial<AnswerProgress>;
  readonly error?: AnswerError;
  readonly chunkCount?: number;
  readonly ttftMs?: number;
};

const hangzhouAnswer = '杭州是一座以西湖闻名的历史文化名城。\n推荐菜：西湖醋鱼 🐟。';
const weatherError = 'Reached maximum retries (0) for URL https://weather.example.com/v1/now';

export const fixtureExpectations: readonly FixtureExpectation[] = [
  {
    file: 'dify-chatflow-two-answers.sse',
    preset: 'dify',
    text: hangzhouAnswer,
    reasoning: '',
    status: 'done',
    terminalEvents: ['message_end', 'workflow_finished'],
    query: '用一句话介绍杭州，再推荐一道菜',
    ids: {
      conversationId: 'c0ffee00-1b2c-4d3e-8f40-5a6b7c8d9e01',
      messageId: '5143a2ee-7a8b-4c9d-9e0f-1a2b3c4d5e6f',
      taskId: '9e8a52b9-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
      workflowRunId: 'e8041804-5b6c-4d7e-8f90-a1b2c3d4e5f6',
    },
    usage: {
      promptTokens: 1033,
      completionTokens: 128,
      totalTokens: 1161,
      totalPrice: '0.0012890',
      currency: 'USD',
      latencySeconds: 0.768,
      retrieverResources: 1,
    },
    progress: {
      workflowStatus: 'succeeded',
      nodesStarted: 5,
      nodesFinished: 5,
      elapsedSeconds: 2.1,
      totalSteps: 5,
      currentNode: {nodeId: '1711528914105', title: 'Answer 2', type: 'answer'},
      failedNode: undefined,
    },
    chunkCount: 8,
    // ping, workflow_started, 2 × start node, node_started, message "" → item 6.
    ttftMs: 100 + 6 * 20,
  },
  {
    file: 'dify-chatflow-legacy-escaped.sse',
    preset: 'dify',
    text: '你好！我是 Dify 助手 😀，有什么可以帮你？',
    reasoning: '',
    status: 'done',
    terminalEvents: ['workflow_finished', 'message_end'],
    query: '你好',
    usage: {promptTokens: 30, completionTokens: 12, totalTokens: 42, retrieverResources: 0},
    progress: {nodesStarted: 3, nodesFinished: 3, workflowStatus: 'succeeded'},
  },
  {
    file: 'dify-chatflow-failed.sse',
    preset: 'dify',
    text: '正在查询天气…\n',
    reasoning: '',
    status: 'error',
    statusReason: weatherError,
    terminalEvents: ['workflow_finished'],
    error: {code: undefined, status: undefined, message: weatherError},
    progress: {
      workflowStatus: 'failed',
      nodesStarted: 3,
      nodesFinished: 3,
      failedNode: {
        nodeId: '1720000000003',
        title: 'HTTP Request',
        type: 'http-request',
        status: 'failed',
        error: weatherError,
      },
    },
  },
  {
    file: 'dify-chatflow-human-input.sse',
    preset: 'dify',
    text: 'Draft: We will ship on Friday.',
    reasoning: '',
    status: 'paused',
    statusReason: 'paused: waiting for human input',
    terminalEvents: ['workflow_paused'],
    ids: {workflowRunId: 'fb47b2e6-8c9d-4e0f-9a1b-2c3d4e5f6a7b'},
    progress: {
      workflowStatus: 'paused',
      elapsedSeconds: 0.5,
      humanInput: {nodeTitle: 'Approval', formToken: 'tok_abc123'},
    },
  },
  {
    file: 'dify-chatflow-think.sse',
    preset: 'dify',
    text: '1+1 = 2。',
    reasoning: '用户想知道 1+1。这是简单的加法。',
    status: 'done',
    terminalEvents: ['message_end', 'workflow_finished'],
    chunkCount: 7,
    // ping, workflow_started, node_started, then the 6th message is the first answer text.
    ttftMs: 100 + 8 * 20,
  },
  {
    file: 'dify-chatflow-reasoning-chunk.sse',
    preset: 'dify',
    text: 'Hello! How can I help?',
    reasoning: 'The user greeted me, so I should greet back.',
    status: 'done',
    terminalEvents: ['message_end', 'workflow_finished'],
  },
  {
    file: 'dify-chatflow-stopped.sse',
    preset: 'dify',
    text: 'Once upon a time, in a quiet valley',
    reasoning: '',
    status: 'stopped',
    statusReason: 'stopped',
    terminalEvents: ['workflow_finished', 'message_end'],
    usage: {totalTokens: 24},
  },
  {
    file: 'dify-chatflow-ping-only.sse',
    preset: 'dify',
    text: '',
    reasoning: '',
    status: 'incomplete',
    statusReason: 'ended without a terminal event',
    terminalEvents: [],
  },
  {
    file: 'dify-chat-message-replace.sse',
    preset: 'dify',
    text: "Sorry, I can't talk about that. Ask me something else.",
    reasoning: '',
    status: 'done',
    terminalEvents: ['message_end'],
    ids: {
      conversationId: 'aa11bb22-cc33-4d44-8e55-ff66aa77bb88',
      messageId: 'bb22cc33-dd44-4e55-9f66-aa77bb88cc99',
      taskId: 'cc33dd44-ee55-4f66-8a77-bb88cc99dd00',
    },
    chunkCount: 4,
  },
  {
    file: 'dify-chat-error-event.sse',
    preset: 'dify',
    text: 'The answer is',
    reasoning: '',
    status: 'error',
    statusReason:
      'completion_request_error (400): [openai] Rate Limit Error, Error code: 429 - Rate limit reached for requests',
    terminalEvents: ['error'],
    error: {
      code: 'completion_request_error',
      status: 400,
      message: '[openai] Rate Limit Error, Error code: 429 - Rate limit reached for requests',
    },
    ids: {taskId: 'ff66aa77-bb88-4c99-9d00-ee11ff22aa33'},
  },
  {
    file: 'dify-chat-message-file-text.sse',
    preset: 'dify',
    text: 'Here is the chart you asked for.',
    reasoning: '',
    status: 'done',
    terminalEvents: ['message_end'],
  },
  {
    file: 'dify-chat-no-terminal.sse',
    preset: 'dify',
    text: 'Partial answer',
    reasoning: '',
    status: 'incomplete',
    statusReason: 'ended without a terminal event',
    terminalEvents: [],
  },
  {
    file: 'dify-agent-chat.sse',
    preset: 'dify',
    text: 'Let me check the weather. It is 22°C and sunny in Hangzhou.',
    reasoning: '',
    status: 'done',
    terminalEvents: ['message_end'],
    ids: {messageId: '88bb99cc-00dd-4e11-9f22-33aa44bb55cc'},
    progress: {agentThoughts: 2, agentTool: 'current_weather'},
    usage: {totalTokens: 456},
  },
  {
    file: 'dify-new-agent.sse',
    preset: 'dify',
    text: 'Hello! How can I help?',
    reasoning: '',
    status: 'done',
    terminalEvents: ['message_end'],
    usage: {totalTokens: 25, retrieverResources: undefined},
    chunkCount: 4,
  },
  {
    file: 'dify-completion.sse',
    preset: 'dify',
    text: 'Roses are red,\nviolets are blue.',
    reasoning: '',
    status: 'done',
    terminalEvents: ['message_end'],
    ids: {conversationId: undefined, messageId: 'dd33ee44-ff55-4a66-9b77-cc88dd99ee00'},
  },
  {
    file: 'dify-workflow-text-chunk.sse',
    preset: 'dify',
    text: '为了回答这个问题，我们先看两个要点：价格和口味。',
    reasoning: '',
    status: 'done',
    terminalEvents: ['workflow_finished'],
    ids: {
      workflowRunId: 'b85e5fc5-751b-454d-b14e-dc5f240b0a31',
      taskId: 'bd029338-b068-4d34-a331-fc85478922c2',
      conversationId: undefined,
      messageId: undefined,
    },
    usage: {totalTokens: 320},
    progress: {
      nodesStarted: 5,
      nodesFinished: 5,
      cycle: undefined,
      elapsedSeconds: 3.2,
      totalSteps: 6,
    },
  },
  {
    file: 'dify-workflow-outputs-only.sse',
    preset: 'dify',
    text: '42',
    reasoning: '',
    status: 'done',
    terminalEvents: ['workflow_finished'],
    progress: {nodesStarted: 1, nodesFinished: 1},
  },
  {
    file: 'openai-chat-usage.sse',
    preset: 'openai',
    text: 'Hello! How can I help you today?',
    reasoning: '',
    status: 'done',
    stopReason: 'stop',
    terminalEvents: ['[DONE]'],
    ids: {responseId: 'chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG', model: 'gpt-4o-mini-2024-07-18'},
    usage: {promptTokens: 9, completionTokens: 9, totalTokens: 18},
    chunkCount: 4,
  },
  {
    file: 'openai-chat-reasoning.sse',
    preset: 'openai',
    text: '9.8 is greater.',
    reasoning: '9.11 vs 9.8: compare 0.11 and 0.8.',
    status: 'done',
    stopReason: 'stop',
    terminalEvents: ['[DONE]'],
    usage: {promptTokens: 18, completionTokens: 40, totalTokens: 58},
  },
  {
    file: 'openai-chat-error.sse',
    preset: 'openai',
    text: 'Partial',
    reasoning: '',
    status: 'error',
    terminalEvents: ['error'],
    error: {
      code: 'server_error',
      status: undefined,
      message: 'The server had an error while processing your request. Sorry about that!',
    },
  },
  {
    file: 'openai-responses.sse',
    preset: 'openai',
    text: 'Hi there! 你好 👋',
    reasoning: '',
    status: 'done',
    terminalEvents: ['response.completed'],
    ids: {
      responseId: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b',
      model: 'gpt-4.1-2025-04-14',
    },
    usage: {promptTokens: 37, completionTokens: 11, totalTokens: 48},
  },
  {
    file: 'anthropic-thinking.sse',
    preset: 'anthropic',
    text: '27 * 453 = **12,231**',
    reasoning: 'Let me solve this step by step:\n\n27 * 453 = 12,231',
    status: 'done',
    stopReason: 'end_turn',
    terminalEvents: ['message_stop'],
    ids: {messageId: 'msg_01ABCdefGHIjklMNOpqrSTU', model: 'claude-sonnet-4-5'},
    usage: {promptTokens: 25, completionTokens: 45, totalTokens: 70},
  },
  {
    file: 'anthropic-error.sse',
    preset: 'anthropic',
    text: 'Working on',
    reasoning: '',
    status: 'error',
    statusReason: 'overloaded_error: Overloaded',
    terminalEvents: ['error'],
    error: {code: 'overloaded_error', status: undefined, message: 'Overloaded'},
  },
];
