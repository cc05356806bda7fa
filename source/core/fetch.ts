import {EnvHttpProxyAgent, fetch as undiciFetch, type Dispatcher} from 'undici';
import type {ResponseLike} from './http-response.js';
import {tlsConnectOptions, tlsKey, type TlsSettings} from './tls-config.js';

/** The slice of fetch the engine uses; tests and embedders may pass their own. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string | undefined;
    redirect: 'follow';
    signal: AbortSignal;
    /** Certificate checks for https (default: verify against the system roots). */
    tls?: TlsSettings | undefined;
  },
) => Promise<ResponseLike>;

/** One dispatcher per distinct TLS setting, so connections are pooled per setting. */
const dispatchers = new Map<string, EnvHttpProxyAgent>();

function dispatcherFor(tls: TlsSettings | undefined): EnvHttpProxyAgent {
  const key = tlsKey(tls);
  let dispatcher = dispatchers.get(key);
  if (!dispatcher) {
    const connect = tls ? tlsConnectOptions(tls) : {};
    dispatcher = new EnvHttpProxyAgent({
      headersTimeout: 0,
      bodyTimeout: 0,
      connect,
      // Through a proxy, the TLS session to the server is the tunnelled one.
      requestTls: connect,
    });
    dispatchers.set(key, dispatcher);
  }
  return dispatcher;
}

/**
 * Request headers fetch adds for browsers (CORS mode, a wildcard language).
 * They mean nothing to an SSE server and are dropped unless the spec set them.
 */
const browserOnlyHeaders = ['sec-fetch-mode', 'accept-language'] as const;

function withoutBrowserHeaders(dispatcher: Dispatcher, own: Record<string, string>): Dispatcher {
  const kept = new Map<string, string>();
  for (const [name, value] of Object.entries(own)) {
    const lower = name.toLowerCase();
    if ((browserOnlyHeaders as readonly string[]).includes(lower)) kept.set(lower, value);
  }
  return dispatcher.compose(
    (dispatch) => (options, handler) =>
      dispatch({...options, headers: stripHeaders(options.headers, kept)}, handler),
  );
}

function stripHeaders(
  headers: Dispatcher.DispatchOptions['headers'],
  kept: ReadonlyMap<string, string>,
): Dispatcher.DispatchOptions['headers'] {
  if (headers === null || headers === undefined || Array.isArray(headers)) return headers;
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') return headers;
  const result: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers as Record<string, string | string[]>)) {
    const lower = name.toLowerCase();
    if ((browserOnlyHeaders as readonly string[]).includes(lower)) {
      const own = kept.get(lower);
      if (own !== undefined) result[name] = own;
      continue;
    }
    result[name] = value;
  }
  return result;
}

/**
 * undici's fetch with our own dispatcher: it honors HTTP_PROXY / HTTPS_PROXY /
 * NO_PROXY and the spec's TLS settings, drops fetch's browser-only request
 * headers, and its header and body timeouts are off because the engine keeps
 * its own connect and idle timeouts (an SSE stream may be quiet for minutes).
 */
export const defaultFetch: FetchLike = async (url, {tls, ...init}) => {
  const dispatcher = withoutBrowserHeaders(dispatcherFor(tls), init.headers);
  return undiciFetch(url, {...init, dispatcher}) as Promise<ResponseLike>;
};
