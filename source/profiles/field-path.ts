/** A path into a parsed profile: object keys and array indexes. */
export type FieldPath = ReadonlyArray<string | number>;

const plainKey = /^[A-Za-z_$][\w$-]*$/;

/** `['streams', 1, 'auth', 'type']` -> `streams[1].auth.type`; odd keys are quoted: `headers["X Key"]`. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (plainKey.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** The value at `path` inside plain data, or undefined when any step is missing. */
export function valueAtPath(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** A copy of plain data with every string value (not key) mapped; `path` says where it sits. */
export function mapStrings(
  value: unknown,
  map: (text: string, path: FieldPath) => string,
  path: FieldPath = [],
): unknown {
  if (typeof value === 'string') return map(value, path);
  if (Array.isArray(value))
    return value.map((item, index) => mapStrings(item, map, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, map, [...path, key])]),
    );
  }
  return value;
}

/** Human name of a value's type, in JSON terms. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
