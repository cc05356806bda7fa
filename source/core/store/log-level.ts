/**
 * The log level of an event, so the dashboard can colour it: from the SSE
 * event type (`event: error`), else a JSON `level`/`severity` field (names or
 * pino-style numbers), else a leading token of the data (`ERROR ...`,
 * `WARN: ...`, `[error] ...`). Pure and cheap: computed once per entry, when a
 * view first draws it.
 */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const words: Readonly<Record<string, LogLevel>> = {
  error: 'error',
  err: 'error',
  fatal: 'error',
  critical: 'error',
  crit: 'error',
  panic: 'error',
  alert: 'error',
  emerg: 'error',
  emergency: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  information: 'info',
  notice: 'info',
  debug: 'debug',
  trace: 'debug',
  verbose: 'debug',
};

const LEVEL_FIELDS = ['level', 'severity', 'levelname', 'lvl', 'log_level'] as const;

/** A level name (any case), or undefined when the word is not one. */
export function levelOfWord(word: string): LogLevel | undefined {
  const lower = word.toLowerCase();
  return Object.hasOwn(words, lower) ? words[lower] : undefined;
}

/** pino / bunyan numbers: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
function levelOfNumber(value: number): LogLevel {
  if (value >= 50) return 'error';
  if (value >= 40) return 'warn';
  if (value >= 30) return 'info';
  return 'debug';
}

function levelOfJson(value: unknown): LogLevel | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  for (const field of LEVEL_FIELDS) {
    const level = record[field];
    if (typeof level === 'string') {
      const found = levelOfWord(level.trim());
      if (found) return found;
    } else if (typeof level === 'number' && Number.isFinite(level)) {
      return levelOfNumber(level);
    }
  }
  return undefined;
}

// "[error] ...", "(warn) ...", "<debug>": a bracketed word of any case.
const bracketed = /^\s*[[(<]([A-Za-z]{3,11})[\])>]/;
// "ERROR ...", "WARN: ...", "Error: ...": capitals, or any case with a colon.
const bare = /^\s*(?:([A-Z]{3,11})(?=[\s:]|$)|([A-Za-z]{3,11}):)/;

function levelOfText(data: string): LogLevel | undefined {
  const head = data.slice(0, 32);
  const match = bracketed.exec(head) ?? bare.exec(head);
  const word = match?.[1] ?? match?.[2];
  return word === undefined ? undefined : levelOfWord(word);
}

/**
 * @param parsed the data parsed as JSON, when it is JSON (the caller parses it
 *   once for the row text too)
 */
export function logLevel(
  eventType: string,
  data: string,
  parsed?: {readonly value: unknown},
): LogLevel {
  return (
    levelOfWord(eventType) ??
    (parsed ? levelOfJson(parsed.value) : undefined) ??
    (parsed ? undefined : levelOfText(data)) ??
    'info'
  );
}
