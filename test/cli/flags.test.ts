import {readFileSync} from 'node:fs';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {ensureBuilt} from '../e2e/helpers/built-cli.js';
import {ndjson, runCli} from '../helpers/cli.js';
import {sseHead, startTestServer, type TestServer} from '../helpers/http-server.js';

let server: TestServer | undefined;
beforeAll(() => ensureBuilt(), 120_000);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const version = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** A stream of numbered events that echoes the Authorization header in the first one. */
async function echoServer(): Promise<TestServer> {
  return startTestServer((request, response) => {
    sseHead(response);
    response.write(`data: ${request.headers.authorization ?? 'none'}\n\n`);
    for (let n = 2; n <= 5; n++) response.write(`data: ${n}\n\n`);
    response.end();
  });
}

describe('a single-value flag given twice takes the last value, like curl', () => {
  it('--max-events 1 --max-events 2 stops after 2 events', async () => {
    server = await echoServer();
    const {code, stdout, stderr} = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--max-events',
      '1',
      '--max-events',
      '2',
      `${server.url}/feed`,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(ndjson(stdout).filter((record) => record.type === 'event')).toHaveLength(2);
  });

  it('--bearer a --bearer b sends b', async () => {
    server = await echoServer();
    const {code} = await runCli([
      '--json',
      '--reconnect',
      'never',
      '--bearer',
      'first-token',
      '--bearer',
      'second-token',
      `${server.url}/feed`,
    ]);
    expect(code).toBe(0);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer second-token');
  });
});

describe('usage errors are one line without internal names', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--jsno', 'http://127.0.0.1:9/'], /^ssedeck: unknown flag --jsno \(did you mean --json\?\)/],
    [['--max-event', '3'], /unknown flag --max-event \(did you mean --max-events\?\)/],
    [['serv'], /^ssedeck: unknown command "serv" \(did you mean serve\?\)/],
    [['replya', 'x.ndjson'], /^ssedeck: unknown command "replya" \(did you mean replay\?\)/],
    [['improt-curl', 'curl x'], /unknown command "improt-curl" \(did you mean import-curl\?\)/],
    [['profiles', 'valdate'], /unknown subcommand "valdate" \(did you mean validate\?\)/],
    [['-x', 'http://127.0.0.1:9/'], /^ssedeck: unknown flag -x \(did you mean -X\?\)/],
    [['--json', '--bearer'], /^ssedeck: --bearer: expected a value$/],
    [
      ['--max-events', '--json', 'http://127.0.0.1:9/'],
      /--max-events: expected a value before --json/,
    ],
    [['--json=yes', 'http://127.0.0.1:9/'], /--json takes no value/],
    [['help', 'nope'], /help: no command "nope"/],
    [
      ['--watch', '--json', '-p', 'demo'],
      /^ssedeck: --watch reloads the dashboard; it does not work with --json or --answer$/,
    ],
    [
      ['--watch', '--answer', 'http://127.0.0.1:9/'],
      /^ssedeck: --watch reloads the dashboard; it does not work with --json or --answer$/,
    ],
    [['--watch', '-p', 'demo'], /^ssedeck: --watch reloads the dashboard, which needs a terminal$/],
    [
      ['replay', '--watch', 'x.ndjson'],
      /^ssedeck: replay: --watch is an option of the live dashboard$/,
    ],
  ];
  it.each(cases)('%j', async (args, expected) => {
    const {code, stdout, stderr} = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(stderr).not.toMatch(/internal error|[a-z][A-Z]\w* |at .*\.js:\d+/);
  });
});

describe('help and version', () => {
  it.each([
    [['serve', '--help'], /ssedeck serve \[--port N\]/],
    [['serve', '-h'], /ssedeck serve \[--port N\]/],
    [['replay', '--help'], /ssedeck replay FILE\.\.\. \[--speed X\|max\]/],
    [['help', 'replay'], /--loop/],
    [['profiles', '--help'], /profiles validate \[PATH\|NAME\.\.\.\] \[--strict\]/],
    [['profiles', 'validate', '--help'], /profiles init \[NAME\]/],
    [['import-curl', '--help'], /import-curl '<curl command>'/],
    [['completion', '--help'], /completion bash\|zsh\|fish/],
    [['help', 'serve'], /ssedeck serve \[--port N\]/],
    [['help', 'import-curl'], /import-curl '<curl command>'/],
    [['help'], /Usage\n {4}\$ ssedeck \[options\] \[URL\.\.\.\]/],
    [['--help'], /-k, --insecure/],
    [['-h'], /-V, --version/],
  ])('%j prints that help and exits 0', async (args, expected) => {
    const {code, stdout, stderr} = await runCli(args);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(expected);
  });

  it.each([['-V'], ['--version']])('%s prints the version', async (flag) => {
    const {code, stdout} = await runCli([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it('the help example jq filter selects event records', async () => {
    const {stdout} = await runCli(['--help']);
    expect(stdout).toContain(`jq -c 'select(.type=="event") | .data'`);
    expect(stdout).not.toMatch(/\| jq \.data/);
  });
});
