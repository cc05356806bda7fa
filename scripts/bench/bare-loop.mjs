// The bare loop: the limit ssedeck is measured against. It reads each URL
// with undici's fetch (the one the engine uses) and eventsource-parser, and
// only counts events. Runs until killed; prints the count on SIGTERM.
import {createParser} from 'eventsource-parser';
import {fetch} from 'undici';

let count = 0;
process.on('SIGTERM', () => {
  process.stdout.write(`${count}\n`);
  process.exit(0);
});

async function read(url) {
  const response = await fetch(url);
  const parser = createParser({onEvent: () => count++});
  const decoder = new TextDecoder();
  for await (const chunk of response.body) parser.feed(decoder.decode(chunk, {stream: true}));
}

await Promise.all(process.argv.slice(2).map(read));
process.stdout.write(`${count}\n`);
