import {describe, expect, test} from 'vitest';
import {ProfileError, loadProfiles} from '../../source/profiles/load.js';
import {errorMessage, loadOptions, project} from './helpers.js';

async function loadError(
  files: Record<string, string>,
  ref: string,
  env: Record<string, string> = {},
) {
  const {cwd} = await project(files);
  return errorMessage(() => loadProfiles([ref], loadOptions(cwd, env)));
}

describe('syntax errors: file:line:column: message', () => {
  test('invalid YAML reports the first error with its position', async () => {
    const message = await loadError(
      {'profiles/bad.yaml': 'name: bad\nstreams:\n  - name: a\n    url: [https://x\n'},
      'bad',
    );
    expect(message).toMatch(
      /^profiles\/bad\.yaml:5:1: Flow sequence in block collection must be sufficiently indented and end with a \]$/,
    );
    expect(message.split('\n')).toHaveLength(1);
  });

  test('YAML errors never quote the source text (it may be a secret)', async () => {
    // yaml's own messages would end with `: "]"`, and the next one with `: "sk-yaml-secret"`.
    const message = await loadError({'p.yaml': 'name: p\n] sk-yaml-secret\n'}, 'p.yaml');
    expect(message).toBe(
      'p.yaml:2:1: Unexpected flow-seq-end token in YAML stream (and 1 more after it)',
    );
  });

  test('duplicate YAML keys are a syntax error', async () => {
    const message = await loadError({'p.yaml': 'name: a\nname: b\nstreams: []\n'}, 'p.yaml');
    expect(message).toBe('p.yaml:2:1: Map keys must be unique');
  });

  test('invalid JSON with a position in the engine message', async () => {
    const message = await loadError(
      {'p.json': '{\n  "name": "x",\n  "streams": [],\n}\n'},
      'p.json',
    );
    expect(message).toBe('p.json:4:1: Expected double-quoted property name');
  });

  test('invalid JSON without a position: found, and the source text is not quoted', async () => {
    const message = await loadError(
      {'p.json': '{\n  "name": "x",\n  "token": sk-live-abcdef\n}\n'},
      'p.json',
    );
    expect(message).toBe("p.json:3:12: Unexpected token 's'");
    expect(message).not.toContain('abcdef');
  });

  test('truncated JSON points at the end', async () => {
    const message = await loadError({'p.json': '{"name": "x",\n "streams": ['}, 'p.json');
    expect(message).toBe('p.json:2:14: Unexpected end of JSON input');
  });
});

describe('schema errors: every problem with its field path and position', () => {
  const profile = `name: broken
defaults:
  timeout: -1
streams:
  - name: a
    url: https://example.test/a
    auth:
      type: oauth
  - name: b
    url: https://example.test/b
    timout: 5
    headers:
      X-Count: 3
  - url: https://example.test/c
  - name: a
    url: ftp://example.test/a
    maxEvents: 2.5
    answer: gemini
`;

  test('lists all problems in file order, each with file, line, column and path', async () => {
    const message = await loadError({'profiles/broken.yaml': profile}, 'broken');
    expect(message.split('\n')).toEqual([
      'profiles/broken.yaml:3:12: defaults.timeout: must be > 0',
      'profiles/broken.yaml:8:13: streams[0].auth.type: expected one of none, bearer, api_key',
      'profiles/broken.yaml:11:5: streams[1].timout: unknown field (did you mean "timeout"?)',
      'profiles/broken.yaml:13:16: streams[1].headers.X-Count: expected a string, got number',
      'profiles/broken.yaml:14:5: streams[2].name: required (a string)',
      'profiles/broken.yaml:17:16: streams[3].maxEvents: expected an integer, got number',
      'profiles/broken.yaml:18:13: streams[3].answer: expected one of dify, openai, anthropic, none',
    ]);
  });

  test('the thrown error is a ProfileError with exit code 2', async () => {
    const {cwd} = await project({'profiles/broken.yaml': profile});
    const error = await loadProfiles(['broken'], loadOptions(cwd)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).exitCode).toBe(2);
  });

  test('URL and duplicate-name checks run once the structure is right, all in one pass', async () => {
    const message = await loadError(
      {
        'p.yaml': `name: p
streams:
  - name: a
    url: https://example.test/a
  - name: a
    url: ftp://example.test/a
`,
      },
      'p.yaml',
    );
    expect(message).toBe(
      [
        'p.yaml:5:11: streams[1].name: duplicate stream name "a" (also streams[0].name)',
        'p.yaml:6:10: streams[1].url: expected an http(s) URL',
      ].join('\n'),
    );

    const urlMessage = await loadError(
      {'p.yaml': 'name: p\nstreams:\n  - name: a\n    url: ${BASE}/x\n'},
      'p.yaml',
      {BASE: 'ftp://example.test'},
    );
    expect(urlMessage).toBe('p.yaml:4:10: streams[0].url: expected an http(s) URL');
  });

  test('a problem that comes from the defaults is reported at the defaults', async () => {
    const message = await loadError(
      {
        'p.json': JSON.stringify(
          {name: 'p', defaults: {method: 'P O S T'}, streams: [{name: 'a', url: 'https://x.test'}]},
          null,
          2,
        ),
      },
      'p.json',
    );
    expect(message).toBe(
      'p.json:4:15: defaults.method: expected an HTTP method such as GET or POST',
    );
  });

  test('a file that is not a profile object', async () => {
    expect(await loadError({'p.yaml': '- a\n- b\n'}, 'p.yaml')).toBe(
      'p.yaml:1:1: a profile is an object with name and streams, got array',
    );
    expect(await loadError({'p.yaml': ''}, 'p.yaml')).toBe(
      'p.yaml: a profile is an object with name and streams, got null',
    );
    expect(await loadError({'p.yaml': 'name: p\nstreams: []\n'}, 'p.yaml')).toBe(
      'p.yaml:2:10: streams: needs at least 1 item(s)',
    );
  });

  test('a missing file', async () => {
    expect(await loadError({}, 'nowhere/p.yaml')).toBe('nowhere/p.yaml: profile file not found');
  });
});
