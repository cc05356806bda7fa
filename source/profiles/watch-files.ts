import {watch, type FSWatcher} from 'node:fs';
import {basename, dirname} from 'node:path';

/** Quiet time after the last change before `onChange` runs (an editor's save is several events). */
export const WATCH_DEBOUNCE_MS = 300;
const MIN_DEBOUNCE_MS = 50;
const MAX_DEBOUNCE_MS = 5000;

/**
 * Calls `onChange` once things are quiet again after any of `files` changed.
 * It watches the files' directories, not the files: editors that save by
 * writing a new file and renaming it over the old one replace the inode a
 * file watch would follow. A directory that cannot be watched is skipped.
 * Returns the function that stops watching.
 */
export function watchFiles(
  files: readonly string[],
  onChange: () => void,
  debounceMs = WATCH_DEBOUNCE_MS,
): () => void {
  const wait = Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, debounceMs || 0));
  const byDir = new Map<string, Set<string>>();
  for (const file of files) {
    const names = byDir.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byDir.set(dirname(file), names);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const changed = (): void => {
    if (closed) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, wait);
  };
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      const watcher = watch(dir, {persistent: false}, (_event, name) => {
        // Some platforms leave the name out: then any change in the directory counts.
        if (name === null || names.has(basename(String(name)))) changed();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // Gone or not allowed: L still reloads by hand.
    }
  }
  return () => {
    closed = true;
    if (timer !== undefined) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
