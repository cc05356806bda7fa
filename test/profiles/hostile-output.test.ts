import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {tempDir, writeFiles} from './helpers.js';

// YAML double-quoted escapes: the parsed strings hold real ESC, BEL and C1 characters.
const hostileProfile = `name: "\\e]2;TITLE\\a"
description: "clears \\e[2J and copies \\e]52;c;SGVsbG8=\\a here \\u009b31m"
streams:
  - name: "feed\\e[31m"
    url: http://127.0.0.1:9/x\\u202e
  - name: "feed\\e[31m"
    url: "not a url \\e]8;;http://evil\\a"
`;

const hostileButValid = `name: "\\e]2;TITLE\\a"
description: "clears \\e[2J and copies \\e]52;c;SGVsbG8=\\a here \\u009b31m"
streams:
  - name: "feed\\e[31m"
    url: http://127.0.0.1:9/x
`;

// eslint-disable-next-line no-control-regex
const rawControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

async function hostileProject(): Promise<{cwd: string; env: Record<string, string>}> {
  const root = await tempDir();
  const cwd = join(root, 'project');
  await mkdir(join(root, 'config'), {recursive: true});
  await writeFiles(cwd, {
    'profiles/evil.yaml': hostileProfile,
    'profiles/shown.yaml': hostileButValid,
  });
  return {cwd, env: {XDG_CONFIG_HOME: join(root, 'config')}};
}

describe('profile commands never write raw control characters', () => {
  it('`profiles` shows names, descriptions, stream names and URLs as visible escapes', async () => {
    const {cwd, env} = await hostileProject();
    const {stdout, stderr} = await runCli(['profiles'], {cwd, env});
    const output = stdout + stderr;
    expect(output).not.toMatch(rawControls);
    expect(output).toContain('\\x1b]2;TITLE\\x07');
    expect(output).toContain('\\x1b[2J');
    expect(output).toContain('\\x1b]52;c;');
    expect(output).toContain('feed\\x1b[31m');
  });

  it('`profiles validate` escapes the problems it reports', async () => {
    const {cwd, env} = await hostileProject();
    const {code, stdout, stderr} = await runCli(['profiles', 'validate', 'profiles/evil.yaml'], {
      cwd,
      env,
    });
    expect(code).toBe(2);
    const output = stdout + stderr;
    expect(output).not.toMatch(rawControls);
    expect(output).toContain('\\x1b');
  });

  it('`import-curl` escapes what it echoes from the command', async () => {
    const {cwd, env} = await hostileProject();
    const {stdout, stderr} = await runCli(
      ['import-curl', "curl -N 'http://127.0.0.1:9/a\u001b]2;TITLE\u0007' -H 'X-A: b\u009b2J'"],
      {cwd, env},
    );
    const output = stdout + stderr;
    expect(output).not.toMatch(rawControls);
  });
});
