import {describe, expect, test} from 'vitest';
import {interpolate} from '../../source/profiles/interpolate.js';
import {loadProfiles} from '../../source/profiles/load.js';
import {errorMessage, loadOptions, project} from './helpers.js';

const profile = `name: vars
streams:
  - name: chat
    method: POST
    url: \${BASE_URL:-https://default.test}/v1/chat
    auth:
      type: bearer
      token: \${API_KEY}
    headers:
      X-User: \${USER_NAME:-anonymous}
    body:
      query: "price: $\${AMOUNT} stays literal"
      nested: ['\${EMPTY:-fallback}', "\${EMPTY}"]
`;

describe('${VAR} interpolation in profiles', () => {
  test('values come from the environment, with defaults', async () => {
    const {cwd} = await project({'profiles/vars.yaml': profile});
    const env = {API_KEY: 'key-from-env', BASE_URL: 'https://env.test', EMPTY: ''};
    const [stream] = (await loadProfiles(['vars'], loadOptions(cwd, env))).streams;
    expect(stream?.spec).toMatchObject({
      url: 'https://env.test/v1/chat',
      auth: {token: 'key-from-env'},
      headers: {'X-User': 'anonymous'},
      // `$${` is a literal `${`; `:-` also applies to an empty variable; a set empty one stays empty.
      body: {query: 'price: ${AMOUNT} stays literal', nested: ['fallback', '']},
    });
  });

  test('an .env file beside the profile fills what the environment lacks; the environment wins', async () => {
    const {cwd} = await project({
      'profiles/vars.yaml': profile,
      'profiles/.env':
        'API_KEY=key-from-dotenv\nUSER_NAME="dot env user"\nBASE_URL=https://dotenv.test\n',
    });
    const env = {BASE_URL: 'https://env.test', EMPTY: ''};
    const [stream] = (await loadProfiles(['vars'], loadOptions(cwd, env))).streams;
    expect(stream?.spec).toMatchObject({
      url: 'https://env.test/v1/chat',
      auth: {token: 'key-from-dotenv'},
      headers: {'X-User': 'dot env user'},
    });
  });

  test('a missing variable without default names the variable, the file and the field', async () => {
    const {cwd} = await project({'profiles/vars.yaml': profile});
    const message = await errorMessage(() => loadProfiles(['vars'], loadOptions(cwd, {EMPTY: ''})));
    expect(message).toBe(
      'profiles/vars.yaml:8:14: streams[0].auth.token: variable API_KEY is not set (set it in the environment or in profiles/.env)',
    );
  });

  test('every missing variable is reported, together with schema problems', async () => {
    const {cwd} = await project({
      'p.yaml':
        'name: p\nstreams:\n  - name: a\n    url: ${A}\n    headers: {X: "${B}"}\n    timeout: nope\n',
    });
    const message = await errorMessage(() => loadProfiles(['p.yaml'], loadOptions(cwd)));
    expect(message.split('\n')).toEqual([
      'p.yaml:4:10: streams[0].url: variable A is not set (set it in the environment or in .env)',
      'p.yaml:5:18: streams[0].headers.X: variable B is not set (set it in the environment or in .env)',
      'p.yaml:6:14: streams[0].timeout: expected a number, got string',
    ]);
  });

  test('an unquoted reference inside a YAML flow collection gets a hint', async () => {
    const {cwd} = await project({
      'p.yaml': 'name: p\nstreams:\n  - {name: a, url: ${BASE}/x}\n',
    });
    const message = await errorMessage(() => loadProfiles(['p.yaml'], loadOptions(cwd)));
    expect(message).toMatch(
      /^p\.yaml:3:\d+: .*; inside \[ \] or \{ \} quote values that contain \$\{\.\.\.\}$/,
    );
  });

  test('malformed references are errors; $VAR without braces and keys are left alone', () => {
    const result = interpolate(
      {a: '${not valid}', b: '$HOME and ${X:-a${B}}', '${KEY}': 'plain', c: 'cost ${'},
      (name) => (name === 'X' ? 'x' : undefined),
      'hint',
    );
    expect(result.problems.map((problem) => problem.path)).toEqual([['a'], ['b']]);
    expect(result.data).toMatchObject({'${KEY}': 'plain', c: 'cost ${'});
    expect(result.problems[0]?.message).toMatch(/malformed/);
  });

  test('non-string values are not touched', () => {
    const result = interpolate({n: 1, t: true, z: null}, () => 'x', 'hint');
    expect(result.data).toEqual({n: 1, t: true, z: null});
    expect(result.referenced.size).toBe(0);
  });
});
