import {shippedExamplesDir} from '../profiles/resolve.js';
import {readFile} from 'node:fs/promises';
import {sanitize} from '../core/sanitize.js';
import {outlineProfile} from '../profiles/profile-outline.js';
import {findAllProfileFiles, profileNameOf, resolveProfileRefs} from '../profiles/resolve.js';
import {SHELLS} from './completion-model.js';
import {bashScript, fishScript, zshScript} from './completion-scripts.js';
import type {Flags} from './flags.js';
import type {CliIo} from './main.js';
import {demoProfilePath} from './run-streams.js';
import {didYouMean} from './suggest.js';
import {UsageError} from './usage-error.js';

/** `ssedeck completion bash|zsh|fish`: prints the script. */
export async function runCompletion(args: readonly string[], io: CliIo): Promise<number> {
  const [shell, extra] = args;
  if (shell === undefined || extra !== undefined || !SHELLS.some((name) => name === shell)) {
    const hint = shell === undefined ? '' : didYouMean(shell, SHELLS);
    throw new UsageError(
      `completion: expected bash, zsh or fish${shell === undefined ? '' : `, got "${shell}"`}${hint}`,
    );
  }
  const script = shell === 'bash' ? bashScript() : shell === 'zsh' ? zshScript() : fishScript();
  io.stdout.write(script);
  return 0;
}

/** A name a shell can offer: one word, nothing a terminal would run. */
const completable = (name: string) => /^[^\s'"`$\\]+$/u.test(name) && sanitize(name) === name;

/**
 * `ssedeck __complete profiles` / `ssedeck __complete streams REF...`: names
 * one per line for the completion scripts. Never fails loudly: a shell
 * completing a half-typed line gets nothing rather than an error.
 */
export async function runComplete(
  args: readonly string[],
  _flags: Flags,
  io: CliIo,
): Promise<number> {
  const [what, ...refs] = args;
  const search = {cwd: io.cwd, env: io.env, examplesDir: shippedExamplesDir};
  let candidates: string[] = [];
  try {
    if (what === 'profiles') {
      candidates = ['demo', ...(await findAllProfileFiles(search)).map(profileNameOf)];
    } else if (what === 'streams') {
      const named = refs.filter((ref) => ref !== 'demo');
      const {files} = await resolveProfileRefs(named, search);
      if (refs.includes('demo')) files.push(demoProfilePath);
      for (const file of files) {
        const text = await readFile(file, 'utf8').catch(() => undefined);
        const outline = text === undefined ? undefined : outlineProfile(file, text);
        for (const stream of outline?.streams ?? []) candidates.push(stream.name);
      }
    }
  } catch {
    candidates = [];
  }
  const unique = [...new Set(candidates.filter(completable))];
  if (unique.length > 0) io.stdout.write(`${unique.join('\n')}\n`);
  return 0;
}
