import {z} from 'zod';

/**
 * One stream = one spec. This zod schema is the single source of truth for the
 * stream fields: the TypeScript types, validation, defaults and (through the
 * profiles layer) the JSON Schema shipped for editors all come from it.
 *
 * Durations are in seconds (like the Dify SSE plugin's parameters), except
 * `retryDelay`, which is in milliseconds like the SSE `retry` field it defaults.
 */

export const authTypes = ['none', 'bearer', 'api_key'] as const;
export const reconnectPolicies = ['always', 'on-error', 'never'] as const;

export type AuthType = (typeof authTypes)[number];
export type ReconnectPolicy = (typeof reconnectPolicies)[number];

export const DEFAULT_AUTH_HEADER = 'Authorization';
export const DEFAULT_TIMEOUT_S = 30;
export const DEFAULT_IDLE_TIMEOUT_S = 45;
export const DEFAULT_RETRY_DELAY_MS = 3000;
export const DEFAULT_MAX_RETRY_DELAY_S = 30;
export const DEFAULT_ON_ERROR_RETRIES = 3;
export const DEFAULT_MAX_BUFFER_SIZE = 16 * 1024 * 1024;

/**
 * The longest duration a flag or profile may ask for: 24 days, safely below
 * setTimeout's limit of 2^31-1 ms (about 24.8 days), so no timer overflows.
 */
export const MAX_DURATION_S = 2_073_600;
export const MAX_DURATION_MS = MAX_DURATION_S * 1000;
export const MAX_DURATION_TEXT = `${MAX_DURATION_S} seconds (24 days)`;

const maxDuration = {message: `at most ${MAX_DURATION_TEXT}`};
const seconds = z.number().positive().max(MAX_DURATION_S, maxDuration);

export const authSchema = z
  .object({
    type: z.enum(authTypes).default('none').describe('How the token is sent.'),
    token: z.string().optional().describe('The token; prefer "${ENV_VAR}" to a literal.'),
    header: z
      .string()
      .min(1)
      .optional()
      .describe('Header that carries an api_key token (default Authorization).'),
  })
  .strict();

export const streamSpecSchema = z
  .object({
    name: z.string().min(1).describe('Shown in pane headers and in every record.'),
    url: z.url({protocol: /^https?$/}).describe('http(s) URL of the SSE endpoint.'),
    method: z
      .string()
      .regex(/^[A-Za-z]+$/, 'expected an HTTP method such as GET or POST')
      .transform((method) => method.toUpperCase())
      .default('GET'),
    headers: z
      .record(
        z
          .string()
          .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected a header name (letters, digits, -)'),
        z.string().regex(/^[^\r\n\0]*$/, 'header values cannot contain line breaks or NUL'),
      )
      .default({}),
    query: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    body: z
      .union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())])
      .optional()
      .describe('A string is sent as is; an object or array is sent as JSON.'),
    auth: authSchema.default({type: 'none'}),
    insecure: z
      .boolean()
      .default(false)
      .describe('Accept any TLS certificate (self-signed, expired, wrong host); shows a warning.'),
    caFile: z
      .string()
      .min(1)
      .optional()
      .describe('PEM file of extra CA certificates to trust (a private CA).'),
    timeout: seconds.default(DEFAULT_TIMEOUT_S).describe('Seconds to wait for response headers.'),
    idleTimeout: z
      .number()
      .nonnegative()
      .max(MAX_DURATION_S, maxDuration)
      .default(DEFAULT_IDLE_TIMEOUT_S)
      .describe('Seconds without a byte before the connection counts as dropped; 0 = never.'),
    maxEvents: z.int().positive().optional().describe('Stop cleanly after this many events.'),
    maxDuration: seconds.optional().describe('Stop cleanly after this many seconds.'),
    retries: z
      .int()
      .nonnegative()
      .optional()
      .describe(
        'Retries after consecutive failures before the stream fails (default: unlimited for always, 3 otherwise).',
      ),
    reconnect: z
      .enum(reconnectPolicies)
      .optional()
      .describe('Reconnect policy (default: always for GET, on-error for other methods).'),
    retryDelay: z
      .int()
      .positive()
      .max(MAX_DURATION_MS, {message: `at most ${MAX_DURATION_MS} milliseconds (24 days)`})
      .default(DEFAULT_RETRY_DELAY_MS)
      .describe('Milliseconds before a reconnect until the server sends retry:.'),
    maxRetryDelay: seconds
      .default(DEFAULT_MAX_RETRY_DELAY_S)
      .describe('Cap in seconds for the exponential backoff.'),
    resume: z
      .boolean()
      .optional()
      .describe(
        'Dify chatflow/workflow: when the stream drops with a known workflow_run_id, re-attach with GET /workflow/{id}/events (Dify 1.14+) instead of failing.',
      ),
    maxBufferSize: z
      .int()
      .positive()
      .default(DEFAULT_MAX_BUFFER_SIZE)
      .describe('Longest line or event, in characters, before the connection is failed.'),
  })
  .strict();

/** What a profile or the command line writes: defaults may be left out. */
export type StreamSpecInput = z.input<typeof streamSpecSchema>;
/** A validated spec with every default filled in. */
export type StreamSpec = z.output<typeof streamSpecSchema>;
export type StreamAuth = StreamSpec['auth'];

/** The engine's view of a spec: policies settled, durations in milliseconds. */
export type ResolvedStreamSpec = {
  readonly spec: StreamSpec;
  readonly name: string;
  readonly reconnect: ReconnectPolicy;
  /** Consecutive failures allowed before the stream fails (Infinity = unlimited). */
  readonly retries: number;
  readonly timeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxDurationMs: number | undefined;
  readonly maxRetryDelayMs: number;
  /** Only GET may be re-sent automatically once its response started. */
  readonly resendAfterStart: boolean;
};

export function resolveStreamSpec(spec: StreamSpec): ResolvedStreamSpec {
  const reconnect = spec.reconnect ?? (spec.method === 'GET' ? 'always' : 'on-error');
  const retries =
    spec.retries ?? (reconnect === 'always' ? Number.POSITIVE_INFINITY : DEFAULT_ON_ERROR_RETRIES);
  return {
    spec,
    name: spec.name,
    reconnect,
    retries: reconnect === 'never' ? 0 : retries,
    timeoutMs: spec.timeout * 1000,
    idleTimeoutMs: spec.idleTimeout * 1000,
    maxDurationMs: spec.maxDuration === undefined ? undefined : spec.maxDuration * 1000,
    maxRetryDelayMs: spec.maxRetryDelay * 1000,
    resendAfterStart: spec.method === 'GET',
  };
}

/** Validates and fills defaults; throws a ZodError listing every problem. */
export function parseStreamSpec(input: StreamSpecInput): StreamSpec {
  return streamSpecSchema.parse(input);
}
