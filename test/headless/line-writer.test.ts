import {spawn, type ChildProcess} from 'node:child_process';
import {Writable} from 'node:stream';
import {afterEach, describe, expect, it} from 'vitest';
import {encodeBatch, SCRATCH_CHARS} from '../../source/headless/encode-batch.js';
import {BATCH_CHARS, createLineWriter} from '../../source/headless/line-writer.js';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A real Writable that records every chunk it is handed. With `hold`, it
 * takes no chunk until `release()` (a reader that stopped reading).
 */
function recordingStream(options: {highWaterMark?: number; hold?: boolean} = {}) {
  const chunks: Buffer[] = [];
  const held: Array<() => void> = [];
  let holding = options.hold ?? false;
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      if (holding) held.push(callback);
      else callback();
    },
  });
  return {
    stream,
    chunks,
    text: () => Buffer.concat(chunks).toString('utf8'),
    release() {
      holding = false;
      for (const callback of held.splice(0)) callback();
    },
  };
}

const line = (index: number) => `{"n":${index},"text":"${'x'.repeat(80)}"}\n`;

describe('batching', () => {
  it('writes the lines of one turn as one chunk, in order, after the turn', async () => {
    const out = recordingStream();
    const writer = createLineWriter(out.stream);
    const lines = Array.from({length: 100}, (_, index) => line(index));
    for (const text of lines) writer.write(text);
    expect(out.chunks).toHaveLength(0);
    await turn();
    expect(out.chunks).toHaveLength(1);
    expect(out.text()).toBe(lines.join(''));
  });

  it('writes at once when a batch reaches BATCH_CHARS, and the rest on the next turn', async () => {
    const out = recordingStream({highWaterMark: 1024 * 1024});
    const writer = createLineWriter(out.stream);
    const lines: string[] = [];
    for (let index = 0; lines.join('').length < BATCH_CHARS * 2.5; index++) {
      lines.push(line(index));
      writer.write(line(index));
    }
    expect(out.chunks.length).toBe(2);
    for (const chunk of out.chunks) expect(chunk.length).toBeGreaterThanOrEqual(BATCH_CHARS);
    await turn();
    expect(out.chunks.length).toBe(3);
    expect(out.text()).toBe(lines.join(''));
  });

  it('keeps every byte of non-ASCII text, lone surrogates and huge lines as UTF-8', async () => {
    const texts = [
      'café 中文 🎉\n',
      'lone \ud800 and \udc00\n',
      `${'é'.repeat(SCRATCH_CHARS + 10)}\n`, // longer than the scratch buffer
      `${'中'.repeat(BATCH_CHARS - 3)}\n`, // three bytes each
      'end\n',
    ];
    const out = recordingStream({highWaterMark: 8 * 1024 * 1024});
    const writer = createLineWriter(out.stream);
    for (const text of texts) writer.write(text);
    await writer.end();
    expect(Buffer.concat(out.chunks).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
    for (const text of texts) {
      const encoded = encodeBatch(text);
      expect(Buffer.from(encoded).equals(Buffer.from(text, 'utf8'))).toBe(true);
    }
  });

  it('flush() hands the pending batch over before the turn ends', () => {
    const out = recordingStream();
    const writer = createLineWriter(out.stream);
    writer.write('a\n');
    writer.flush();
    expect(out.text()).toBe('a\n');
  });
});

describe('backpressure', () => {
  it('hands out a wait once the stream is full, and resolves it when it drains', async () => {
    const out = recordingStream({highWaterMark: 1024, hold: true});
    const writer = createLineWriter(out.stream);
    writer.write(line(0));
    expect(writer.waitForDrain()).toBeUndefined(); // nothing handed to the stream yet
    await turn();
    writer.write('x'.repeat(2048));
    await turn();
    const wait = writer.waitForDrain();
    expect(wait).toBeInstanceOf(Promise);
    let resolved = false;
    void wait!.then(() => (resolved = true));
    await turn();
    expect(resolved).toBe(false);
    out.release();
    await wait;
    expect(writer.waitForDrain()).toBeUndefined();
  });

  it('release() resolves the wait and hands out no more', async () => {
    const out = recordingStream({highWaterMark: 16, hold: true});
    const writer = createLineWriter(out.stream);
    writer.write(line(0));
    writer.flush();
    const wait = writer.waitForDrain();
    expect(wait).toBeInstanceOf(Promise);
    writer.release();
    await wait;
    writer.write(line(1));
    writer.flush();
    expect(writer.waitForDrain()).toBeUndefined();
  });

  it('a real pipe nobody reads: the writer asks to wait after a bounded amount', async () => {
    // A child that never reads its stdin: the kernel pipe fills, then the stream's buffer.
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    children.push(child);
    const writer = createLineWriter(child.stdin!);
    let written = 0;
    // What a well-behaved engine does: write a chunk's worth, then check the wait.
    while (writer.waitForDrain() === undefined && written < 64 * 1024 * 1024) {
      for (let index = 0; index < 500; index++) {
        writer.write(line(index));
        written += line(index).length;
      }
      await turn();
    }
    expect(writer.waitForDrain()).toBeInstanceOf(Promise);
    // The pipe (64 KiB on Linux), the stream's buffer and one batch or chunk, not more.
    expect(written).toBeLessThan(2 * 1024 * 1024);
    expect(child.stdin!.writableLength).toBeLessThan(1024 * 1024);
    // The reader goes away: the wait resolves, the writer is closed.
    const wait = writer.waitForDrain();
    const closed = new Promise<void>((resolve) => writer.onClose(resolve));
    child.kill('SIGKILL');
    await closed;
    await wait;
    expect(writer.closed).toBe(true);
  });
});

describe('end()', () => {
  it('writes the pending batch first and resolves once the stream took everything', async () => {
    const out = recordingStream({highWaterMark: 64, hold: true});
    const writer = createLineWriter(out.stream);
    writer.write('first\n');
    writer.write('last\n');
    let ended = false;
    const end = writer.end().then(() => (ended = true));
    expect(out.text()).toBe('first\nlast\n');
    await turn();
    expect(ended).toBe(false);
    out.release();
    await end;
    expect(ended).toBe(true);
  });

  it('gives up after timeoutMs when the stream never drains', async () => {
    const out = recordingStream({highWaterMark: 16, hold: true});
    const writer = createLineWriter(out.stream);
    writer.write(line(0));
    await writer.end(20);
    expect(out.text()).toBe(line(0));
  });
});

describe('a reader that went away (EPIPE)', () => {
  it('closes the writer, drops what is pending and writes nothing more', async () => {
    const child = spawn(process.execPath, ['-e', ''], {stdio: ['pipe', 'ignore', 'ignore']});
    children.push(child);
    await new Promise((resolve) => child.on('exit', resolve));
    const writer = createLineWriter(child.stdin!);
    let closes = 0;
    writer.onClose(() => closes++);
    const closed = new Promise<void>((resolve) => writer.onClose(resolve));
    for (let index = 0; index < 100; index++) writer.write(line(index));
    await closed;
    expect(writer.closed).toBe(true);
    expect(closes).toBe(1);
    writer.write('more\n');
    writer.flush();
    expect(writer.waitForDrain()).toBeUndefined();
    await writer.end(1000);
    let late = 0;
    writer.onClose(() => late++);
    expect(late).toBe(1);
  });
});
