import {mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {watchFiles} from '../../source/profiles/watch-files.js';

let dir = '';
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  if (dir !== '') rmSync(dir, {recursive: true, force: true});
  dir = '';
});

/** Resolves on the watcher's next call; rejects after `ms` (a generous bound, not a timing claim). */
function nextChange(files: string[], debounceMs: number, ms = 10_000) {
  let calls = 0;
  let resolveNext: () => void = () => undefined;
  const stop = watchFiles(
    files,
    () => {
      calls++;
      resolveNext();
    },
    debounceMs,
  );
  stops.push(stop);
  return {
    calls: () => calls,
    next: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no change reported')), ms);
        resolveNext = () => {
          clearTimeout(timer);
          resolve();
        };
      }),
  };
}

describe('watchFiles (--watch)', () => {
  it('reports a write, and a replace by rename (how editors save)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssedeck-watch-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'name: p\n');
    const watch = nextChange([file, join(dir, '.env')], 50);
    let next = watch.next();
    writeFileSync(file, 'name: p2\n');
    await next;
    next = watch.next();
    writeFileSync(join(dir, 'p.yaml.tmp'), 'name: p3\n');
    renameSync(join(dir, 'p.yaml.tmp'), file);
    await next;
    next = watch.next();
    writeFileSync(join(dir, '.env'), 'X=1\n');
    await next;
    expect(watch.calls()).toBeGreaterThanOrEqual(3);
  });

  it('ignores other files in the directory', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ssedeck-watch-'));
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'name: p\n');
    const watch = nextChange([file], 50);
    writeFileSync(join(dir, 'other.txt'), 'x');
    // The write to the watched file comes after: the first report must be for it alone.
    const next = watch.next();
    writeFileSync(file, 'name: q\n');
    await next;
    expect(watch.calls()).toBe(1);
  });

  it('skips a directory that cannot be watched', () => {
    const stop = watchFiles(['/no/such/dir/p.yaml'], () => undefined);
    expect(stop).toBeTypeOf('function');
    stop();
  });
});
