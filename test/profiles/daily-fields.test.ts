import {describe, expect, test} from 'vitest';
import {loadProfiles} from '../../source/profiles/load.js';
import {loadOptions, project} from './helpers.js';

const profile = `
name: daily
defaults:
  osc52: false
streams:
  - name: chat
    url: https://api.example.com/v1/chat-messages
    method: POST
    autostart: false
    body: {query: hi}
  - name: feed
    url: https://api.example.com/feed
    osc52: true
`;

describe('autostart and osc52 profile fields', () => {
  test('load per stream, defaults merged, and stay out of the request spec', async () => {
    const {cwd} = await project({'profiles/daily.yaml': profile});
    const {streams} = await loadProfiles(['daily'], loadOptions(cwd));
    expect(streams.map(({autostart, osc52}) => ({autostart, osc52}))).toEqual([
      {autostart: false, osc52: false},
      {autostart: undefined, osc52: true},
    ]);
    expect(streams[0]?.spec).not.toHaveProperty('autostart');
  });

  test('a wrong type names the file and the field', async () => {
    const {cwd} = await project({
      'profiles/bad.yaml':
        'name: bad\nstreams:\n  - name: a\n    url: https://x.test/\n    autostart: "no"\n',
    });
    const error = await loadProfiles(['bad'], loadOptions(cwd)).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/bad\.yaml.*autostart/s);
  });
});
