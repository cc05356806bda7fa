import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {parse} from 'dotenv';

export const ENV_FILE_NAME = '.env';

/** Variables from the optional `.env` beside a profile file ({} when there is none). */
export async function readEnvFileBeside(profileDir: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(join(profileDir, ENV_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return parse(text);
}
