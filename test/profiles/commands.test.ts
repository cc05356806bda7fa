import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {runProfilesList, runProfilesValidate} from '../../source/profiles/commands.js';
import {captureIo, project, writeFiles} from './helpers.js';

const secretive = `name: secretive
description: Literal secrets everywhere, to check the listing hides them.
defaults:
  headers:
    Authorization: Bearer literal-auth-secret-1
streams:
  - name: feed
    url: https://user:pw-secret-2@feed.example.test/events?access_token=qs-secret-3&topic=news
    query:
      api_key: q-secret-4
      page: 1
    auth: {type: api_key, header: X-Api-Key, token: token-secret-5}
  - name: chat
    method: post
    url: \${BASE:-https://chat.example.test}/v1/chat-messages
    auth_type: bearer
    auth_token: \${CHAT_KEY}
    answer: dify
`;

describe('ssedeck profiles', () => {
  test('lists every profile found with streams, method and URL, secrets redacted', async () => {
    const {cwd, configDir} = await project({
      'profiles/secretive.yaml': secretive,
      'profiles/ssedeck-profile.schema.json': '{}',
      'profiles/.env': 'CHAT_KEY=from-dotenv-secret-6\n',
    });
    await writeFiles(join(configDir, 'profiles'), {
      'secretive.yml': 'name: shadowed\nstreams:\n  - {name: s, url: "https://s.test"}\n',
      'broken.json': '{"name": "broken", "streams": [{"name": "b"}]}',
    });
    const io = captureIo(cwd, {}, configDir);
    expect(await runProfilesList(io)).toBe(0);
    const userFile = (name: string) => join(configDir, 'profiles', name);
    expect(io.out()).toBe(
      [
        'secretive  profiles/secretive.yaml',
        '  Literal secrets everywhere, to check the listing hides them.',
        '  - feed  GET   https://[redacted]@feed.example.test/events?access_token=[redacted]&topic=news&api_key=[redacted]&page=1  auth: api_key',
        '  - chat  POST  ${BASE:-https://chat.example.test}/v1/chat-messages  auth: bearer  answer: dify',
        '  status: ok',
        '',
        `broken  ${userFile('broken.json')}`,
        `  status: invalid: 1 problem; run: ssedeck profiles validate ${userFile('broken.json')}`,
        '',
        `shadowed  ${userFile('secretive.yml')}`,
        '  (--profile secretive picks profiles/secretive.yaml)',
        '  - s  GET  https://s.test',
        '  status: ok',
        '',
      ].join('\n'),
    );
    expect(io.out()).not.toMatch(/secret-\d/);
    expect(io.err()).toBe('');
  });

  test('a profile that only lacks variables says which', async () => {
    const {cwd} = await project({
      'profiles/p.yaml':
        'name: p\nstreams:\n  - name: a\n    url: ${BASE}/a\n    auth: {type: bearer, token: "${KEY}"}\n  - name: b\n    url: ${BASE}/b\n',
    });
    const io = captureIo(cwd, {}, join(cwd, 'no-config'));
    await runProfilesList(io);
    expect(io.out()).toContain('  status: needs BASE, KEY (environment or .env beside the file)\n');
  });

  test('with no profiles anywhere it says where it looked', async () => {
    const {cwd, configDir} = await project({});
    const io = captureIo(cwd, {}, configDir);
    expect(await runProfilesList(io)).toBe(0);
    expect(io.out()).toBe(`no profiles found in profiles or ${join(configDir, 'profiles')}\n`);
  });
});

describe('ssedeck profiles validate', () => {
  const good = 'name: good\nstreams:\n  - {name: g, url: "https://g.test"}\n';
  const bad =
    'name: bad\nstreams:\n  - name: b\n    url: https://b.test\n    reconnect: sometimes\n';

  test('valid files: ok lines on stdout, exit 0', async () => {
    const {cwd} = await project({
      'profiles/good.yaml': good,
      'other.json': '{"name":"o","streams":[{"name":"o","url":"https://o.test"}]}',
    });
    const io = captureIo(cwd, {}, join(cwd, 'no-config'));
    expect(await runProfilesValidate(['good', 'other.json'], io)).toBe(0);
    expect(io.out()).toBe(
      `ok  ${join('profiles', 'good.yaml')} (1 stream)\nok  other.json (1 stream)\n`,
    );
    expect(io.err()).toBe('');
  });

  test('without paths every profile found is validated; problems on stderr, exit 2', async () => {
    const {cwd} = await project({
      'profiles/good.yaml': good,
      'profiles/bad.yaml': bad,
      'profiles/leaky.yaml':
        'name: leaky\nstreams:\n  - {name: l, url: "https://l.test", auth: {type: bearer, token: leaked-secret}}\n',
    });
    const io = captureIo(cwd, {}, join(cwd, 'no-config'));
    expect(await runProfilesValidate([], io)).toBe(2);
    expect(io.out()).toBe(
      'ok  profiles/good.yaml (1 stream)\nok  profiles/leaky.yaml (1 stream)\n',
    );
    expect(io.err()).toBe(
      'profiles/bad.yaml:5:16: streams[0].reconnect: expected one of always, on-error, never\n' +
        'warning: profiles/leaky.yaml:3:66: streams[0].auth.token: literal secret in the profile; use a variable instead, e.g. "${L_API_KEY}", set in the environment or in profiles/.env\n',
    );
    expect(io.err()).not.toContain('leaked-secret');
  });

  test('an unknown name or path is exit 2', async () => {
    const {cwd} = await project({});
    const io = captureIo(cwd, {}, join(cwd, 'no-config'));
    expect(await runProfilesValidate(['missing.yaml'], io)).toBe(2);
    expect(io.err()).toBe('missing.yaml: profile file not found\n');
  });
});
