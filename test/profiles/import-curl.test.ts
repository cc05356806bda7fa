import {mkdir, readFile, realpath, symlink} from 'node:fs/promises';
import {dirname, isAbsolute, join, resolve} from 'node:path';
import {describe, expect, test} from 'vitest';
import {parse} from 'yaml';
import {runImportCurl} from '../../source/profiles/commands.js';
import {shippedSchemaPath} from '../../source/profiles/json-schema.js';
import {loadProfiles} from '../../source/profiles/load.js';
import {captureIo, loadOptions, project, tempDir} from './helpers.js';

async function importCurl(command: string, options: {name?: string; out?: string} = {}) {
  const cwd = await tempDir();
  const io = captureIo(cwd);
  const code = await runImportCurl(command, options, io);
  return {code, stdout: io.out(), stderr: io.err(), cwd};
}

/** The profile printed on stdout, as data. */
function printedStream(stdout: string): Record<string, unknown> {
  const profile = parse(stdout) as {streams: Array<Record<string, unknown>>};
  return profile.streams[0] ?? {};
}

const schemaComment = /^# yaml-language-server: \$schema=(.+)$/;

async function shippedSchema(): Promise<string> {
  return realpath(shippedSchemaPath());
}

/** The real file the written profile's `$schema` comment points at, resolved as an editor does. */
async function schemaTarget(file: string): Promise<string> {
  const reference = schemaComment.exec((await readFile(file, 'utf8')).split('\n')[0] ?? '')?.[1];
  expect(reference).toBeDefined();
  expect(reference).not.toMatch(/^\//);
  return realpath(resolve(await realpath(dirname(file)), reference ?? ''));
}

// As shown on a Dify app's "API Access" page, with a real-looking key.
const difyCurl = `curl -X POST 'https://api.dify.ai/v1/chat-messages' \\
--header 'Authorization: Bearer app-Q7mR2kVx9LwP4tZs' \\
--header 'Content-Type: application/json' \\
--data-raw '{
    "inputs": {},
    "query": "What are the specs of the iPhone 13 Pro Max?",
    "response_mode": "streaming",
    "conversation_id": "",
    "user": "abc-123"
}'`;

describe('ssedeck import-curl', () => {
  test('a Dify chat-messages snippet: bearer key to ${DIFY_API_KEY}, JSON body, answer preset', async () => {
    const {code, stdout, stderr} = await importCurl(difyCurl);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=.*ssedeck-profile\.schema\.json$/,
    );
    expect(parse(stdout)).toEqual({
      name: 'dify',
      streams: [
        {
          name: 'dify',
          method: 'POST',
          url: 'https://api.dify.ai/v1/chat-messages',
          headers: {'Content-Type': 'application/json'},
          auth: {type: 'bearer', token: '${DIFY_API_KEY}'},
          body: {
            inputs: {},
            query: 'What are the specs of the iPhone 13 Pro Max?',
            response_mode: 'streaming',
            conversation_id: '',
            user: 'abc-123',
          },
          answer: 'dify',
        },
      ],
    });
    expect(stderr).toContain('export DIFY_API_KEY=...');
    expect(stdout + stderr).not.toContain('Q7mR2kVx9LwP4tZs');
  });

  test('an OpenAI request that already uses $OPENAI_API_KEY keeps that variable', async () => {
    const {code, stdout, stderr} =
      await importCurl(`curl https://api.openai.com/v1/chat/completions \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer $OPENAI_API_KEY" \\
  -d '{"model": "gpt-4o-mini", "stream": true, "messages": [{"role": "user", "content": "Hello!"}]}'`);
    expect(code).toBe(0);
    expect(printedStream(stdout)).toMatchObject({
      name: 'openai',
      method: 'POST',
      auth: {type: 'bearer', token: '${OPENAI_API_KEY}'},
      body: {model: 'gpt-4o-mini', stream: true, messages: [{role: 'user', content: 'Hello!'}]},
      answer: 'openai',
    });
    expect(stderr).toContain('Uses $OPENAI_API_KEY from your environment.');
    expect(stderr).not.toContain('export');
  });

  test('a GET with -H and -G --data-urlencode: query map, api-key header to auth', async () => {
    const {code, stdout, stderr} = await importCurl(
      `curl -sN -G 'https://feeds.example.com/v1/events?api_key=qs-secret-777' -H 'X-Api-Key: hdr-secret-888' -H 'Accept: text/event-stream' --data-urlencode 'q=hello world & more' --data-urlencode topic=updates`,
      {name: 'events'},
    );
    expect(code).toBe(0);
    expect(printedStream(stdout)).toEqual({
      name: 'events',
      method: 'GET',
      url: 'https://feeds.example.com/v1/events',
      query: {api_key: '${EVENTS_API_KEY_2}', q: 'hello world & more', topic: 'updates'},
      headers: {Accept: 'text/event-stream'},
      auth: {type: 'api_key', header: 'X-Api-Key', token: '${EVENTS_API_KEY}'},
    });
    expect(stderr).toContain('export EVENTS_API_KEY=...');
    expect(stderr).toContain('export EVENTS_API_KEY_2=...');
    expect(stdout + stderr).not.toMatch(/secret-(777|888)/);
  });

  test("$'...' quoting from devtools, --compressed, cookies and CRLF continuations", async () => {
    const command = [
      `curl 'https://udify.app/api/chat-messages' \\`,
      `  -H 'authorization: Bearer eyJhbGciOi.jwt-secret' \\`,
      `  -H 'content-type: application/json' \\`,
      `  -H 'cookie: session=cookie-secret' \\`,
      `  --data-raw $'{"query":"it\\'s \\u4e2d\\u6587 \\u0021 \\ud83d\\ude00","inputs":{}}' \\`,
      `  --compressed`,
    ].join('\r\n');
    const {code, stdout} = await importCurl(command);
    expect(code).toBe(0);
    expect(printedStream(stdout)).toMatchObject({
      method: 'POST',
      headers: {'content-type': 'application/json', cookie: '${DIFY_COOKIE}'},
      auth: {type: 'bearer', token: '${DIFY_API_KEY}'},
      body: {query: "it's 中文 ! 😀", inputs: {}},
      answer: 'dify',
    });
    expect(stdout).not.toMatch(/jwt-secret|cookie-secret/);
  });

  test('literal ${ in imported text stays literal when the profile is loaded', async () => {
    const {stdout, cwd} = await importCurl(
      `curl -u alice:pw https://x.test/sse -d 'a=1' -d 'template=\${name}'`,
      {out: 'profiles/x.yaml'},
    );
    expect(stdout).not.toContain('alice');
    const text = await readFile(join(cwd, 'profiles/x.yaml'), 'utf8');
    expect(parse(text).streams[0]).toMatchObject({
      body: 'a=1&template=$${name}',
      headers: {Authorization: 'Basic ${X_BASIC_AUTH}'},
    });
    const {streams} = await loadProfiles(['x'], loadOptions(cwd, {X_BASIC_AUTH: 'YWxpY2U6cHc='}));
    expect(streams[0]?.spec.body).toBe('a=1&template=${name}');
    expect(streams[0]?.spec.headers).toMatchObject({
      Authorization: 'Basic YWxpY2U6cHc=',
      'Content-Type': 'application/x-www-form-urlencoded',
    });
  });

  test('unknown options are reported and nothing is printed', async () => {
    const {code, stdout, stderr} = await importCurl(
      `curl --proxy-user bob:hunter2 -XPOST https://x.test/sse --cert me.pem -Z`,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'import-curl: --proxy-user: unknown curl option (not converted)',
      'import-curl: --cert: unknown curl option (not converted)',
      'import-curl: -Z: unknown curl option (not converted)',
    ]);
    expect(stderr).not.toContain('hunter2');
  });

  test('broken commands: no URL, two URLs, unbalanced quotes, a value missing, a file body', async () => {
    expect((await importCurl('curl https://a.test https://b.test')).stderr).toBe(
      'import-curl: more than one URL (or a value of an unknown option); import one request at a time\n',
    );
    expect((await importCurl('curl -H "X: y"')).stderr).toBe(
      'import-curl: no URL in the command\n',
    );
    expect((await importCurl("curl 'https://x.test")).stderr).toMatch(
      /^import-curl: cannot split the command into words/,
    );
    expect((await importCurl('curl https://x.test -H')).stderr).toBe(
      'import-curl: -H: needs a value\n',
    );
    expect((await importCurl('curl https://x.test -d @body.json')).stderr).toBe(
      'import-curl: -d @body.json: reads a file; paste the content instead\n',
    );
    expect((await importCurl('curl ftp://x.test/file')).code).toBe(2);
  });

  test('--out writes a loadable file with a relative $schema and refuses to overwrite', async () => {
    const {cwd} = await project({'profiles/ssedeck-profile.schema.json': '{}'});
    const io = captureIo(cwd);
    expect(await runImportCurl(difyCurl, {out: 'profiles/dify-app.yaml', name: 'my-app'}, io)).toBe(
      0,
    );
    expect(io.out()).toContain(`wrote ${join('profiles', 'dify-app.yaml')}`);
    expect(io.out()).toContain('export DIFY_API_KEY=...');
    // A file of the same name beside the profile is not ssedeck's schema: the reference is.
    expect(await schemaTarget(join(cwd, 'profiles/dify-app.yaml'))).toBe(await shippedSchema());

    const {streams} = await loadProfiles(['dify-app'], loadOptions(cwd, {DIFY_API_KEY: 'app-x'}));
    expect(streams[0]).toMatchObject({
      spec: {name: 'my-app', auth: {token: 'app-x'}},
      answer: 'dify',
    });

    const again = captureIo(cwd);
    expect(await runImportCurl(difyCurl, {out: 'profiles/dify-app.yaml'}, again)).toBe(2);
    expect(again.err()).toMatch(/already exists/);
  });

  test('--out elsewhere points $schema at the shipped schema', async () => {
    const {cwd, stdout} = await importCurl('curl https://x.test/events', {out: 'sub/dir/p.yaml'});
    expect(stdout).toContain('Run it: ssedeck --profile');
    const firstLine = (await readFile(join(cwd, 'sub/dir/p.yaml'), 'utf8')).split('\n')[0];
    expect(firstLine).toMatch(
      /^# yaml-language-server: \$schema=(\.\.\/)+.*profiles\/ssedeck-profile\.schema\.json$/,
    );
  });
});

