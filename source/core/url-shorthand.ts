/**
 * URLs as people type them, the way curl and xh read them: no scheme means
 * http:// (`localhost:8787/ticker`, `example.com/sse`, `127.0.0.1:8787/x`),
 * and a leading `:` means localhost (`:8787/ticker`, xh's shorthand). Text
 * with a scheme is returned unchanged, so `ftp://x` still fails validation
 * (and so does `user:pass@host`: give credentials with http:// in front).
 */
export function expandUrlShorthand(text: string): string {
  const value = text.trim();
  if (value === '') return text;
  // xh: ":8787/path", ":/path" -> http://localhost:8787/path
  if (value.startsWith(':/')) return `http://localhost${value.slice(1)}`;
  if (/^:(\d|$)/.test(value)) return `http://localhost${value}`;
  if (value.startsWith('//')) return `http:${value}`;
  // "name:" before anything but digits is a scheme (https:, mailto:); "host:8787" is a port.
  const scheme = /^([a-z][a-z\d+.-]*):(.*)$/is.exec(value);
  if (scheme && !/^\d/.test(scheme[2] ?? '')) return value;
  return `http://${value}`;
}
