import {isJsonObject, type JsonObject} from '../core/answer/json-value.js';
import {isSensitiveHeader} from '../core/redact.js';
import type {FieldPath} from './field-path.js';
import {usesReference} from './interpolate.js';
import {parseKeyValueLines} from './seed-forms.js';
import {environmentVariableName} from './variable-name.js';

/** A secret written into a profile file as a literal: where, and a variable name to use instead. */
export type LiteralSecret = {readonly path: FieldPath; readonly suggestion: string};

function isLiteralSecret(value: unknown): value is string {
  if (typeof value !== 'string' || usesReference(value)) return false;
  return value.replace(/^(bearer|basic|token)\b/i, '').trim() !== '';
}

function asRecord(value: unknown): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

function scanBlock(block: JsonObject, path: FieldPath, label: string): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  const tokenVariable = `\${${environmentVariableName(label, 'API_KEY')}}`;
  if (isLiteralSecret(asRecord(block.auth)?.token)) {
    found.push({path: [...path, 'auth', 'token'], suggestion: tokenVariable});
  }
  if (isLiteralSecret(block.auth_token)) {
    found.push({path: [...path, 'auth_token'], suggestion: tokenVariable});
  }
  const headers =
    typeof block.headers === 'string'
      ? parseKeyValueLines(block.headers, [], [])
      : asRecord(block.headers);
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!isSensitiveHeader(name) || !isLiteralSecret(value)) continue;
    const scheme = /^(bearer|basic|token)\s/i.exec(value)?.[0] ?? '';
    const headerPath = typeof block.headers === 'string' ? ['headers'] : ['headers', name];
    found.push({path: [...path, ...headerPath], suggestion: `${scheme}${tokenVariable}`});
  }
  return found;
}

/**
 * Tokens and sensitive header values written literally in a profile (not taken
 * from `${...}`), in the data as written, before interpolation.
 */
export function findLiteralSecrets(rawProfile: unknown): LiteralSecret[] {
  const profile = asRecord(rawProfile);
  if (profile === undefined) return [];
  const profileName = typeof profile.name === 'string' ? profile.name : '';
  const found: LiteralSecret[] = [];
  const defaults = asRecord(profile.defaults);
  if (defaults) found.push(...scanBlock(defaults, ['defaults'], profileName));
  const streams = Array.isArray(profile.streams) ? profile.streams : [];
  streams.forEach((stream: unknown, index) => {
    const block = asRecord(stream);
    const label = typeof block?.name === 'string' ? block.name : profileName;
    if (block) found.push(...scanBlock(block, ['streams', index], label));
  });
  return found;
}
