import {resolve} from 'node:path';
import {expandUrlShorthand} from '../../core/url-shorthand.js';
import {detectAnswerPreset, type AnswerPreset} from '../../core/answer/answer-preset.js';
import {isSensitiveHeader} from '../../core/redact.js';
import {environmentVariableName} from '../variable-name.js';
import type {CurlRequest} from './curl-options.js';
import type {SecretVariable} from './secret-variables.js';
import {SecretVariables, escapeReferences} from './secret-variables.js';

export type ImportedProfile = {
  /** Profile data, ready to be written as YAML. */
  readonly profile: Record<string, unknown>;
  readonly streamName: string;
  readonly variables: readonly SecretVariable[];
  readonly problems: readonly string[];
  /** Request headers left out because they hurt a stream (as written in the command). */
  readonly droppedHeaders?: readonly string[];
};

/** Headers a browser or curl adds that break or skew a stream when replayed. */
const droppedHeaderNames = new Set([
  'accept-encoding',
  'connection',
  'te',
  'host',
  'content-length',
  'last-event-id',
  'priority',
  'upgrade',
  'keep-alive',
  'proxy-connection',
]);

export function isDroppedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return droppedHeaderNames.has(lower) || /^sec-(fetch|ch)-/.test(lower);
}

type Vendor = {readonly prefix: string; readonly answer?: AnswerPreset};

/** The vendor from the host name or the URL path (the answer view's path detection). */
function detectVendor(url: URL, fallbackPrefix: string): Vendor {
  const host = url.hostname.toLowerCase();
  const byPath = detectAnswerPreset(url.href);
  if (host.includes('dify') || byPath === 'dify') return {prefix: 'DIFY', answer: 'dify'};
  if (host.includes('anthropic') || byPath === 'anthropic') {
    return {prefix: 'ANTHROPIC', answer: 'anthropic'};
  }
  if (host.includes('openai') || byPath === 'openai') return {prefix: 'OPENAI', answer: 'openai'};
  return {prefix: environmentVariableName(fallbackPrefix)};
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The last telling path segment ("/v1/chat-messages" gives "chat-messages"), or "". */
function nameFromPath(url: URL): string {
  const segments = url.pathname
    .split('/')
    .map((segment) => {
      try {
        return slug(decodeURIComponent(segment));
      } catch {
        return slug(segment);
      }
    })
    .filter((segment) => segment !== '' && !/^(v\d+(\.\d+)*|api)$/.test(segment));
  return segments.at(-1) ?? '';
}

/** A host that says nothing about the service: an IP address, localhost or a bare name. */
function isAnonymousHost(host: string): boolean {
  return (
    /^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.') || /\.localhost$/.test(host)
  );
}

/** The stream name: from the host ("api.dify.ai" gives "dify"), from the path on 127.0.0.1 or localhost. */
function streamName(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isAnonymousHost(host)) return nameFromPath(url) || 'stream';
  const labels = host.split('.').filter((label) => !['api', 'www'].includes(label));
  return slug(labels[0] ?? '') || 'stream';
}

type StreamDraft = {
  headers: Record<string, string>;
  query: Record<string, string>;
  auth?: {type: 'bearer' | 'api_key'; token: string; header?: string};
};

function addHeader(
  draft: StreamDraft,
  name: string,
  value: string,
  secrets: SecretVariables,
  prefix: string,
): void {
  const lower = name.toLowerCase();
  if (lower === 'content-length' || lower === 'host') return; // computed by the client
  if (!isSensitiveHeader(name) || value === '') {
    draft.headers[name] = escapeReferences(value);
    return;
  }
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const [, scheme = '', credential = value] = /^(\S+)\s+(.+)$/.exec(value) ?? [];
    const basic = scheme.toLowerCase() === 'basic';
    const reference = basic
      ? secrets.reference(
          credential,
          `${prefix}_BASIC_AUTH`,
          `base64 of "user:password" for ${name}: Basic`,
          "$(printf %s 'user:password' | base64)",
        )
      : secrets.reference(
          credential,
          `${prefix}_API_KEY`,
          `the ${scheme || name} token of the ${name} header`,
        );
    if (
      lower === 'authorization' &&
      scheme.toLowerCase() === 'bearer' &&
      draft.auth === undefined
    ) {
      draft.auth = {type: 'bearer', token: reference};
    } else {
      draft.headers[name] = scheme === '' ? reference : `${scheme} ${reference}`;
    }
    return;
  }
  if (lower === 'cookie') {
    draft.headers[name] = secrets.reference(
      value,
      `${prefix}_COOKIE`,
      'the value of the Cookie header',
    );
    return;
  }
  const reference = secrets.reference(
    value,
    `${prefix}_API_KEY`,
    `the value of the ${name} header`,
  );
  if (draft.auth === undefined) draft.auth = {type: 'api_key', header: name, token: reference};
  else draft.headers[name] = reference;
}

