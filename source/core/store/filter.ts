import type {DisplayEntry} from './types.js';

/**
 * A pane filter: a case-insensitive substring, or /regex/flags, tested against
 * the event type and the (raw, capped) data of events. Notices never match.
 */
export type CompiledFilter =
  | {readonly ok: true; readonly text: string; readonly test: (entry: DisplayEntry) => boolean}
  | {readonly ok: false; readonly text: string; readonly error: string};

const regexSyntax = /^\/(.*)\/([a-z]*)$/s;

function matches(pattern: RegExp, entry: DisplayEntry): boolean {
  return entry.kind === 'event' && (pattern.test(entry.eventType) || pattern.test(entry.data));
}

export function compileFilter(text: string): CompiledFilter {
  const regex = regexSyntax.exec(text);
  if (regex && text.length >= 2) {
    const [, source = '', flags = ''] = regex;
    try {
      // No `g`/`y`: a stateful lastIndex would make test() skip matches.
      const pattern = new RegExp(source, flags.replace(/[gy]/g, ''));
      return {ok: true, text, test: (entry) => matches(pattern, entry)};
    } catch (error) {
      return {ok: false, text, error: error instanceof Error ? error.message : String(error)};
    }
  }
  // A case-insensitive regex tests large data without lower-casing a copy of it.
  const pattern = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  return {ok: true, text, test: (entry) => matches(pattern, entry)};
}

export type FilterResult = {
  readonly entries: readonly DisplayEntry[];
  /** Matching events, or undefined when no (valid) filter applies. */
  readonly matches: number | undefined;
  readonly error: string | undefined;
};

/** The entries a pane shows under `filterText` ("" = no filter). */
export function applyFilter(entries: readonly DisplayEntry[], filterText: string): FilterResult {
  if (filterText === '') return {entries, matches: undefined, error: undefined};
  const filter = compileFilter(filterText);
  if (!filter.ok) return {entries, matches: undefined, error: filter.error};
  const kept = entries.filter(filter.test);
  return {entries: kept, matches: kept.length, error: undefined};
}
