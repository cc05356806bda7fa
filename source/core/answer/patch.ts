/**
 * `current` with `changes` applied, or `current` itself when no value
 * changes: nested state objects are replaced only on a real change, so a
 * reference comparison tells whether anything visible moved.
 */
export function patch<T extends object>(current: T, changes: Partial<T>): T {
  for (const key of Object.keys(changes) as Array<keyof T>) {
    if (!Object.is(current[key], changes[key])) return {...current, ...changes};
  }
  return current;
}

/** Fills only the fields that are still undefined (the first value wins). */
export function fillMissing<T extends object>(current: T, values: Partial<T>): T {
  const missing: Partial<T> = {};
  for (const key of Object.keys(values) as Array<keyof T>) {
    if (current[key] === undefined && values[key] !== undefined) missing[key] = values[key];
  }
  return patch(current, missing);
}
