import {detectDifyEndpoint} from '../core/answer/answer-preset.js';
import {bodyAsJsonObject} from '../core/request.js';
import type {StreamSpec} from '../core/stream-spec.js';
import type {Flags} from './flags.js';
import {splitQueryFlags} from './parse-values.js';
import {UsageError} from './usage-error.js';

/**
 * The spec of a Dify stream to send as a Dify POST (its body then gets the
 * query, conversation and user from the flags), or undefined for a Dify GET
 * (the /workflow/{id}/events resume stream, or an explicit -X GET).
 *
 * A URL given on the command line with --ask, --query TEXT or --conversation
 * and neither -X nor -d becomes a POST: Dify answers a GET with 405. An
 * explicit -X GET, or a -d body that is not a JSON object, conflicts with
 * those flags: a usage error naming both, never a silent override.
 */
export function difyPostOf(
  spec: StreamSpec,
  flags: Flags,
  {fromUrl}: {readonly fromUrl: boolean},
): StreamSpec | undefined {
  const textFlag = difyTextFlag(flags);
  if (/^(GET|HEAD)$/.test(spec.method)) {
    if (!fromUrl || textFlag === undefined) return undefined;
    if (detectDifyEndpoint(spec.url) === 'workflow') return undefined;
    if (flags.method !== undefined) {
      throw new UsageError(
        `${textFlag} and -X ${spec.method}: a Dify query is sent with POST (drop -X ${spec.method})`,
      );
    }
    return {...spec, method: 'POST'};
  }
  if (textFlag !== undefined && spec.body !== undefined && !bodyAsJsonObject(spec.body)) {
    const source = flags.data.length > 0 ? '-d/--data' : `the body of stream "${spec.name}"`;
    throw new UsageError(
      `${textFlag} and ${source}: the body is not a JSON object, so it cannot carry the Dify query`,
    );
  }
  return spec;
}

/** The flag that asks a Dify question or names a conversation, as typed. */
function difyTextFlag(flags: Flags): string | undefined {
  if (flags.ask !== undefined) return '--ask';
  if (splitQueryFlags(flags.query).text !== undefined) return '--query';
  if (flags.conversation !== undefined) return '--conversation';
  return undefined;
}
