import {describe, expect, test} from 'vitest';
import {loadProfiles} from '../../source/profiles/load.js';
import {loadOptions, project} from './helpers.js';

describe('literal secrets in profile files', () => {
  test('a literal token or sensitive header value warns without printing it', async () => {
    const {cwd} = await project({
      'profiles/leaky.yaml': `name: leaky
defaults:
  headers:
    X-Api-Key: literal-default-key-111
streams:
  - name: dify-chat
    url: https://example.test/a
    auth:
      type: bearer
      token: app-literal-token-222
    headers:
      Authorization: Bearer literal-header-333
      X-Plain: not-a-secret
  - name: plugin
    url: https://example.test/b
    auth_token: literal-seed-444
    headers: |
      Cookie: session=literal-cookie-555
`,
    });
    const options = loadOptions(cwd);
    await loadProfiles(['leaky'], options);
    expect(options.warnings).toEqual([
      'warning: profiles/leaky.yaml:4:16: defaults.headers.X-Api-Key: literal secret in the profile; use a variable instead, e.g. "${LEAKY_API_KEY}", set in the environment or in profiles/.env',
      'warning: profiles/leaky.yaml:10:14: streams[0].auth.token: literal secret in the profile; use a variable instead, e.g. "${DIFY_CHAT_API_KEY}", set in the environment or in profiles/.env',
      'warning: profiles/leaky.yaml:12:22: streams[0].headers.Authorization: literal secret in the profile; use a variable instead, e.g. "Bearer ${DIFY_CHAT_API_KEY}", set in the environment or in profiles/.env',
      'warning: profiles/leaky.yaml:16:17: streams[1].auth_token: literal secret in the profile; use a variable instead, e.g. "${PLUGIN_API_KEY}", set in the environment or in profiles/.env',
      'warning: profiles/leaky.yaml:17:14: streams[1].headers: literal secret in the profile; use a variable instead, e.g. "${PLUGIN_API_KEY}", set in the environment or in profiles/.env',
    ]);
    expect(options.warnings.join('\n')).not.toMatch(
      /literal-(default|token|header|seed|cookie)-\d/,
    );
  });

  test('values taken from ${...} (even with a default) do not warn', async () => {
    const {cwd} = await project({
      'p.yaml': `name: p
streams:
  - name: a
    url: https://example.test/a
    auth: {type: bearer, token: "\${KEY:-demo-key}"}
    headers:
      Authorization: Bearer \${OTHER}
      X-Api-Key: ""
`,
    });
    const options = loadOptions(cwd, {OTHER: 'x'});
    await loadProfiles(['p.yaml'], options);
    expect(options.warnings).toEqual([]);
  });

  test('warnings also come with a profile that fails to load', async () => {
    const {cwd} = await project({
      'p.yaml':
        'name: p\nstreams:\n  - name: a\n    url: https://x.test\n    auth: {token: literal-666}\n    bogus: 1\n',
    });
    const options = loadOptions(cwd);
    await expect(loadProfiles(['p.yaml'], options)).rejects.toThrow(/bogus: unknown field/);
    expect(options.warnings).toHaveLength(1);
    expect(options.warnings[0]).not.toContain('literal-666');
  });
});