describe('import-curl drops headers that hurt a stream', () => {
  test('drops Accept-Encoding, Last-Event-ID, Sec-Fetch-* and friends, keeps the rest, says so once', async () => {
    const {code, stdout, stderr} = await importCurl(
      `curl 'https://feed.example.test/events' -H 'accept-encoding: gzip, br' -H 'Connection: keep-alive' ` +
        `-H 'TE: trailers' -H 'Host: feed.example.test' -H 'Content-Length: 0' -H 'Last-Event-ID: 42' ` +
        `-H 'Sec-Fetch-Mode: cors' -H 'sec-ch-ua: "x"' -H 'Priority: u=1' -H 'Upgrade: h2c' ` +
        `-H 'Keep-Alive: 5' -H 'Proxy-Connection: keep-alive' -H 'Accept: text/event-stream' -H 'X-Team: blue'`,
    );
    expect(code).toBe(0);
    expect(printedStream(stdout).headers).toEqual({
      Accept: 'text/event-stream',
      'X-Team': 'blue',
    });
    const lines = stderr.split('\n').filter((line) => line.includes('dropped'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('accept-encoding');
    expect(lines[0]).toContain('Last-Event-ID');
    expect(lines[0]).toContain('Sec-Fetch-Mode');
  });
});

describe('import-curl TLS options', () => {
  test('-k and --cacert become insecure: true and caFile', async () => {
    const {code, stdout, stderr} = await importCurl(
      `curl -k --cacert /etc/ssl/private-ca.pem https://dify.internal.test/v1/chat-messages`,
    );
    expect(stderr).not.toContain('unknown');
    expect(code).toBe(0);
    expect(printedStream(stdout)).toMatchObject({
      insecure: true,
      caFile: '/etc/ssl/private-ca.pem',
    });
    const long = await importCurl(`curl --insecure -sN https://x.test/events`);
    expect(printedStream(long.stdout).insecure).toBe(true);
    expect(printedStream(long.stdout)).not.toHaveProperty('caFile');
    const plain = await importCurl(`curl https://x.test/events`);
    expect(printedStream(plain.stdout)).not.toHaveProperty('insecure');
  });

  test('--out file with -k loads with insecure and caFile in the stream spec', async () => {
    const {cwd} = await project({});
    const io = captureIo(cwd);
    const command = `curl -k --cacert ca.pem https://x.test/events`;
    expect(await runImportCurl(command, {out: 'profiles/tls.yaml'}, io)).toBe(0);
    const {streams} = await loadProfiles(['tls'], loadOptions(cwd, {}));
    expect(streams[0]?.spec).toMatchObject({insecure: true});
    // Relative to where curl would have run, so the profile works from any directory.
    expect(streams[0]?.spec.caFile).toBe(join(cwd, 'ca.pem'));
  });
});

describe('import-curl stream names', () => {
  test.each([
    ['http://127.0.0.1:8787/v1/chat-messages', 'chat-messages'],
    ['http://localhost:8787/ticker', 'ticker'],
    ['http://[::1]:8080/api/v2/Events%20Feed/', 'events-feed'],
    ['localhost:3000/sse', 'sse'],
    ['http://127.0.0.1:8787/', 'stream'],
    ['https://api.dify.ai/v1/chat-messages', 'dify'],
  ])('%s is named %s', async (url, name) => {
    const {code, stdout} = await importCurl(`curl '${url}'`);
    expect(code).toBe(0);
    expect(printedStream(stdout).name).toBe(name);
  });
});

describe('import-curl $schema comment', () => {
  test('on stdout: an absolute path to the shipped schema', async () => {
    const {stdout} = await importCurl('curl https://x.test/events');
    const reference = schemaComment.exec(stdout.split('\n')[0] ?? '')?.[1] ?? '';
    expect(isAbsolute(reference)).toBe(true);
    expect(await realpath(reference)).toBe(await shippedSchema());
  });

  test('--out: relative to the file, and right when the directory is reached through a symlink', async () => {
    const root = await tempDir();
    const real = join(root, 'deep', 'er', 'real');
    await mkdir(real, {recursive: true});
    await symlink(real, join(root, 'link'));
    const io = captureIo(join(root, 'link'));
    expect(await runImportCurl('curl https://x.test/events', {out: 'sub/p.yaml'}, io)).toBe(0);
    expect(await schemaTarget(join(real, 'sub', 'p.yaml'))).toBe(await shippedSchema());
  });
});
