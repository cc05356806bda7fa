import type {CurlRequest, OptionSpec} from './curl-options.js';
import {longOptions, shortOptions} from './curl-options.js';
import {splitShellWords} from './shell-words.js';

function emptyRequest(): CurlRequest {
  return {headers: [], data: [], json: false, get: false, problems: []};
}

function isCurl(word: string): boolean {
  return /(^|[/\\])curl(\.exe)?$/i.test(word);
}

/**
 * After an unknown option, the next word is taken as its value (and skipped, not
 * echoed: it may be a secret such as --proxy-user's) unless it is an option or a URL.
 */
function looksLikeValue(word: string | undefined): boolean {
  return word !== undefined && !word.startsWith('-') && !/^https?:\/\//i.test(word);
}

function takeUrl(request: CurlRequest, word: string): void {
  if (request.url === undefined) request.url = word;
  // The word is not echoed: after an unknown option it may be that option's value (a secret).
  else
    request.problems.push(
      'more than one URL (or a value of an unknown option); import one request at a time',
    );
}

/** A shell prompt pasted with the command: "$ curl ..." (also "$curl" after trimming). */
function withoutPrompt(command: string): string {
  return command.replace(/^\$\s*(?=curl\b|\S*[/\\]curl\b)/i, '');
}

/**
 * Reads a curl command line (as copied from browser devtools or API docs) into
 * a CurlRequest. Unknown options are reported in `problems`, never dropped.
 */
export function parseCurlCommand(command: string): CurlRequest {
  const request = emptyRequest();
  let words: string[];
  try {
    words = splitShellWords(withoutPrompt(command.trim()));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    request.problems.push(`cannot split the command into words: ${reason}`);
    return request;
  }
  if (words[0] !== undefined && isCurl(words[0])) words.shift();

  const apply = (spec: OptionSpec, option: string, value: string | undefined): void => {
    if (!spec.takesValue) spec.flag?.(request);
    else if (value === undefined) request.problems.push(`${option}: needs a value`);
    else spec.apply?.(request, value, option);
  };

  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (word.startsWith('--')) {
      const spec = longOptions.get(word);
      if (spec === undefined) {
        request.problems.push(`${word}: unknown curl option (not converted)`);
        if (looksLikeValue(words[index + 1])) index++;
      } else {
        apply(spec, word, spec.takesValue ? words[++index] : undefined);
      }
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of short options: "-sSN", "-XPOST", "-H" "Name: value".
      for (let position = 1; position < word.length; position++) {
        const letter = word[position] ?? '';
        const spec = shortOptions.get(letter);
        if (spec === undefined) {
          request.problems.push(`-${letter}: unknown curl option (not converted)`);
          if (position === word.length - 1 && looksLikeValue(words[index + 1])) index++;
          break;
        }
        if (!spec.takesValue) {
          apply(spec, `-${letter}`, undefined);
          continue;
        }
        const attached = word.slice(position + 1);
        apply(spec, `-${letter}`, attached !== '' ? attached : words[++index]);
        break;
      }
    } else {
      takeUrl(request, word);
    }
  }
  return request;
}
