// Writes profiles/ssedeck-profile.schema.json from the zod profile schema.
// Usage: node scripts/generate-profile-schema.mjs [--check]
// It loads the TypeScript source through Vite's module runner (Vite comes with
// vitest, a dev dependency), so no build is needed and the output is never
// generated from a stale dist/. `--check` exits 1 when the shipped file is stale
// (test/profiles/json-schema.test.ts checks the same).
import {readFile, writeFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {runnerImport} from 'vite';

const sourceFile = fileURLToPath(new URL('../source/profiles/json-schema.ts', import.meta.url));
const {module} = await runnerImport(sourceFile, {configFile: false, logLevel: 'silent'});
const target = module.shippedSchemaPath();
const text = module.profileJsonSchemaText();

if (process.argv.includes('--check')) {
  const shipped = await readFile(target, 'utf8').catch(() => '');
  if (shipped !== text) {
    console.error(`${target} is stale: run node scripts/generate-profile-schema.mjs`);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
