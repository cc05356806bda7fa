import {fileURLToPath} from 'node:url';
import {z} from 'zod';
import {profileFileSchema} from './profile-schema.js';

export const SCHEMA_FILE_NAME = 'ssedeck-profile.schema.json';

/** The shipped schema: `profiles/` at the package root (same depth from source/ and dist/). */
export function shippedSchemaPath(): string {
  return fileURLToPath(new URL(`../../profiles/${SCHEMA_FILE_NAME}`, import.meta.url));
}

/**
 * The JSON Schema editors use for profile files, generated from the zod schema
 * (input side: fields with defaults are optional). Draft-07, which the YAML and
 * JSON language servers support best.
 */
export function buildProfileJsonSchema(): Record<string, unknown> {
  const {$schema, ...schema} = z.toJSONSchema(profileFileSchema, {io: 'input', target: 'draft-7'});
  return {$schema, title: 'ssedeck connection profile', ...schema};
}

/** The schema file's exact text (stable key order, trailing newline). */
export function profileJsonSchemaText(): string {
  return `${JSON.stringify(buildProfileJsonSchema(), null, 2)}\n`;
}
