import {describe, expect, it} from 'vitest';
import {
  answerPresets,
  detectAnswerPreset,
  detectDifyEndpoint,
  isAnswerPreset,
} from '../../../source/core/answer/answer-preset.js';

describe('detectAnswerPreset', () => {
  it.each([
    ['https://api.dify.ai/v1/chat-messages', 'dify'],
    ['http://localhost/v1/completion-messages', 'dify'],
    ['http://localhost:5001/v1/workflows/run', 'dify'],
    ['http://localhost:5001/v1/workflows/1d5da1ed-2e3f/run', 'dify'],
    ['http://localhost:5001/v1/workflow/fb47b2e6/events?user=abc', 'dify'],
    ['https://proxy.example.com/dify/v1/chat-messages/', 'dify'],
    ['https://api.openai.com/v1/chat/completions', 'openai'],
    ['http://127.0.0.1:11434/v1/chat/completions?x=1', 'openai'],
    ['https://api.openai.com/v1/responses', 'openai'],
    ['https://api.anthropic.com/v1/messages', 'anthropic'],
    ['https://gateway.example.com/anthropic/v1/messages#frag', 'anthropic'],
    ['/v1/chat-messages', 'dify'],
    ['localhost:8080/v1/chat/completions', 'openai'],
    ['https://api.dify.ai/v1/chat-messages/9e8a52b9/stop', 'none'],
    ['https://api.dify.ai/v1/workflows/tasks/9e8a52b9/stop', 'none'],
    ['https://example.com/events', 'none'],
    ['https://example.com/chat-messages-archive', 'none'],
    ['not a url', 'none'],
  ])('%s → %s', (url, preset) => {
    expect(detectAnswerPreset(url)).toBe(preset);
  });

  it('is case-insensitive on the path', () => {
    expect(detectAnswerPreset('https://API.example.com/V1/Chat-Messages')).toBe('dify');
  });
});

describe('detectDifyEndpoint', () => {
  it('tells chat, completion and workflow endpoints apart', () => {
    expect(detectDifyEndpoint('https://api.dify.ai/v1/chat-messages')).toBe('chat');
    expect(detectDifyEndpoint('https://api.dify.ai/v1/completion-messages')).toBe('completion');
    expect(detectDifyEndpoint('https://api.dify.ai/v1/workflows/run')).toBe('workflow');
    expect(detectDifyEndpoint('https://api.dify.ai/v1/chat/completions')).toBeUndefined();
  });
});

describe('answerPresets', () => {
  it('lists the presets and recognises them', () => {
    expect(answerPresets).toEqual(['dify', 'openai', 'anthropic', 'none']);
    expect(isAnswerPreset('openai')).toBe(true);
    expect(isAnswerPreset('gemini')).toBe(false);
  });
});
