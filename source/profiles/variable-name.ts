/** An environment variable name from free text: `("dify-chat", "api key")` -> `DIFY_CHAT_API_KEY`. */
export function environmentVariableName(...parts: readonly string[]): string {
  const stem = parts
    .join('_')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const name = stem === '' ? 'SSEDECK' : stem;
  return /^\d/.test(name) ? `_${name}` : name;
}
