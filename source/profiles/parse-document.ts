import type {Document} from 'yaml';
import {LineCounter, isAlias, isMap, isNode, isScalar, isSeq, parseDocument} from 'yaml';
import type {FieldPath} from './field-path.js';
import type {Problem} from './problems.js';

export type ProfileFormat = 'yaml' | 'json';
export type SourcePosition = {readonly line: number; readonly column: number};
/** Finds where a field path sits in the file text (the key itself with target 'key'). */
export type Locator = (path: FieldPath, target?: 'key' | 'value') => SourcePosition | undefined;

export type ParsedText =
  | {readonly ok: true; readonly data: unknown; readonly locate: Locator}
  | {readonly ok: false; readonly problems: readonly Problem[]};

export function profileFormat(file: string): ProfileFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

function startOffset(node: unknown): number | undefined {
  return isNode(node) ? node.range?.[0] : undefined;
}

function findOffset(doc: Document, path: FieldPath, target: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let offset = startOffset(node);
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return offset;
      node = index === path.length - 1 && target === 'key' ? pair.key : pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      return offset;
    }
    offset = startOffset(node) ?? offset;
  }
  return offset;
}

/** Builds a locator over the text parsed as YAML (JSON is YAML too, for locating). */
function createLocator(text: string): Locator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, keepSourceTokens: false});
  return (path, target = 'value') => {
    const offset = findOffset(doc, path, target);
    if (offset === undefined) return undefined;
    const {line, col} = lineCounter.linePos(offset);
    return {line, column: col};
  };
}

function positionOf(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {line: before.split('\n').length, column: offset - lineStart + 1};
}

/** `{` ends a plain value inside YAML `[...]` / `{...}`: the usual cause when `${` is on the line. */
const FLOW_REFERENCE_HINT = '; inside [ ] or { } quote values that contain ${...}';

function parseYaml(text: string): ParsedText {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  // One syntax error tends to cascade into many; the first is the one to fix.
  const [first, ...others] = [...doc.errors, ...doc.warnings];
  if (first !== undefined) {
    const {line, col} = lineCounter.linePos(first.pos[0]);
    const more = others.length > 0 ? ` (and ${others.length} more after it)` : '';
    const lineText = text.split('\n')[line - 1] ?? '';
    const hint = lineText.includes('${') ? FLOW_REFERENCE_HINT : '';
    // Some messages end with the offending source text (`...: "sk-..."`): never echo it.
    const reason = first.message.replace(/: ".*"$/s, '');
    return {ok: false, problems: [{line, column: col, message: `${reason}${more}${hint}`}]};
  }
  try {
    return {ok: true, data: doc.toJS({maxAliasCount: 100}), locate: createLocator(text)};
  } catch (error) {
    return {
      ok: false,
      problems: [{message: error instanceof Error ? error.message : String(error)}],
    };
  }
}

const endOfInput = 'Unexpected end of JSON input';

function jsonErrorOffset(text: string, message: string): number {
  const match = /at position (\d+)/.exec(message);
  if (match?.[1] !== undefined) return Number(match[1]);
  if (message === endOfInput) return text.length;
  // V8 reports some errors ("Unexpected token 'x', ...") without a position. Every
  // prefix that reaches the culprit fails for the same reason and every shorter one
  // fails differently (at its end): find the shortest; its last character is it.
  const reason = jsonReason(message);
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (jsonReason(jsonFailure(text.slice(0, middle)) ?? '') === reason) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function jsonFailure(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** V8 messages can quote the source text (which may hold a secret): keep only the reason. */
function jsonReason(message: string): string {
  return message
    .replace(/, .*is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/ after JSON at position \d+.*$/s, ' after the JSON value');
}

function parseJson(text: string): ParsedText {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    const position = positionOf(text, jsonErrorOffset(text, failure));
    return {ok: false, problems: [{...position, message: jsonReason(failure)}]};
  }
  return {ok: true, data, locate: createLocator(text)};
}

/** Parses profile text; syntax errors come back with 1-based line and column. */
export function parseProfileText(text: string, format: ProfileFormat): ParsedText {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return format === 'json' ? parseJson(withoutBom) : parseYaml(withoutBom);
}
