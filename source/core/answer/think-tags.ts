/**
 * Splits inline `<think>…</think>` reasoning out of streamed answer text.
 * Reasoning models put their thinking inside the answer (Dify's default
 * `reasoning_format: tagged`, OpenAI-compatible servers for DeepSeek-style
 * models). Tags may be cut anywhere between chunks, so a chunk that ends with
 * the start of a tag ("<thi") keeps that tail back until the next chunk shows
 * whether it is a tag. The result does not depend on where chunks were cut.
 */

const openTag = '<think>';
const closeTag = '</think>';
const leadingWhitespace = /^\s+/;

export type ThinkSplit = {
  /** Text for the answer. */
  readonly answer: string;
  /** Text for the reasoning. */
  readonly reasoning: string;
};

export type ThinkTagSplitter = {
  push(chunk: string): ThinkSplit;
  /** Releases a held-back partial tag as plain text (end of the answer). */
  flush(): ThinkSplit;
  /** Forgets everything: the next push starts a fresh answer. */
  reset(): void;
};

/** Length of the longest proper prefix of `tag` that `text` ends with. */
function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}

export function createThinkTagSplitter(): ThinkTagSplitter {
  let inThink = false;
  let pending = '';
  let thinkBlocks = 0;
  // Whitespace right after a tag is layout ("<think>\n", "</think>\n\n"), not content.
  let trimAnswerStart = false;
  let trimReasoningStart = false;

  function emit(text: string, into: {answer: string; reasoning: string}): void {
    if (text.length === 0) return;
    if (inThink) {
      const piece = trimReasoningStart ? text.replace(leadingWhitespace, '') : text;
      if (piece.length > 0) trimReasoningStart = false;
      into.reasoning += piece;
    } else {
      const piece = trimAnswerStart ? text.replace(leadingWhitespace, '') : text;
      if (piece.length > 0) trimAnswerStart = false;
      into.answer += piece;
    }
  }

  return {
    push(chunk) {
      const out = {answer: '', reasoning: ''};
      let buffer = pending + chunk;
      pending = '';
      while (buffer.length > 0) {
        const tag = inThink ? closeTag : openTag;
        const at = buffer.indexOf(tag);
        if (at === -1) {
          const keep = partialTagLength(buffer, tag);
          emit(buffer.slice(0, buffer.length - keep), out);
          pending = buffer.slice(buffer.length - keep);
          break;
        }
        emit(buffer.slice(0, at), out);
        buffer = buffer.slice(at + tag.length);
        inThink = !inThink;
        if (inThink) {
          thinkBlocks++;
          trimReasoningStart = true;
          // Separate a second thinking block from the first.
          if (thinkBlocks > 1) out.reasoning += '\n\n';
        } else {
          trimAnswerStart = true;
        }
      }
      return out;
    },
    flush() {
      const out = {answer: '', reasoning: ''};
      emit(pending, out);
      pending = '';
      return out;
    },
    reset() {
      inThink = false;
      pending = '';
      thinkBlocks = 0;
      trimAnswerStart = false;
      trimReasoningStart = false;
    },
  };
}
