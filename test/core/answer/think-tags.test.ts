import {describe, expect, it} from 'vitest';
import {createThinkTagSplitter} from '../../../source/core/answer/think-tags.js';

function splitAll(chunks: readonly string[]): {answer: string; reasoning: string} {
  const splitter = createThinkTagSplitter();
  let answer = '';
  let reasoning = '';
  for (const chunk of [...chunks.map((text) => splitter.push(text)), splitter.flush()]) {
    answer += chunk.answer;
    reasoning += chunk.reasoning;
  }
  return {answer, reasoning};
}

/** Every way to cut `text` into three pieces (two cut points). */
function everyThreeWaySplit(text: string): string[][] {
  const splits: string[][] = [];
  for (let first = 0; first <= text.length; first++) {
    for (let second = first; second <= text.length; second++) {
      splits.push([text.slice(0, first), text.slice(first, second), text.slice(second)]);
    }
  }
  return splits;
}

describe('think tag splitter', () => {
  it('moves a leading <think> block into the reasoning and trims the layout newlines', () => {
    expect(splitAll(['<think>\nLet me think.\n</think>\n\nThe answer is 4.'])).toEqual({
      answer: 'The answer is 4.',
      reasoning: 'Let me think.\n',
    });
  });

  it('gives the same split wherever the chunks are cut, also inside the tags', () => {
    const text = 'Intro <think>\n思考 a<b</think>\n\n答案 <b>bold</b> <thin';
    const expected = {answer: 'Intro 答案 <b>bold</b> <thin', reasoning: '思考 a<b'};
    expect(splitAll([text])).toEqual(expected);
    for (const chunks of everyThreeWaySplit(text)) expect(splitAll(chunks)).toEqual(expected);
  });

  it('handles tags cut one character at a time', () => {
    const text = '<think>plan</think>done';
    expect(splitAll([...text])).toEqual({answer: 'done', reasoning: 'plan'});
  });

  it('separates two thinking blocks with a blank line', () => {
    expect(splitAll(['<think>one</think>A<think>two</think>B'])).toEqual({
      answer: 'AB',
      reasoning: 'one\n\ntwo',
    });
  });

  it('keeps a possible tag start back until the next chunk shows it is plain text', () => {
    const splitter = createThinkTagSplitter();
    expect(splitter.push('a <')).toEqual({answer: 'a ', reasoning: ''});
    expect(splitter.push(' b')).toEqual({answer: '< b', reasoning: ''});
    expect(splitter.push('x <thi')).toEqual({answer: 'x ', reasoning: ''});
    expect(splitter.flush()).toEqual({answer: '<thi', reasoning: ''});
  });

  it('keeps an unclosed block as reasoning', () => {
    expect(splitAll(['<think>still thinking'])).toEqual({answer: '', reasoning: 'still thinking'});
  });

  it('starts over after reset', () => {
    const splitter = createThinkTagSplitter();
    splitter.push('<think>abc');
    splitter.reset();
    expect(splitter.push('plain')).toEqual({answer: 'plain', reasoning: ''});
  });
});
