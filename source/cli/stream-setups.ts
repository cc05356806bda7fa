import {answerPresets, detectAnswerPreset, type AnswerPreset} from '../core/answer/index.js';
import {withDifyQuery} from '../core/dify-requests.js';
import {difyPostOf} from './dify-post.js';
import {withRequestFlags} from './profile-overrides.js';
import type {RequestFlags} from './specs-from-flags.js';
import type {StreamSpec, StreamSpecInput} from '../core/stream-spec.js';
import type {LoadedStream} from '../profiles/load.js';
import type {Flags} from './flags.js';
import {splitQueryFlags} from './parse-values.js';
import {UsageError} from './usage-error.js';
import {validateSpecs} from './validate-specs.js';

/** Everything a mode needs to run one stream. */
export type StreamSetup = {
  readonly spec: StreamSpec;
  readonly answer: AnswerPreset;
  readonly view: 'events' | 'answer';
  readonly bufferSize: number | undefined;
  /** Dashboard: send at once (else the pane waits READY): the profile's field and --no-autostart. */
  readonly autostart: boolean;
  /** Dashboard: Y and C may use OSC 52: the profile's field and --no-osc52. */
  readonly osc52: boolean;
};

/**
 * Profile streams and command-line URLs become validated specs with the
 * connection overrides applied, their answer preset settled (profile field,
 * else --answer-preset, else guessed from the URL) and, for Dify POSTs, the
 * query, conversation and user from the flags. `profileRequest` (request
 * flags given without URLs) is merged into the profile streams.
 */
export function buildStreamSetups(
  loaded: readonly LoadedStream[],
  urlInputs: readonly StreamSpecInput[],
  overrides: Partial<StreamSpecInput>,
  flags: Flags,
  profileRequest?: RequestFlags,
): StreamSetup[] {
  const flagPreset = parseAnswerPreset(flags.answerPreset);
  const difyChange = {
    query: flags.ask ?? splitQueryFlags(flags.query).text,
    conversationId: flags.conversation,
    user: flags.user,
  };
  const withFlags = (input: StreamSpecInput) => withUserAgent({...input, ...overrides}, flags);
  const sources = [
    ...loaded.map((stream) => ({
      input: withFlags(
        profileRequest ? withRequestFlags(stream.spec, profileRequest) : stream.spec,
      ),
      profile: stream,
    })),
    ...urlInputs.map((input) => ({input: withFlags(input), profile: undefined})),
  ];
  const specs = validateSpecs(sources.map((source) => source.input));
  const seen = new Set<string>();
  return specs.map((spec, index) => {
    if (seen.has(spec.name)) {
      throw new UsageError(
        `two streams are named "${spec.name}": rename one (--name, or in its profile)`,
      );
    }
    seen.add(spec.name);
    const profile = sources[index]?.profile;
    const answer = profile?.answer ?? flagPreset ?? detectAnswerPreset(spec.url);
    const post = answer === 'dify' ? difyPostOf(spec, flags, {fromUrl: !profile}) : undefined;
    return {
      spec: post ? withDifyQuery(post, difyChange) : spec,
      answer,
      view: profile?.view ?? 'events',
      bufferSize: profile?.bufferSize,
      autostart: flags.autostart && (profile?.autostart ?? true),
      osc52: flags.osc52 && (profile?.osc52 ?? true),
    };
  });
}

/** `-A/--user-agent UA` sets the User-Agent of every stream, replacing the profile's. */
function withUserAgent(input: StreamSpecInput, flags: Flags): StreamSpecInput {
  if (flags.userAgent === undefined) return input;
  const headers = Object.fromEntries(
    Object.entries(input.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'user-agent'),
  );
  return {...input, headers: {...headers, 'User-Agent': flags.userAgent}};
}

function parseAnswerPreset(value: string | undefined): AnswerPreset | undefined {
  if (value === undefined) return undefined;
  const preset = answerPresets.find((name) => name === value);
  if (!preset) {
    throw new UsageError(
      `--answer-preset: expected one of ${answerPresets.join(', ')}, got "${value}"`,
    );
  }
  return preset;
}
