import meow, {type AnyFlags, type TypedFlags} from 'meow';
import {didYouMean} from './suggest.js';
import {UsageError} from './usage-error.js';

export {mainHelp as helpText} from './help-text.js';

/**
 * Every flag ssedeck knows. A flag without `isMultiple` takes one value and,
 * like curl, the last one wins when it is given twice.
 */
export const flagDefinitions = {
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
  userAgent: {type: 'string', shortFlag: 'A'},
  timeout: {type: 'string'},
  idleTimeout: {type: 'string'},
  maxEvents: {type: 'string'},
  maxDuration: {type: 'string'},
  retries: {type: 'string'},
  reconnect: {type: 'string'},
  insecure: {type: 'boolean', shortFlag: 'k', default: false},
  strict: {type: 'boolean', default: false},
  cacert: {type: 'string'},
  json: {type: 'boolean', default: false},
  answer: {type: 'boolean', default: false},
  answerPreset: {type: 'string'},
  ask: {type: 'string'},
  conversation: {type: 'string'},
  user: {type: 'string'},
  include: {type: 'boolean', shortFlag: 'i', default: false},
  verbose: {type: 'boolean', shortFlag: 'v', default: false},
  run: {type: 'boolean', default: false},
  pingWait: {type: 'string'},
  silent: {type: 'boolean', shortFlag: 's', default: false},
  // `-N` / `--no-buffer` (curl): accepted; output is never buffered anyway.
  buffer: {type: 'boolean', shortFlag: 'N'},
  fps: {type: 'string'},
  // `--no-autostart`: panes start READY, sent with Enter or r.
  autostart: {type: 'boolean', default: true},
  // `--no-osc52`: Y and C do not write to the terminal's clipboard.
  osc52: {type: 'boolean', default: true},
  // `--watch`: the dashboard reloads its profiles (as L does) when a file changes.
  watch: {type: 'boolean', default: false},
  bufferSize: {type: 'string'},
  port: {type: 'string'},
  host: {type: 'string'},
  out: {type: 'string'},
  record: {type: 'string'},
  recording: {type: 'string'},
  speed: {type: 'string'},
  rate: {type: 'string'},
  loop: {type: 'boolean', default: false},
  help: {type: 'boolean', shortFlag: 'h', default: false},
  version: {type: 'boolean', shortFlag: 'V', default: false},
} satisfies AnyFlags;

type Definitions = typeof flagDefinitions;
export type Flags = TypedFlags<Definitions>;
export type CommandLine = {readonly input: string[]; readonly flags: Flags};

export const kebab = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

type FlagInfo = {readonly name: string; readonly type: 'string' | 'boolean'};

function flagTables() {
  const long = new Map<string, FlagInfo>();
  const short = new Map<string, FlagInfo & {readonly long: string}>();
  for (const [name, definition] of Object.entries(flagDefinitions)) {
    const info: FlagInfo = {name, type: definition.type};
    long.set(kebab(name), info);
    if ('shortFlag' in definition) short.set(definition.shortFlag, {...info, long: kebab(name)});
  }
  long.set('no-buffer', {name: 'buffer', type: 'boolean'});
  return {long, short};
}

/** Every long flag as typed on a command line ("--max-events"), for suggestions and completion. */
export function longFlagNames(): string[] {
  return [...flagTables().long.keys()]
    .filter((name) => name !== 'buffer')
    .map((name) => `--${name}`);
}

/**
 * Checks the words meow would silently get wrong: an unknown flag (with a
 * "did you mean"), a flag that needs a value and has none, a value given to
 * a switch. Throws a UsageError naming the flag as typed.
 */
export function checkFlagWords(argv: readonly string[]): void {
  const {long, short} = flagTables();
  const needsValue = (flag: string, next: string | undefined) => {
    if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) {
      throw new UsageError(
        `${flag}: expected a value${next === undefined ? '' : ` before ${next}`}`,
      );
    }
  };
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] ?? '';
    if (word === '--') return;
    if (!word.startsWith('-') || word === '-' || /^-\d/.test(word)) continue;
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      const name = word.slice(2, equals === -1 ? undefined : equals);
      const info =
        long.get(name) ?? (name.startsWith('no-') ? booleanOf(long.get(name.slice(3))) : undefined);
      if (info === undefined) {
        throw new UsageError(
          `unknown flag --${name}${didYouMean(`--${name}`, longFlagNames())} (see ssedeck --help)`,
        );
      }
      if (
        info.type === 'boolean' &&
        equals !== -1 &&
        !/^(true|false)$/.test(word.slice(equals + 1))
      ) {
        throw new UsageError(
          `--${name} takes no value (got "${word.slice(equals + 1, equals + 41)}")`,
        );
      }
      if (info.type === 'string' && equals === -1) {
        needsValue(`--${name}`, argv[index + 1]);
        index++;
      }
      continue;
    }
    // A group of short flags: -sN, -XPOST, -k -d @body.json
    for (let at = 1; at < word.length; at++) {
      const letter = word.charAt(at);
      const info = short.get(letter);
      if (info === undefined) {
        const other = letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
        const hint = short.has(other) ? ` (did you mean -${other}?)` : '';
        throw new UsageError(`unknown flag -${letter}${hint} (see ssedeck --help)`);
      }
      if (info.type === 'string') {
        if (at === word.length - 1) {
          needsValue(`-${letter}/--${info.long}`, argv[index + 1]);
          index++;
        }
        break;
      }
    }
  }
}

const booleanOf = (info: FlagInfo | undefined) => (info?.type === 'boolean' ? info : undefined);

/** meow's own messages name flags in camelCase ("--maxEvents"); ours never do. */
export function userFacingMessage(message: string): string {
  return message.replace(/--([a-z]+[A-Z][A-Za-z]*)/g, (_match, name: string) => `--${kebab(name)}`);
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  checkFlagWords(argv);
  // Single-value flags are parsed as lists so that the last value wins (meow refuses repeats).
  const lenient = Object.fromEntries(
    Object.entries(flagDefinitions).map(([name, definition]) => [
      name,
      definition.type === 'string' && !('isMultiple' in definition)
        ? {...definition, isMultiple: true}
        : definition,
    ]),
  ) as AnyFlags;
  let parsed;
  try {
    parsed = meow({
      importMeta: import.meta,
      argv: [...argv],
      // checkFlagWords() reports unknown flags as one line.
      allowUnknownFlags: true,
      autoHelp: false,
      autoVersion: false,
      booleanDefault: undefined,
      flags: lenient,
    });
  } catch (error) {
    throw new UsageError(userFacingMessage(error instanceof Error ? error.message : String(error)));
  }
  const flags: Record<string, unknown> = {...parsed.flags};
  for (const [name, definition] of Object.entries(flagDefinitions)) {
    if (definition.type === 'string' && !('isMultiple' in definition)) {
      const values = flags[name] as string[] | undefined;
      flags[name] = values?.at(-1);
    }
  }
  return {input: parsed.input, flags: flags as Flags};
}
