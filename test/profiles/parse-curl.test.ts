import {describe, expect, test} from 'vitest';
import {parseCurlCommand} from '../../source/profiles/curl/parse-curl.js';
import {splitShellWords} from '../../source/profiles/curl/shell-words.js';
import {redactUrl} from '../../source/profiles/redact-url.js';

describe('shell words (shlex)', () => {
  test("quotes, $'...' escapes, backslash-newline and CRLF continuations", () => {
    expect(splitShellWords(`curl 'a b' "c \\"d\\"" $'e\\'s\\n\\u00e9' f\\\n  g \\\r\n  h`)).toEqual(
      ['curl', 'a b', 'c "d"', "e's\né", 'f', 'g', 'h'],
    );
  });
});

describe('curl options', () => {
  test('short clusters, attached values and long options', () => {
    const request = parseCurlCommand(
      `curl -sSN -XPOST -H'X-One: 1' -H "X-Two;" -H 'Accept:' --header 'X-Three: a: b' -dfirst --data second https://x.test -A agent/1 -m 90 --connect-timeout 5 --retry 2`,
    );
    expect(request).toEqual({
      url: 'https://x.test',
      method: 'POST',
      headers: [
        ['X-One', '1'],
        ['X-Two', ''],
        ['X-Three', 'a: b'],
        ['User-Agent', 'agent/1'],
      ],
      data: ['first', 'second'],
      json: false,
      get: false,
      maxTime: 90,
      connectTimeout: 5,
      retries: 2,
      problems: [],
    });
  });

  test('--data-urlencode forms, --json, --url, -G, --oauth2-bearer', () => {
    const request = parseCurlCommand(
      `curl --url https://x.test -G --data-urlencode 'a=b c' --data-urlencode '=d&e' --data-urlencode plain/text --json '{"k":1}' --oauth2-bearer tok`,
    );
    expect(request).toMatchObject({
      url: 'https://x.test',
      get: true,
      json: true,
      bearer: 'tok',
      data: ['a=b%20c', 'd%26e', 'plain%2Ftext', '{"k":1}'],
      problems: [],
    });
    expect(parseCurlCommand('curl https://x.test --data-urlencode name@file.txt').problems).toEqual(
      ['--data-urlencode name@file.txt: reads a file; paste the content instead'],
    );
  });

  test('a header without a colon is reported without echoing it', () => {
    const {problems} = parseCurlCommand('curl https://x.test -H "Authorization Bearer sk-oops"');
    expect(problems).toEqual(['-H: expected "Name: value"']);
  });
});

describe('URL redaction for listings', () => {
  test('user info and sensitive query values are masked, templates survive', () => {
    expect(redactUrl('https://bob:pw@h.test/x?token=t1&q=1&API_KEY=k#frag')).toBe(
      'https://[redacted]@h.test/x?token=[redacted]&q=1&API_KEY=[redacted]#frag',
    );
    expect(redactUrl('${BASE:-http://h.test}/x?access%5Ftoken=${T}&flag')).toBe(
      '${BASE:-http://h.test}/x?access%5Ftoken=[redacted]&flag',
    );
    expect(redactUrl('http://h.test/plain')).toBe('http://h.test/plain');
  });

  test('a password with an unencoded "@" is masked whole (URL parsers split at the last "@")', () => {
    expect(redactUrl('https://bob:p@ss@h.test/x')).toBe('https://[redacted]@h.test/x');
    expect(redactUrl('https://h.test/x?mail=a@b.test')).toBe('https://h.test/x?mail=a@b.test');
  });
});

describe('pasted commands', () => {
  test('a leading "$ " prompt, backslash-newline continuations and a trailing newline', () => {
    const request = parseCurlCommand(
      `  $ curl -N \\\n  -H 'Accept: text/event-stream' \\\n  http://127.0.0.1:8787/ticker\n`,
    );
    expect(request.problems).toEqual([]);
    expect(request.url).toBe('http://127.0.0.1:8787/ticker');
    expect(request.headers).toEqual([['Accept', 'text/event-stream']]);
    expect(parseCurlCommand('$ /usr/bin/curl https://x.test/sse\r\n')).toMatchObject({
      url: 'https://x.test/sse',
      problems: [],
    });
  });

  test('a "$" that is not a prompt stays a word', () => {
    expect(parseCurlCommand('curl https://x.test/sse -H "X-Key: $KEY"').headers).toEqual([
      ['X-Key', '$KEY'],
    ]);
  });
});
