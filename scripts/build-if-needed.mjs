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
  execSync('npm run --silent build', {stdio: 'inherit'});
}
