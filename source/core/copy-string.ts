/**
 * A copy of a string that was sliced from a larger one. V8 keeps a slice as a
 * pointer into its parent, so one retained event would keep its whole body
 * chunk alive; flattening a concatenation makes a string of its own.
 */
export function copyString(value: string): string {
  return value.length < 13 ? value : (' ' + value).slice(1);
}
