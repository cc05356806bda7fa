import {describe, expect, test} from 'vitest';
import {loadProfiles} from '../../source/profiles/load.js';
import {errorMessage, loadOptions, project} from './helpers.js';

describe('Dify SSE plugin parameter forms', () => {
  test('headers and query_params as "key: value" text, auth_*, timeout, max_*, retry_attempts', async () => {
    const {cwd} = await project({
      'profiles/plugin.yaml': `name: plugin
streams:
  - name: logs
    url: https://logs.example.test/logs/stream
    headers: |
      Content-Type: application/json
      X-Custom-Header: custom-value

      # comments and blank lines are skipped
      X-Trace: a:b:c
    query_params: |
      level: info
      service: web-app
    auth_type: api_key
    auth_token: \${LOG_KEY}
    auth_header: X-API-Key
    timeout: 30
    max_events: 1000
    max_duration: 600
    retry_attempts: 3
`,
    });
    const [stream] = (await loadProfiles(['plugin'], loadOptions(cwd, {LOG_KEY: 'k-123'}))).streams;
    expect(stream?.spec).toMatchObject({
      headers: {
        'Content-Type': 'application/json',
        'X-Custom-Header': 'custom-value',
        'X-Trace': 'a:b:c',
      },
      query: {level: 'info', service: 'web-app'},
      auth: {type: 'api_key', token: 'k-123', header: 'X-API-Key'},
      timeout: 30,
      maxEvents: 1000,
      maxDuration: 600,
      retries: 3,
    });
  });

  test('seed forms work in defaults too and merge with a stream in spec form', async () => {
    const {cwd} = await project({
      'p.yaml': `name: p
defaults:
  auth_type: bearer
  auth_token: \${TOKEN}
  headers: "X-A: 1"
streams:
  - name: a
    url: https://example.test/a
    headers: {X-B: "2"}
`,
    });
    const [stream] = (await loadProfiles(['p.yaml'], loadOptions(cwd, {TOKEN: 't'}))).streams;
    expect(stream?.spec).toMatchObject({
      headers: {'X-A': '1', 'X-B': '2'},
      auth: {type: 'bearer', token: 't'},
    });
  });

  test('bad seed values and double definitions are reported at the seed field', async () => {
    const {cwd} = await project({
      'p.yaml': `name: p
streams:
  - name: a
    url: https://example.test/a
    auth_type: oauth
`,
    });
    const message = await errorMessage(() => loadProfiles(['p.yaml'], loadOptions(cwd)));
    expect(message).toBe(
      'p.yaml:5:16: streams[0].auth_type: expected one of none, bearer, api_key',
    );

    const {cwd: second} = await project({
      'p.yaml': `name: p
streams:
  - name: b
    url: https://example.test/b
    max_events: 5
    maxEvents: 6
    auth: {type: bearer}
    auth_type: api_key
    headers: |
      Good: yes
      no colon here
`,
    });
    const messages = await errorMessage(() => loadProfiles(['p.yaml'], loadOptions(second)));
    expect(messages.split('\n')).toEqual([
      'p.yaml:5:17: streams[0].max_events: use either max_events or maxEvents, not both',
      'p.yaml:8:16: streams[0].auth_type: use either auth_type or auth.type, not both',
      'p.yaml:9:14: streams[0].headers: line 2: expected "key: value"',
    ]);
  });
});