function addQuery(
  draft: StreamDraft,
  params: URLSearchParams,
  secrets: SecretVariables,
  prefix: string,
): boolean {
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) return false; // repeated names do not fit a map
  for (const [name, value] of params) {
    draft.query[name] = isSensitiveHeader(name)
      ? secrets.reference(
          value,
          environmentVariableName(prefix, name),
          `the ${name} query parameter`,
        )
      : escapeReferences(value);
  }
  return true;
}

function parseBody(request: CurlRequest, headers: Record<string, string>): unknown {
  const text = request.data.join('&');
  const contentType = Object.entries(headers).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  if (request.json || /json/i.test(contentType ?? '')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed !== null && typeof parsed === 'object') return escapeReferences(parsed);
    } catch {
      // Not JSON after all: sent as written.
    }
    if (contentType === undefined) headers['Content-Type'] = 'application/json';
  } else if (contentType === undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'; // what curl sends for -d
  }
  return escapeReferences(text);
}

/** Turns a parsed curl request into a one-stream profile with secrets moved to variables. */
export function curlToProfile(
  request: CurlRequest,
  options: {
    name?: string;
    /** Where the command was run: a relative --cacert is made absolute. */ cwd?: string;
  },
): ImportedProfile {
  const problems = [...new Set(request.problems)];
  let url: URL | undefined;
  try {
    url = request.url === undefined ? undefined : new URL(expandUrlShorthand(request.url));
  } catch {
    url = undefined;
  }
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    problems.push(
      request.url === undefined ? 'no URL in the command' : 'the URL is not an http(s) URL',
    );
  }
  if (url === undefined || problems.length > 0) {
    return {profile: {}, streamName: '', variables: [], problems};
  }

  const name = options.name ?? streamName(url);
  const vendor = detectVendor(url, name);
  const secrets = new SecretVariables();
  const draft: StreamDraft = {headers: {}, query: {}};
  const droppedHeaders: string[] = [];
  for (const [header, value] of request.headers) {
    if (isDroppedHeader(header)) droppedHeaders.push(header);
    else addHeader(draft, header, value, secrets, vendor.prefix);
  }
  if (request.user !== undefined) {
    if (!request.user.includes(':')) {
      problems.push('-u: give "name:password" (curl would prompt for it)');
    }
    const basic = Buffer.from(request.user, 'utf8').toString('base64');
    addHeader(draft, 'Authorization', `Basic ${basic}`, secrets, vendor.prefix);
  }
  if (request.bearer !== undefined) {
    addHeader(draft, 'Authorization', `Bearer ${request.bearer}`, secrets, vendor.prefix);
  }

  const queryInUrl = addQuery(draft, url.searchParams, secrets, vendor.prefix);
  const base = queryInUrl ? `${url.origin}${url.pathname}` : url.href.replace(/#.*$/, '');
  let body: unknown;
  if (request.data.length > 0 && request.get) {
    if (!addQuery(draft, new URLSearchParams(request.data.join('&')), secrets, vendor.prefix)) {
      problems.push('-G data repeats a parameter name; edit the query by hand');
    }
  } else if (request.data.length > 0) {
    body = parseBody(request, draft.headers);
  }
  const method = (request.method ?? (body === undefined ? 'GET' : 'POST')).toUpperCase();

  const stream: Record<string, unknown> = {name, method, url: escapeReferences(base)};
  if (Object.keys(draft.query).length > 0) stream.query = draft.query;
  if (Object.keys(draft.headers).length > 0) stream.headers = draft.headers;
  if (draft.auth !== undefined) stream.auth = draft.auth;
  if (body !== undefined) stream.body = body;
  if (vendor.answer !== undefined) stream.answer = vendor.answer;
  if (request.connectTimeout !== undefined && request.connectTimeout > 0) {
    stream.timeout = request.connectTimeout;
  }
  if (request.maxTime !== undefined && request.maxTime > 0) stream.maxDuration = request.maxTime;
  if (request.insecure === true) stream.insecure = true;
  if (request.caFile !== undefined) {
    const caFile =
      options.cwd === undefined ? request.caFile : resolve(options.cwd, request.caFile);
    stream.caFile = escapeReferences(caFile);
  }
  if (request.retries !== undefined) stream.retries = Math.floor(request.retries);

  return {
    profile: {name, streams: [stream]},
    streamName: name,
    variables: secrets.variables,
    problems,
    droppedHeaders,
  };
}
