import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {loadProfiles, selectStreams} from '../../source/profiles/load.js';
import {isPathReference, userConfigDir} from '../../source/profiles/resolve.js';
import {errorMessage, loadOptions, project, writeFiles} from './helpers.js';

function oneStream(profile: string, stream: string): string {
  return `name: ${profile}\nstreams:\n  - name: ${stream}\n    url: https://example.test/${stream}\n`;
}

describe('finding profiles by name', () => {
  test('a NAME resolves in ./profiles first, then in the config dir', async () => {
    const {cwd, configDir} = await project({'profiles/shared.yaml': oneStream('local', 'l')});
    await writeFiles(join(configDir, 'profiles'), {
      'shared.yaml': oneStream('user-shared', 'u'),
      'mine.yml': oneStream('user-mine', 'm'),
    });
    const options = loadOptions(cwd, {}, configDir);

    const local = await loadProfiles(['shared'], options);
    expect(local.profiles[0]?.name).toBe('local');

    const user = await loadProfiles(['mine'], options);
    expect(user.profiles[0]).toMatchObject({
      name: 'user-mine',
      file: join(configDir, 'profiles', 'mine.yml'),
    });
    // Outside the working directory the path is shown absolute.
    expect(user.profiles[0]?.displayFile).toBe(join(configDir, 'profiles', 'mine.yml'));
  });

  test('extensions are tried in order: .yaml, .yml, .json', async () => {
    const {cwd} = await project({
      'profiles/x.json': JSON.stringify({
        name: 'from-json',
        streams: [{name: 'j', url: 'https://x.test'}],
      }),
      'profiles/x.yml': oneStream('from-yml', 'y'),
    });
    const {profiles} = await loadProfiles(['x'], loadOptions(cwd, {}, join(cwd, 'no-config')));
    expect(profiles[0]?.name).toBe('from-yml');
  });

  test('an unknown NAME lists where it looked and what is available', async () => {
    const {cwd, configDir} = await project({'profiles/demo.yaml': oneStream('demo', 'd')});
    await writeFiles(join(configDir, 'profiles'), {
      'work.json': '{}',
      'ssedeck-profile.schema.json': '{}',
    });
    const message = await errorMessage(() =>
      loadProfiles(['nope'], loadOptions(cwd, {}, configDir)),
    );
    expect(message).toBe(
      `nope: no profile named "nope" in ${join(cwd, 'profiles')} or ${join(configDir, 'profiles')} (nope.yaml, .yml or .json); available: demo, work`,
    );
  });

  test('paths are relative to the working directory; names are not paths', async () => {
    expect(isPathReference('demo')).toBe(false);
    expect(isPathReference('my-profile_2')).toBe(false);
    expect(isPathReference('demo.yaml')).toBe(true);
    expect(isPathReference('conf/demo')).toBe(true);
    expect(isPathReference('./demo')).toBe(true);
    const {cwd} = await project({'elsewhere/p.yaml': oneStream('p', 's')});
    const {profiles} = await loadProfiles(['elsewhere/p.yaml'], loadOptions(cwd));
    expect(profiles[0]?.displayFile).toBe(join('elsewhere', 'p.yaml'));
  });

  test('the config dir honours $XDG_CONFIG_HOME, then the platform default', () => {
    expect(userConfigDir({cwd: '/', env: {XDG_CONFIG_HOME: '/xdg'}})).toBe(join('/xdg', 'ssedeck'));
    expect(userConfigDir({cwd: '/', env: {XDG_CONFIG_HOME: '/xdg'}, configDir: '/override'})).toBe(
      '/override',
    );
    expect(userConfigDir({cwd: '/', env: {}})).toMatch(/ssedeck/);
  });
});

describe('streams across profiles', () => {
  test('the same stream name in two loaded profiles is an error', async () => {
    const {cwd} = await project({
      'profiles/a.yaml': oneStream('a', 'chat'),
      'profiles/b.yaml': oneStream('b', 'chat'),
    });
    const message = await errorMessage(() => loadProfiles(['a', 'b'], loadOptions(cwd)));
    expect(message).toBe(
      'profiles/b.yaml: stream "chat" is also defined in profiles/a.yaml; stream names must be unique across the loaded profiles',
    );
  });

  test('problems of several files are all reported', async () => {
    const {cwd} = await project({'profiles/a.yaml': 'name: a\n', 'profiles/b.yaml': 'name: [\n'});
    const message = await errorMessage(() => loadProfiles(['a', 'b', 'c'], loadOptions(cwd)));
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^c: no profile named "c"/);
    expect(lines[1]).toBe('profiles/a.yaml:1:1: streams: required (a list)');
    expect(lines[2]).toMatch(/^profiles\/b\.yaml:\d+:\d+: /);
  });

  test('selectStreams picks by name or profile/name, in the order asked', async () => {
    const {cwd} = await project({
      'profiles/a.yaml': `name: a\nstreams:\n  - {name: one, url: "https://x.test/1"}\n  - {name: two, url: "https://x.test/2"}\n`,
      'profiles/b.yaml': oneStream('b', 'three'),
    });
    const {streams} = await loadProfiles(['a', 'b'], loadOptions(cwd));
    expect(selectStreams(streams, []).map((s) => s.spec.name)).toEqual(['one', 'two', 'three']);
    expect(selectStreams(streams, ['three', 'a/one', 'three']).map((s) => s.spec.name)).toEqual([
      'three',
      'one',
    ]);
    expect(() => selectStreams(streams, ['one', 'four', 'b/one'])).toThrow(
      '--stream four: no such stream; available: one, two, three\n--stream b/one: no such stream; available: one, two, three',
    );
  });
});
