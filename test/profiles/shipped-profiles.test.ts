import {spawnSync} from 'node:child_process';
import {readFile, readdir} from 'node:fs/promises';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {
  buildProfileJsonSchema,
  profileJsonSchemaText,
  shippedSchemaPath,
} from '../../source/profiles/json-schema.js';
import {loadProfiles} from '../../source/profiles/load.js';
import {loadOptions, tempDir, writeFiles} from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const profilesDir = join(repoRoot, 'profiles');

// What a user would have set for each shipped example.
const exampleEnv = {
  SSEDECK_DEMO_URL: 'http://127.0.0.1:43123',
  DIFY_API_KEY: 'app-test',
  OPENAI_API_KEY: 'sk-test',
  FEED_URL: 'https://feeds.example.test/v1/events',
  FEED_API_KEY: 'feed-test',
};

async function shippedProfiles(): Promise<string[]> {
  const names = await readdir(profilesDir);
  return names.filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith('.schema.json'));
}

describe('shipped example profiles', () => {
  test('the six examples are there', async () => {
    expect((await shippedProfiles()).sort()).toEqual([
      'demo.yaml',
      'diagnostics.yaml',
      'dify-chatflow.yaml',
      'dify-run.yaml',
      'feed.yaml',
      'openai.yaml',
    ]);
  });

  test('each one validates, without warnings, and points editors at the shipped schema', async () => {
    for (const name of await shippedProfiles()) {
      const options = loadOptions(repoRoot, exampleEnv, join(repoRoot, 'no-config-dir'));
      const {profiles} = await loadProfiles([join('profiles', name)], options);
      expect(profiles[0]?.streams.length, name).toBeGreaterThan(0);
      expect(options.warnings, name).toEqual([]);
      const firstLine = (await readFile(join(profilesDir, name), 'utf8')).split('\n')[0];
      expect(firstLine, name).toBe('# yaml-language-server: $schema=./ssedeck-profile.schema.json');
    }
  });

  test('the demo profile has the demo server streams, demo keys by default', async () => {
    const env = {SSEDECK_DEMO_URL: 'http://127.0.0.1:43123'};
    const {streams} = await loadProfiles(
      ['demo'],
      loadOptions(repoRoot, env, join(repoRoot, 'none')),
    );
    const byName = Object.fromEntries(streams.map((stream) => [stream.spec.name, stream]));
    expect(Object.keys(byName)).toEqual(['ticker', 'logs', 'flaky', 'dify-chatflow', 'openai']);
    expect(byName.ticker?.spec).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:43123/ticker',
    });
    expect(byName['dify-chatflow']).toMatchObject({
      spec: {
        method: 'POST',
        url: 'http://127.0.0.1:43123/v1/chat-messages',
        auth: {type: 'bearer', token: 'app-ssedeck-demo'},
        body: {response_mode: 'streaming', user: 'ssedeck', conversation_id: '', inputs: {}},
      },
      answer: 'dify',
    });
    expect(byName.openai).toMatchObject({
      spec: {
        url: 'http://127.0.0.1:43123/v1/chat/completions',
        auth: {token: 'sk-ssedeck-demo'},
        body: {model: 'demo', stream: true, stream_options: {include_usage: true}},
      },
      answer: 'openai',
    });
  });
});

describe('the shipped JSON Schema', () => {
  test('is up to date with the zod schema (regenerate: node scripts/generate-profile-schema.mjs)', async () => {
    expect(shippedSchemaPath()).toBe(join(profilesDir, 'ssedeck-profile.schema.json'));
    const shipped = await readFile(shippedSchemaPath(), 'utf8');
    expect(shipped).toBe(profileJsonSchemaText());
  });

  test('describes the file: strict streams, spec and profile fields, ${VAR}-friendly url', () => {
    const schema = buildProfileJsonSchema() as {
      $schema: string;
      required: string[];
      properties: {
        streams: {
          items: {
            required: string[];
            additionalProperties: boolean;
            properties: Record<string, Record<string, unknown>>;
          };
        };
      };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['name', 'streams']);
    const stream = schema.properties.streams.items;
    expect(stream.required).toEqual(['name', 'url']);
    expect(stream.additionalProperties).toBe(false);
    expect(stream.properties.url).not.toHaveProperty('format');
    expect(stream.properties.answer).toMatchObject({enum: ['dify', 'openai', 'anthropic', 'none']});
    expect(Object.keys(stream.properties)).toEqual(
      expect.arrayContaining([
        'idleTimeout',
        'retryDelay',
        'view',
        'bufferSize',
        'query_params',
        'retry_attempts',
      ]),
    );
  });

  test('the generator script checks the shipped file (node scripts/generate-profile-schema.mjs --check)', () => {
    const result = spawnSync(process.execPath, ['scripts/generate-profile-schema.mjs', '--check'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/ssedeck-profile\.schema\.json is up to date/);
    expect(result.status).toBe(0);
  });
});

describe('the README', () => {
  test('every YAML example in it is a valid profile', async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const dir = await tempDir();
    for (const [index, text] of examples.entries()) {
      await writeFiles(dir, {[`example-${index}.yaml`]: text});
      const env = {DIFY_API_KEY: 'k', FEED_API_KEY: 'k', LOG_API_KEY: 'k'};
      const {streams} = await loadProfiles([`example-${index}.yaml`], loadOptions(dir, env, dir));
      expect(streams.length).toBeGreaterThan(0);
    }
  });
});
