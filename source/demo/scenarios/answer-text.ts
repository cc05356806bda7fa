/**
 * The text the fake models "generate": it echoes the question, knows the turn
 * number, and mixes English with Chinese (and an emoji) so multi-byte UTF-8
 * travels through the stream.
 */
export type AnswerOptions = {
  /** Which demo is talking, e.g. "Dify chatflow". */
  readonly source: string;
  /** 1 for the first question of a conversation. */
  readonly turn: number;
  /** Many more paragraphs (the question mentioned "long"). */
  readonly long?: boolean;
  /**
   * What the request carried of the conversation so far (OpenAI, Anthropic):
   * the earlier questions and the length of the latest assistant answer. The
   * reply names them, so a test sees what the client sent.
   */
  readonly memory?: ConversationMemory;
};

export type ConversationMemory = {
  readonly earlierQuestions: readonly string[];
  /** Characters of the latest assistant message, when there was one. */
  readonly lastAnswerChars: number | undefined;
};

function memorySentence(memory: ConversationMemory | undefined): string {
  if (memory === undefined || memory.earlierQuestions.length === 0) return '';
  const questions = memory.earlierQuestions.map((question) => `"${echoQuery(question)}"`);
  const answer =
    memory.lastAnswerChars === undefined
      ? 'no answer of mine'
      : `my last answer (${memory.lastAnswerChars} characters)`;
  return ` Before this you asked ${questions.join(', ')}, and I have ${answer}.`;
}

const MAX_ECHO = 160;

export function echoQuery(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_ECHO ? `${flat.slice(0, MAX_ECHO - 1)}…` : flat;
}

export function composeAnswer(query: string, options: AnswerOptions): string {
  const opening =
    options.turn === 1
      ? `You asked: "${echoQuery(query)}". Here is a streamed reply from the ssedeck demo ${options.source}, sent piece by piece the way a model writes it.`
      : `You asked: "${echoQuery(query)}". This is turn ${options.turn} of our conversation, so I still remember what came before.${memorySentence(options.memory)}`;
  const paragraphs = [
    opening,
    '下面是一段中文回答，用来检验多字节 UTF-8 字符被拆到不同的 TCP 包里时，客户端能否正确解码。',
    'Mixed text works too: 事件 (events), 数据流 (data stream) and a rocket 🚀.',
  ];
  if (options.long === true) {
    for (let index = 1; index <= 20; index++) {
      paragraphs.push(
        `Paragraph ${index}: every chunk arrives as its own event, in order, and the client joins them. 第${index}段：服务器发送事件按顺序到达。`,
      );
    }
  }
  paragraphs.push('That is all for now. 谢谢！');
  return paragraphs.join('\n\n');
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const TOKEN = new RegExp(
  `\\s*[A-Za-z0-9_'’-]+|[${CJK}]{1,2}|\\s*[^\\sA-Za-z0-9_'’${CJK}-]|\\s+`,
  'gu',
);

/** Splits text into model-like tokens: words with their leading space, 1-2 CJK characters. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Groups tokens into chunks of 1-3 tokens; `pick` decides each group's size. */
export function chunkTokens(tokens: readonly string[], pick: () => number): string[] {
  const chunks: string[] = [];
  for (let index = 0; index < tokens.length;) {
    const size = Math.max(1, Math.min(3, pick()));
    chunks.push(tokens.slice(index, index + size).join(''));
    index += size;
  }
  return chunks;
}

/** A rough token count for usage numbers. */
export function countTokens(text: string): number {
  return tokenize(text).length;
}
