import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {loadProfiles} from '../../source/profiles/load.js';
import {loadOptions, project} from './helpers.js';

const yamlProfile = `name: chat
description: two streams
defaults:
  method: post
  headers:
    X-Team: core
    Accept-Language: en
  query:
    stream: true
  auth:
    type: bearer
    token: \${TOKEN}
  timeout: 10
  answer: dify
streams:
  - name: first
    url: https://example.test/v1/chat-messages
    headers:
      accept-language: zh
      X-Extra: yes
    body: {query: hi, inputs: {}}
  - name: second
    url: https://example.test/v1/other
    method: GET
    query: {page: 2}
    auth: {token: '\${OTHER_TOKEN}'}
    timeout: 5
    answer: none
    view: answer
    bufferSize: 500
`;

const jsonProfile = JSON.stringify({
  $schema: './ssedeck-profile.schema.json',
  name: 'json-feed',
  streams: [{name: 'feed', url: 'https://example.test/feed', maxEvents: 3, body: 'raw text'}],
});

const env = {TOKEN: 'secret-token-1', OTHER_TOKEN: 'secret-token-2'};

describe('loading profile files', () => {
  test('a YAML profile: defaults merged into every stream, spec defaults filled', async () => {
    const {cwd} = await project({'profiles/chat.yaml': yamlProfile});
    const {profiles, streams} = await loadProfiles(['chat'], loadOptions(cwd, env));

    expect(profiles).toHaveLength(1);
    expect(profiles[0]).toMatchObject({
      name: 'chat',
      description: 'two streams',
      file: join(cwd, 'profiles/chat.yaml'),
      displayFile: join('profiles', 'chat.yaml'),
    });
    const [first, second] = streams;
    expect(first?.spec).toEqual({
      name: 'first',
      url: 'https://example.test/v1/chat-messages',
      method: 'POST',
      // Header names merge case-insensitively; the stream's spelling and value win.
      headers: {'X-Team': 'core', 'accept-language': 'zh', 'X-Extra': 'yes'},
      query: {stream: true},
      body: {query: 'hi', inputs: {}},
      auth: {type: 'bearer', token: 'secret-token-1'},
      timeout: 10,
      idleTimeout: 45,
      insecure: false,
      retryDelay: 3000,
      maxRetryDelay: 30,
      maxBufferSize: 16 * 1024 * 1024,
    });
    expect(first).toMatchObject({
      answer: 'dify',
      source: {file: join(cwd, 'profiles/chat.yaml'), profile: 'chat'},
    });
    expect(first?.view).toBeUndefined();

    expect(second?.spec).toMatchObject({
      method: 'GET',
      query: {stream: true, page: 2},
      auth: {type: 'bearer', token: 'secret-token-2'},
      timeout: 5,
    });
    expect(second).toMatchObject({answer: 'none', view: 'answer', bufferSize: 500});
  });

  test('a JSON profile (with $schema) loads the same way', async () => {
    const {cwd} = await project({'feeds/feed.json': jsonProfile});
    const {profiles, streams} = await loadProfiles(['feeds/feed.json'], loadOptions(cwd));
    expect(profiles[0]?.name).toBe('json-feed');
    expect(streams.map((stream) => stream.spec)).toEqual([
      expect.objectContaining({
        name: 'feed',
        method: 'GET',
        maxEvents: 3,
        body: 'raw text',
        headers: {},
      }),
    ]);
  });

  test('several profiles load in order, each file once', async () => {
    const {cwd} = await project({
      'profiles/chat.yaml': yamlProfile,
      'profiles/feed.json': jsonProfile,
    });
    const {profiles, streams} = await loadProfiles(
      ['feed', 'chat', 'profiles/feed.json'],
      loadOptions(cwd, env),
    );
    expect(profiles.map((profile) => profile.name)).toEqual(['json-feed', 'chat']);
    expect(streams.map((stream) => stream.spec.name)).toEqual(['feed', 'first', 'second']);
  });

  test('no references load nothing', async () => {
    const {cwd} = await project({});
    expect(await loadProfiles([], loadOptions(cwd))).toEqual({profiles: [], streams: []});
  });
});
