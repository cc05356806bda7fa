/** Longest header value quoted in a hint (hostile servers send long ones). */
const MAX_VALUE = 60;

const quote = (value: string): string =>
  value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE)}…` : value;

const CDN_SERVERS = /cloudflare|cloudfront|akamai|fastly|varnish|envoy/i;

/**
 * What in a response's headers (names lower-cased) can make a proxy or the
 * server hold events back: compression, a Content-Length, no
 * `X-Accel-Buffering: no`, no `Cache-Control: no-transform`, a proxy or CDN.
 */
export function bufferingHints(headers: Readonly<Record<string, string>>): string[] {
  const hints: string[] = [];
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    hints.push(`compressed body (Content-Encoding: ${quote(encoding)})`);
  }
  const length = headers['content-length'];
  if (length !== undefined) hints.push(`Content-Length: ${quote(length)} on a stream`);
  const accel = headers['x-accel-buffering'];
  if (accel === undefined) hints.push('no X-Accel-Buffering: no');
  else if (accel.trim().toLowerCase() !== 'no') hints.push(`X-Accel-Buffering: ${quote(accel)}`);
  const cache = headers['cache-control'];
  if (cache === undefined) hints.push('no Cache-Control (no-transform)');
  else if (!/no-transform/i.test(cache))
    hints.push(`Cache-Control: ${quote(cache)} (no no-transform)`);
  const via = headers['via'];
  if (via !== undefined) hints.push(`a proxy in between (Via: ${quote(via)})`);
  const server = headers['server'];
  if (server !== undefined && CDN_SERVERS.test(server)) hints.push(`Server: ${quote(server)}`);
  return hints;
}

/** The one-line fix for buffering, the likeliest cause first. */
export function bufferingFix(headers: Readonly<Record<string, string>>): string {
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
    return 'turn off compression for text/event-stream (nginx: gzip off; or flush per event) and send Cache-Control: no-transform';
  }
  if (headers['content-length'] !== undefined) {
    return 'stream without Content-Length (chunked) and flush after every event';
  }
  return 'nginx: proxy_buffering off; or send X-Accel-Buffering: no; also Cache-Control: no-cache, no-transform and flush per event';
}
