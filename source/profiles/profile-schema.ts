import {z} from 'zod';
import {answerPresets} from '../core/answer/answer-preset.js';
import {authSchema, streamSpecSchema} from '../core/stream-spec.js';

/**
 * The profile file format, derived from the engine's `streamSpecSchema` (the one
 * source of truth for stream fields). A profile stream is the spec plus:
 * - fields later layers read (answer preset, view, ring buffer size);
 * - the Dify "SSE request" plugin's parameter names (seed forms), which the
 *   loader rewrites to the spec's names;
 * - a `url` that is only checked to be a string here, because it may hold
 *   `${VAR}` references (the real URL check runs after interpolation, through
 *   `streamSpecSchema` itself).
 *
 * This schema validates what the file says, before defaults are merged; the
 * merged stream is then parsed by `streamSpecSchema`, which fills the defaults.
 */

const viewModes = ['events', 'answer'] as const;

export type ViewMode = (typeof viewModes)[number];

const specFields = streamSpecSchema.shape;
const authFields = authSchema.shape;

const keyValueLines = z.string().describe('Dify SSE plugin form: one "key: value" pair per line.');

/** Fields the engine does not read; the store and the UI do. */
const profileOnlyFields = {
  answer: z
    .enum(answerPresets)
    .optional()
    .describe('How the answer view joins chunks: dify, openai, anthropic or none.'),
  view: z.enum(viewModes).optional().describe('The pane view to start in (default events).'),
  bufferSize: z
    .int()
    .positive()
    .optional()
    .describe('Events kept in memory for this pane (ring buffer size).'),
  autostart: z
    .boolean()
    .optional()
    .describe(
      'Dashboard: send the request when the dashboard opens (default true); false: the pane waits READY, showing the request, until Enter or r.',
    ),
  osc52: z
    .boolean()
    .optional()
    .describe(
      "Dashboard: Y and C may copy this stream's answer, event data and curl command to the clipboard with OSC 52 (default true).",
    ),
};

/** The Dify SSE plugin's parameter names, accepted as aliases of spec fields. */
const seedFields = {
  query_params: keyValueLines
    .optional()
    .describe('Dify SSE plugin name for query ("key: value" lines).'),
  auth_type: authFields.type.unwrap().optional().describe('Dify SSE plugin name for auth.type.'),
  auth_token: authFields.token.describe('Dify SSE plugin name for auth.token.'),
  auth_header: authFields.header.describe('Dify SSE plugin name for auth.header.'),
  max_events: specFields.maxEvents.describe('Dify SSE plugin name for maxEvents.'),
  max_duration: specFields.maxDuration.describe('Dify SSE plugin name for maxDuration (seconds).'),
  retry_attempts: specFields.retries.describe('Dify SSE plugin name for retries.'),
};

export const profileStreamSchema = streamSpecSchema.extend({
  url: z
    .string()
    .min(1)
    .describe('http(s) URL of the SSE endpoint; may use ${VAR} and ${VAR:-default}.'),
  headers: z
    .union([specFields.headers.unwrap(), keyValueLines])
    .optional()
    .describe('Request headers: a map, or "Name: value" lines (Dify SSE plugin form).'),
  ...profileOnlyFields,
  ...seedFields,
});

/** Applied to every stream of the file; a stream's own fields win. */
export const profileDefaultsSchema = profileStreamSchema
  .omit({name: true, url: true})
  .partial()
  .describe(
    'Fields applied to every stream; a stream overrides them (headers, query and auth merge per key).',
  );

export const profileFileSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema reference for editors (JSON profiles).'),
    name: z.string().min(1).describe('Profile name, shown by `ssedeck profiles`.'),
    description: z.string().optional(),
    defaults: profileDefaultsSchema.optional(),
    streams: z.array(profileStreamSchema).min(1).describe('The streams this profile opens.'),
  })
  .strict()
  .describe('An ssedeck connection profile: named SSE streams and the defaults they share.');

/** What a valid profile file holds, as written (before defaults and interpolation results are merged). */
export type ProfileFileInput = z.input<typeof profileFileSchema>;
export type ProfileStreamInput = z.input<typeof profileStreamSchema>;

/**
 * Duplicate stream names, checked apart from the schema so that they are listed
 * together with every other problem of the file (a refinement would hide them).
 */
export function duplicateStreamNames(
  streams: ReadonlyArray<{readonly name: string}>,
): Array<{path: Array<string | number>; message: string}> {
  const firstIndex = new Map<string, number>();
  const problems: Array<{path: Array<string | number>; message: string}> = [];
  streams.forEach((stream, index) => {
    const earlier = firstIndex.get(stream.name);
    if (earlier === undefined) {
      firstIndex.set(stream.name, index);
      return;
    }
    problems.push({
      path: ['streams', index, 'name'],
      message: `duplicate stream name "${stream.name}" (also streams[${earlier}].name)`,
    });
  });
  return problems;
}
