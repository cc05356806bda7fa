import {spawn, type ChildProcess} from 'node:child_process';
import {once} from 'node:events';
import {afterEach, describe, expect, it} from 'vitest';
import {makeStream} from '../helpers/streams.js';

/**
 * A flood server in its own process (so that it keeps the socket full while
 * this process is busy): 100-byte events in 64 KiB writes, respecting
 * backpressure, for `seconds`, then the end of the body.
 */
const FLOOD_SERVER = `
const http = require('node:http');
const seconds = Number(process.argv[1]);
const event = 'id: 1\\ndata: ' + 'x'.repeat(86) + '\\n\\n';
const batch = Buffer.from(event.repeat(Math.floor(65536 / event.length)));
const server = http.createServer((request, response) => {
  response.writeHead(200, {'content-type': 'text/event-stream'});
  const until = Date.now() + seconds * 1000;
  const pump = () => {
    while (Date.now() < until) if (!response.write(batch)) return void response.once('drain', pump);
    response.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => process.stdout.write('http://127.0.0.1:' + server.address().port + '/\\n'));
`;

let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill();
    await once(child, 'exit');
  }
  child = undefined;
});

async function startFloodServer(seconds: number): Promise<string> {
  child = spawn(process.execPath, ['-e', FLOOD_SERVER, String(seconds)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return line.toString().trim();
}

describe('reading yields to the event loop', () => {
  it('keeps a 10 ms timer firing on time while a loopback flood is read', async () => {
    const url = await startFloodServer(2);
    const {stream} = makeStream({url, reconnect: 'never'});
    let events = 0;
    // Counted in events, not milliseconds: a loaded machine can delay any
    // timer, but only a reader that never yields delivers most of the flood
    // between two ticks.
    let sinceTick = 0;
    let maxBurst = 0;
    stream.subscribe((record) => {
      if (record.type !== 'event') return;
      events++;
      sinceTick++;
    });
    let ticks = 0;
    const timer = setInterval(() => {
      maxBurst = Math.max(maxBurst, sinceTick);
      sinceTick = 0;
      ticks++;
    }, 10);
    const summary = await stream.start();
    clearInterval(timer);
    maxBurst = Math.max(maxBurst, sinceTick);
    expect(summary.status).toBe('completed');
    // Enough of a flood to have starved the timer before the reader yielded.
    expect(events).toBeGreaterThan(20_000);
    expect(ticks).toBeGreaterThan(20);
    expect(maxBurst).toBeLessThan(events / 5);
  }, 20_000);
});
