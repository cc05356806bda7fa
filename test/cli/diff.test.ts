import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {difyNodeSequence} from '../../source/core/recording/dify-node-sequence.js';
import type {StreamRecord} from '../../source/core/records.js';
import {runCli} from '../helpers/cli.js';

let dir = '';
let before = '';
let after = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ssedeck-diff-'));
  before = join(dir, 'before.ndjson');
  after = join(dir, 'after.ndjson');
  const args = ['-p', 'demo', '--stream', 'dify-chatflow', '--json'];
  expect((await runCli([...args, '--record', before])).code).toBe(0);
  expect(
    (await runCli([...args, '--ask', 'Tell me about reconnects', '--record', after])).code,
  ).toBe(0);
}, 30_000);

afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('ssedeck diff', () => {
  it('reports a word diff of two demo runs with different answers, their timings and Dify nodes, exit 1', async () => {
    const {code, stdout, stderr} = await runCli(['diff', before, after]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('== dify-chatflow ==');
    expect(stdout).toContain('  answer     differs:');
    expect(stdout).toContain('{+Tell me about reconnects+}');
    expect(stdout).toMatch(/\[-What is SSE\?/);
    expect(stdout).toMatch(/^ {2}TTFT {7}\d/m);
    expect(stdout).toMatch(/^ {2}tokens {5}\d/m);
    expect(stdout).toMatch(/^ {4}1 {8}Start succeeded/m);
    expect(stdout).toMatch(/^ {4}2 {8}LLM succeeded \d+\.\d\ds/m);
    expect(stdout.trimEnd().endsWith('answers differ')).toBe(true);
    // Readable at 80 columns: only the answer text itself may be longer.
    const long = stdout.split('\n').filter((line) => line.length > 80 && !line.startsWith('    '));
    expect(long).toEqual([]);
    expect(stdout).not.toContain('\u001b');
  }, 20_000);

  it('the same recording twice: answers are equal, exit 0', async () => {
    const {code, stdout} = await runCli(['diff', before, before]);
    expect(code).toBe(0);
    expect(stdout).toContain('  answer     same');
    expect(stdout.trimEnd().endsWith('answers are equal')).toBe(true);
  }, 20_000);

  it('usage and file errors: one line naming the file, exit 2', async () => {
    const one = await runCli(['diff', before]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/^ssedeck: diff: expected two recordings/);
    const missing = await runCli(['diff', before, join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `ssedeck: diff: cannot read ${join(dir, 'nope.ndjson')} (no such file)\n`,
    );
    const bad = join(dir, 'bad.ndjson');
    await writeFile(bad, '{"type":"recording","format":7}\n');
    const version = await runCli(['diff', bad, before]);
    expect(version.code).toBe(2);
    expect(version.stderr).toBe(
      `ssedeck: diff: ${bad}: recording format 7 is not supported (this ssedeck reads format 1)\n`,
    );
  }, 20_000);
});

describe('difyNodeSequence', () => {
  const event = (data: unknown): StreamRecord => ({
    stream: 's',
    timestamp: 0,
    bytesReceived: 0,
    type: 'event',
    eventNumber: 1,
    eventType: 'message',
    data: JSON.stringify(data),
    eventId: '',
  });
  it('orders nodes by start, with the status and elapsed time of node_finished; unfinished nodes are running', () => {
    const steps = difyNodeSequence([
      event({event: 'node_started', data: {id: 'a', node_id: 'n1', title: 'Start'}}),
      event({event: 'node_started', data: {id: 'b', node_id: 'n2', title: 'LLM'}}),
      event({event: 'message', answer: 'x'}),
      event({
        event: 'node_finished',
        data: {id: 'a', title: 'Start', status: 'succeeded', elapsed_time: 0.01},
      }),
      event({
        event: 'node_finished',
        data: {id: 'b', title: 'LLM', status: 'failed', elapsed_time: 1.5},
      }),
      event({event: 'node_started', data: {id: 'c', title: 'Answer'}}),
    ]);
    expect(steps).toEqual([
      {id: 'a', title: 'Start', status: 'succeeded', elapsed: 0.01},
      {id: 'b', title: 'LLM', status: 'failed', elapsed: 1.5},
      {id: 'c', title: 'Answer', status: 'running', elapsed: undefined},
    ]);
  });
});
