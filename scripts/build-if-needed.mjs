// `npm start` builds only when a source file is newer than the built CLI.
import {execSync} from 'node:child_process';
import {readdirSync, statSync, existsSync} from 'node:fs';
import {join} from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const built = 'dist/cli.js';
if (!existsSync(built) || newestMtime('source') > statSync(built).mtimeMs) {
  // The first build takes a few seconds: say so instead of showing a blank screen.
  process.stderr.write(
    existsSync(built)
      ? 'ssedeck: sources changed, building...\n'
      : 'ssedeck: building (first run, takes a few seconds)...\n',
  );
  execSync('npm run --silent build', {stdio: 'inherit'});
}
