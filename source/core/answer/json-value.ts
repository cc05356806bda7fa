/**
 * Small guards for reading untrusted JSON from a stream. Nothing here throws:
 * a missing or mistyped field reads as undefined.
 */
export type JsonObject = {readonly [key: string]: unknown};

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object encoded in `text`, or undefined for invalid JSON or a non-object. */
export function parseJsonObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function stringAt(object: JsonObject | undefined, key: string): string | undefined {
  const value = object?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** A non-empty string field. */
export function textAt(object: JsonObject | undefined, key: string): string | undefined {
  const value = stringAt(object, key);
  return value === undefined || value.length === 0 ? undefined : value;
}

/** A finite number, also when sent as a numeric string (Dify prices are strings). */
export function numberAt(object: JsonObject | undefined, key: string): number | undefined {
  const value = object?.[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim().length > 0) {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

export function objectAt(object: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = object?.[key];
  return isJsonObject(value) ? value : undefined;
}

export function arrayAt(
  object: JsonObject | undefined,
  key: string,
): readonly unknown[] | undefined {
  const value = object?.[key];
  return Array.isArray(value) ? value : undefined;
}
