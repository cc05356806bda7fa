import {readFileSync} from 'node:fs';

/** ssedeck's version, from the package.json shipped beside dist/. */
export function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const {version} = JSON.parse(text) as {version?: unknown};
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
