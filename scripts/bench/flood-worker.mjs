// The bench's own SSE flood server, run in a worker thread so that pumping
// events never competes with the bench's main thread (xterm parsing, key
// timing). It counts the events it hands to each socket in a shared array.
// Backpressure: it writes one chunk, and the next only after 'drain'.
import {Buffer} from 'node:buffer';
import {clearInterval, setImmediate, setInterval, setTimeout} from 'node:timers';
import {createServer} from 'node:http';
import {parentPort, workerData} from 'node:worker_threads';

const counts = new Int32Array(workerData.counts); // [slot] = events written on stream slot
const gates = new Int32Array(workerData.gates); // [0] = 1 releases streams paused at pauseAt
const EVENT_SIZE = 100;
const CHUNK_EVENTS = 640; // 64,000 bytes per write

/** One 100-byte event with an 8-digit id, written into `target` at `offset`. */
function writeEvent(target, offset, id) {
  const digits = String(id % 1e8).padStart(8, '0');
  const head = `id: ${digits}\nevent: tick\ndata: {"n":"${digits}","text":"`;
  const tail = `"}\n\n`;
  const fill = EVENT_SIZE - head.length - tail.length;
  target.write(head + 'x'.repeat(fill) + tail, offset, 'latin1');
}

// A template chunk; ids are rewritten in place per chunk (the 8 digits at
// fixed offsets), so each write costs one copy and a few digit stores.
const template = Buffer.alloc(CHUNK_EVENTS * EVENT_SIZE);
for (let i = 0; i < CHUNK_EVENTS; i++) writeEvent(template, i * EVENT_SIZE, 0);
const ID_OFFSET = 4; // "id: "
const N_OFFSET = template.indexOf('"n":"') + 5;

function chunkFrom(firstId, events) {
  const chunk = Buffer.from(template.subarray(0, events * EVENT_SIZE));
  for (let i = 0; i < events; i++) {
    const digits = String((firstId + i) % 1e8).padStart(8, '0');
    chunk.write(digits, i * EVENT_SIZE + ID_OFFSET, 'latin1');
    chunk.write(digits, i * EVENT_SIZE + N_OFFSET, 'latin1');
  }
  return chunk;
}

function bigEvent(id, size) {
  const head = `id: ${id}\nevent: big\ndata: {"text":"`;
  const tail = `"}\n\n`;
  return Buffer.from(head + 'y'.repeat(Math.max(0, size - head.length - tail.length)) + tail);
}

const sockets = new Set();
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const slot = Number(url.searchParams.get('s') ?? 0);
  const total = Number(url.searchParams.get('n') ?? 0); // 0 = until the client leaves
  const every = Number(url.searchParams.get('every') ?? 0); // ms between single events
  const pauseAt = Number(url.searchParams.get('pauseAt') ?? 0);
  const size = Number(url.searchParams.get('size') ?? EVENT_SIZE);
  res.writeHead(200, {'content-type': 'text/event-stream', 'cache-control': 'no-store'});
  res.flushHeaders();
  let sent = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const finished = () => total > 0 && sent >= total;

  if (size !== EVENT_SIZE) {
    // Big events: one write each.
    const next = () => {
      if (closed) return;
      if (finished()) return void res.end();
      sent++;
      Atomics.add(counts, slot, 1);
      if (res.write(bigEvent(sent, size))) setImmediate(next);
      else res.once('drain', next);
    };
    return next();
  }

  if (every > 0) {
    const timer = setInterval(() => {
      if (closed) return clearInterval(timer);
      sent++;
      Atomics.add(counts, slot, 1);
      res.write(chunkFrom(sent, 1));
      if (finished()) {
        clearInterval(timer);
        res.end();
      }
    }, every);
    res.on('close', () => clearInterval(timer));
    return;
  }

  const pump = () => {
    for (;;) {
      if (closed) return;
      if (finished()) return void res.end();
      if (pauseAt > 0 && sent >= pauseAt && Atomics.load(gates, 0) === 0) {
        return void setTimeout(pump, 20);
      }
      let events = CHUNK_EVENTS;
      if (total > 0) events = Math.min(events, total - sent);
      if (pauseAt > 0 && sent < pauseAt) events = Math.min(events, pauseAt - sent);
      const chunk = chunkFrom(sent + 1, events);
      sent += events;
      Atomics.add(counts, slot, events);
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
  };
  pump();
});
server.on('connection', (socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
server.listen(0, '127.0.0.1', () => {
  parentPort.postMessage({type: 'listening', port: server.address().port});
});
parentPort.on('message', (message) => {
  if (message.type === 'close') {
    for (const socket of sockets) socket.destroy();
    server.close(() => parentPort.postMessage({type: 'closed'}));
  }
});
