import {readFileSync} from 'node:fs';

/** ssedeck's version from package.json, read once (source/core and dist/core sit two levels below it). */
function readVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const {version} = JSON.parse(text) as {version?: unknown};
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const VERSION = readVersion();
export const USER_AGENT = `ssedeck/${VERSION}`;
