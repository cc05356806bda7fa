import {answerPresets} from '../core/answer/index.js';
import {reconnectPolicies} from '../core/stream-spec.js';
import {flagDefinitions, kebab} from './flags.js';
import {commandNames} from './help-text.js';

/** What the completion scripts know statically; dynamic parts call `ssedeck __complete`. */
export type CompletionFlag = {
  readonly long: string;
  readonly short?: string;
  readonly takesValue: boolean;
  /**
   * Fixed values, or where values come from; `at-files` is text or `@FILE`
   * (`--data`): a file name is completed after an `@`.
   */
  readonly values?: readonly string[] | 'files' | 'at-files' | 'profiles' | 'streams';
};

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export const PROFILES_SUBCOMMANDS = ['init', 'validate'] as const;

const valueSources: Record<string, CompletionFlag['values']> = {
  reconnect: reconnectPolicies,
  answerPreset: answerPresets,
  profile: 'profiles',
  stream: 'streams',
  data: 'at-files',
  cacert: 'files',
  out: 'files',
  record: 'files',
  recording: 'files',
};

/** Flags that are on by default: people type their `--no-` form. */
const negated = new Set(['buffer', 'autostart', 'osc52']);

export function completionFlags(): CompletionFlag[] {
  const flags = Object.entries(flagDefinitions).map(([name, definition]): CompletionFlag => {
    const long = negated.has(name) ? `no-${kebab(name)}` : kebab(name);
    const values = valueSources[name];
    return {
      long,
      ...('shortFlag' in definition ? {short: definition.shortFlag} : {}),
      takesValue: definition.type === 'string',
      ...(values === undefined ? {} : {values}),
    };
  });
  // profiles validate --strict (a switch of that subcommand).
  if (!flags.some((flag) => flag.long === 'strict'))
    flags.push({long: 'strict', takesValue: false});
  return flags;
}

export const completionCommands = commandNames;
