import {describe, expect, it} from 'vitest';
import type {EventRecord} from '../../../source/core/records.js';
import {eventLine} from '../../../source/core/store/event-entry.js';
import {summarizeEvent} from '../../../source/core/store/event-summary.js';
import {readFixture, recordsFromChunks} from './sse-records.js';

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function summaries(fixture: string): string[] {
  return recordsFromChunks([readFixture(fixture)])
    .filter((record): record is EventRecord => record.type === 'event')
    .map((record) => summarizeEvent(record.eventType, parse(record.data)) ?? '-');
}

describe('event summaries (the useful part of a row first)', () => {
  it('Dify chatflow: node title, type, status and elapsed; answer chunks; usage', () => {
    const lines = summaries('dify-chatflow-two-answers.sse');
    expect(lines.some((line) => /^Start \(start\) succeeded [\d.]+s$/.test(line))).toBe(true);
    expect(lines.some((line) => /^LLM 介绍 \(llm\)$/.test(line))).toBe(true);
    expect(lines.some((line) => /^LLM 介绍 \(llm\) succeeded [\d.]+s$/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('"'))).toBe(true);
    expect(lines.some((line) => /^tokens: prompt \d+, completion \d+, total \d+$/.test(line))).toBe(
      true,
    );
    expect(lines.some((line) => /^succeeded [\d.]+s$/.test(line))).toBe(true);
  });

  it('Dify error events show the message', () => {
    expect(
      summaries('dify-chat-error-event.sse').some((line) => line !== '-' && !line.startsWith('"')),
    ).toBe(true);
  });

  it('OpenAI chat deltas and finish_reason, Responses deltas, Anthropic text deltas', () => {
    const chat = summaries('openai-chat-usage.sse');
    expect(chat).toContain('"Hello"');
    expect(chat.some((line) => line.includes('finish: stop'))).toBe(true);
    expect(summaries('openai-responses.sse')).toContain('"Hi"');
    expect(summaries('anthropic-thinking.sse')).toContain('"**12,231**"');
  });

  it('puts the summary before the one-line JSON, sanitized', () => {
    const data = JSON.stringify({event: 'message', conversation_id: 'c1', answer: 'Hi\u001b[2J'});
    const line = eventLine('message', data);
    expect(line.startsWith('"Hi\\u001b[2J"  ')).toBe(true);
    expect(line).toContain('{"event":"message","conversation_id":"c1"');
    expect(line).not.toContain('\u001b');
    expect(eventLine('message', 'plain text')).toBe('plain text');
    expect(summarizeEvent('message', [1, 2])).toBeUndefined();
  });
});
