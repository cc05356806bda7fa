import {EnvHttpProxyAgent, fetch as undiciFetch} from 'undici';
import type {ResponseLike} from './http-response.js';

/** The slice of fetch the engine uses; tests and embedders may pass their own. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string | undefined;
    redirect: 'follow';
    signal: AbortSignal;
  },
) => Promise<ResponseLike>;

let dispatcher: EnvHttpProxyAgent | undefined;

/**
 * undici's fetch with our own dispatcher: it honors HTTP_PROXY / HTTPS_PROXY /
 * NO_PROXY, and its header and body timeouts are off because the engine keeps
 * its own connect and idle timeouts (an SSE stream may be quiet for minutes).
 */
export const defaultFetch: FetchLike = async (url, init) => {
  dispatcher ??= new EnvHttpProxyAgent({headersTimeout: 0, bodyTimeout: 0});
  return undiciFetch(url, {...init, dispatcher}) as Promise<ResponseLike>;
};
