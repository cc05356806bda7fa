import {REDACTED, isSensitiveHeader} from '../core/redact.js';

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Masks the secrets a URL can carry: its user info and the values of query
 * parameters with sensitive names (token, key, secret, auth...). Works on
 * templates too (`${BASE}/x?api_key=abc`), which `new URL` would reject.
 */
export function redactUrl(url: string): string {
  // User info ends at the authority's last "@" (an unencoded "@" in a password still parses).
  const withoutUserInfo = url.replace(/^([a-z][\w+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`);
  const queryStart = withoutUserInfo.indexOf('?');
  if (queryStart === -1) return withoutUserInfo;
  const hashStart = withoutUserInfo.indexOf('#', queryStart);
  const queryEnd = hashStart === -1 ? withoutUserInfo.length : hashStart;
  const query = withoutUserInfo
    .slice(queryStart + 1, queryEnd)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = pair.slice(0, equals);
      return isSensitiveHeader(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${withoutUserInfo.slice(0, queryStart + 1)}${query}${withoutUserInfo.slice(queryEnd)}`;
}

/** A query value for display: masked when its name is sensitive. */
export function redactQueryValue(name: string, value: string | number | boolean): string {
  return isSensitiveHeader(name) ? REDACTED : String(value);
}
