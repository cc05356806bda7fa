import meow, {type AnyFlags} from 'meow';

export const helpText = `
  Usage
    $ ssedeck [options] [URL...]          watch streams (dashboard on a terminal, NDJSON otherwise)
    $ ssedeck                             the built-in demo: a local SSE server and its streams
    $ ssedeck serve [--port N] [--host H] run only the demo server
    $ ssedeck profiles                    list the profiles found
    $ ssedeck profiles validate [PATH...] check profile files
    $ ssedeck import-curl '<curl ...>' [--name N] [--out FILE]

  Streams
    --profile, -p PATH|NAME    load a profile (repeatable); NAME is looked up in ./profiles,
                               then in ~/.config/ssedeck/profiles
    --stream NAME              only these streams of the loaded profiles (repeatable)
    --name NAME                name the URL streams, in order (repeatable)

  Request (for URLs given on the command line)
    -X, --method METHOD        HTTP method (default GET, or POST with --data)
    -H, --header "K: V"        request header (repeatable)
    -d, --data TEXT|@FILE      request body; JSON is sent as application/json
    --query k=v                query parameter (repeatable); a value that is not k=v is
                               the Dify query instead (see --ask)
    --bearer TOKEN             Authorization: Bearer TOKEN
    --api-key TOKEN            TOKEN in --auth-header (default Authorization)
    --auth-header NAME         header for --api-key

  Connection (apply to every stream)
    --timeout S                seconds to wait for response headers (default 30)
    --idle-timeout S           seconds without data before reconnecting (default 45; 0 = off)
    --max-events N             stop cleanly after N events
    --max-duration S           stop cleanly after S seconds
    --retries N                consecutive failed attempts allowed (default: unlimited for
                               always, 3 for on-error)
    --reconnect POLICY         always | on-error | never (default: always for GET, on-error
                               otherwise; a POST is never re-sent once its response started)

  Answers (Dify, OpenAI, Anthropic)
    --answer                   headless: print only the answer text as it arrives
    --answer-preset P          dify | openai | anthropic | none (default: from the URL path)
    --ask TEXT                 the query of Dify streams (same as --query "TEXT")
    --conversation ID          continue a Dify conversation
    --user NAME                Dify end user (default ssedeck)

  Output
    --json                     headless: one JSON record per line on stdout
    --fps N                    dashboard frames per second (default 30)
    --buffer-size N            events kept per pane (default 1000)

  Examples
    $ ssedeck https://example.com/events
    $ ssedeck --json --max-events 10 https://example.com/events | jq .data
    $ ssedeck -X POST --bearer "$DIFY_API_KEY" -d @query.json https://api.dify.ai/v1/chat-messages
    $ ssedeck -p demo --stream ticker --json --max-duration 5
    $ ssedeck -p demo --stream dify-chatflow --answer --query "什么是 SSE？"
`;

const flagDefinitions = {
  profile: {type: 'string', shortFlag: 'p', isMultiple: true, default: [] as string[]},
  stream: {type: 'string', isMultiple: true, default: [] as string[]},
  name: {type: 'string', isMultiple: true, default: [] as string[]},
  method: {type: 'string', shortFlag: 'X'},
  header: {type: 'string', shortFlag: 'H', isMultiple: true, default: [] as string[]},
  data: {type: 'string', shortFlag: 'd', isMultiple: true, default: [] as string[]},
  query: {type: 'string', isMultiple: true, default: [] as string[]},
  bearer: {type: 'string'},
  apiKey: {type: 'string'},
  authHeader: {type: 'string'},
  timeout: {type: 'string'},
  idleTimeout: {type: 'string'},
  maxEvents: {type: 'string'},
  maxDuration: {type: 'string'},
  retries: {type: 'string'},
  reconnect: {type: 'string'},
  json: {type: 'boolean', default: false},
  answer: {type: 'boolean', default: false},
  answerPreset: {type: 'string'},
  ask: {type: 'string'},
  conversation: {type: 'string'},
  user: {type: 'string'},
  fps: {type: 'string'},
  bufferSize: {type: 'string'},
  port: {type: 'string'},
  host: {type: 'string'},
  out: {type: 'string'},
} satisfies AnyFlags;

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The first word that looks like a flag ssedeck does not have. meow's own check
 * prints two lines and misses "--unknown=value"; this one is exact and lets
 * main() print one line.
 */
export function findUnknownFlag(argv: readonly string[]): string | undefined {
  const entries = Object.entries(flagDefinitions);
  const longNames = new Map<string, string>([
    ['help', 'boolean'],
    ['version', 'boolean'],
  ]);
  const shortNames = new Map<string, string>();
  for (const [name, definition] of entries) {
    longNames.set(kebab(name), definition.type);
    if ('shortFlag' in definition) shortNames.set(definition.shortFlag, definition.type);
  }
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] ?? '';
    if (word === '--') return undefined;
    if (!word.startsWith('-') || word === '-' || /^-\d/.test(word)) continue;
    let type: string | undefined;
    let inlineValue: boolean;
    if (word.startsWith('--')) {
      const [name = ''] = word.slice(2).split('=', 1);
      type =
        longNames.get(name) ?? (name.startsWith('no-') ? longNames.get(name.slice(3)) : undefined);
      inlineValue = word.includes('=');
    } else {
      type = shortNames.get(word.charAt(1));
      inlineValue = word.length > 2;
    }
    if (type === undefined) return word.split('=', 1)[0];
    if (type === 'string' && !inlineValue) index++;
  }
  return undefined;
}

export function parseCommandLine(argv: readonly string[]) {
  return meow(helpText, {
    importMeta: import.meta,
    argv: [...argv],
    // findUnknownFlag() reports unknown flags as one line.
    allowUnknownFlags: true,
    booleanDefault: undefined,
    flags: flagDefinitions,
  });
}

export type CommandLine = ReturnType<typeof parseCommandLine>;
export type Flags = CommandLine['flags'];
