import {
  completionCommands,
  completionFlags,
  PROFILES_SUBCOMMANDS,
  SHELLS,
  type CompletionFlag,
} from './completion-model.js';

const words = (list: readonly string[]) => list.join(' ');
/** "--profile", "-p": how a flag can be typed. */
const spellings = (flag: CompletionFlag) => [
  `--${flag.long}`,
  ...(flag.short ? [`-${flag.short}`] : []),
];
const flagWords = (flags: readonly CompletionFlag[]) => words(flags.flatMap(spellings));
/** A `case` pattern matching every spelling: "--profile|-p". */
const names = (flag: CompletionFlag) => spellings(flag).join('|');

/** How one shell completes each kind of flag value (bash and zsh share the `case` around them). */
type ValueCompleters = {
  readonly profiles: string;
  readonly streams: string;
  readonly files: string;
  readonly atFiles: string;
  readonly fixed: (values: readonly string[]) => string;
  /** A value ssedeck cannot guess (a header, a number). */
  readonly free: string;
  /** What ends an arm after its completion ("return 0" in bash). */
  readonly end: string;
};

function valueCompletion(values: CompletionFlag['values'], completers: ValueCompleters): string {
  if (values === 'profiles') return completers.profiles;
  if (values === 'streams') return completers.streams;
  if (values === 'files') return completers.files;
  if (values === 'at-files') return completers.atFiles;
  return values === undefined ? completers.free : completers.fixed(values);
}

/** The arms of `case "$prev" in`: one per flag that takes a value (bash and zsh). */
function valueCases(flags: readonly CompletionFlag[], completers: ValueCompleters): string {
  return flags
    .filter((flag) => flag.takesValue)
    .map(
      (flag) =>
        `    ${names(flag)}) ${valueCompletion(flag.values, completers)}; ${completers.end} ;;`,
    )
    .join('\n');
}

export function bashScript(): string {
  const flags = completionFlags();
  const cases = valueCases(flags, {
    profiles: `COMPREPLY=($(compgen -W "$("$cmd" __complete profiles 2>/dev/null)" -- "$cur") $(compgen -f -- "$cur"))`,
    streams: `COMPREPLY=($(compgen -W "$("$cmd" __complete streams "\${refs[@]}" 2>/dev/null)" -- "$cur"))`,
    files: 'COMPREPLY=($(compgen -f -- "$cur"))',
    atFiles:
      'if [[ "$cur" == @* ]]; then COMPREPLY=($(compgen -f -P @ -- "${cur#@}")); else COMPREPLY=($(compgen -f -- "$cur")); fi',
    fixed: (values) => `COMPREPLY=($(compgen -W "${words(values)}" -- "$cur"))`,
    free: 'COMPREPLY=()',
    end: 'return 0',
  });
  return `# ssedeck completion for bash: source <(ssedeck completion bash)
_ssedeck() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local prev=""
  ((COMP_CWORD > 0)) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # bash splits --flag=value into --flag, =, value (COMP_WORDBREAKS): complete the value.
  if [[ "$cur" == "=" ]]; then
    cur=""
  elif [[ "$prev" == "=" ]] && ((COMP_CWORD > 1)); then
    prev="\${COMP_WORDS[COMP_CWORD-2]}"
  fi
  local cmd="\${COMP_WORDS[0]}"
  local -a refs=()
  local i command=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -p|--profile)
        if [[ "\${COMP_WORDS[i+1]}" == "=" ]]; then refs+=("\${COMP_WORDS[i+2]}"); else refs+=("\${COMP_WORDS[i+1]}"); fi ;;
      --profile=*) refs+=("\${COMP_WORDS[i]#--profile=}") ;;
    esac
  done
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
      =) ((++i)) ;;
      *) case "\${COMP_WORDS[i-1]}" in
           ${flags
             .filter((flag) => flag.takesValue)
             .map(names)
             .join('|')}) ;;
           *) command="\${COMP_WORDS[i]}"; break ;;
         esac ;;
    esac
  done
  case "$prev" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "${flagWords(flags)}" -- "$cur"))
    return 0
  fi
  case "$command" in
    "") COMPREPLY=($(compgen -W "${words(completionCommands)}" -- "$cur")) ;;
    profiles) [[ "$prev" == profiles ]] && COMPREPLY=($(compgen -W "${words(PROFILES_SUBCOMMANDS)}" -- "$cur")) ;;
    help) [[ "$prev" == help ]] && COMPREPLY=($(compgen -W "${words(completionCommands)}" -- "$cur")) ;;
    completion) [[ "$prev" == completion ]] && COMPREPLY=($(compgen -W "${words(SHELLS)}" -- "$cur")) ;;
    *) COMPREPLY=() ;;
  esac
  return 0
}
complete -o default -F _ssedeck ssedeck
`;
}

export function zshScript(): string {
  const flags = completionFlags();
  const cases = valueCases(flags, {
    profiles: `compadd -- \${(f)"$($cmd __complete profiles 2>/dev/null)"}; _files`,
    streams: `compadd -- \${(f)"$($cmd __complete streams $refs 2>/dev/null)"}`,
    files: '_files',
    atFiles: 'compset -P @; _files',
    fixed: (values) => `compadd -- ${words(values)}`,
    free: ':',
    end: 'return',
  });
  return `#compdef ssedeck
# ssedeck completion for zsh: source <(ssedeck completion zsh)
_ssedeck() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} cmd=\${words[1]}
  local -a refs
  local i
  for ((i = 2; i < CURRENT; i++)); do
    case \${words[i]} in
      -p|--profile) refs+=(\${words[i+1]}) ;;
      --profile=*) refs+=(\${words[i]#--profile=}) ;;
    esac
  done
  if [[ $cur == --*=* ]]; then
    prev=\${cur%%=*}
    compset -P '*='
    cur=\${cur#*=}
  fi
  case $prev in
${cases}
  esac
  if [[ $cur == -* ]]; then
    compadd -- ${flagWords(flags)}
    return
  fi
  case $prev in
    profiles) compadd -- ${words(PROFILES_SUBCOMMANDS)} ;;
    help) compadd -- ${words(completionCommands)} ;;
    completion) compadd -- ${words(SHELLS)} ;;
    *) ((CURRENT == 2)) && compadd -- ${words(completionCommands)} ;;
  esac
}
if (( $+functions[compdef] )); then
  compdef _ssedeck ssedeck
else
  autoload -Uz compinit && compinit && compdef _ssedeck ssedeck
fi
`;
}

export function fishScript(): string {
  const flags = completionFlags();
  const lines = flags.map((flag) => {
    const parts = ['complete -c ssedeck', `-l ${flag.long}`];
    if (flag.short) parts.push(`-s ${flag.short}`);
    const {values} = flag;
    if (values === 'profiles') parts.push(`-r -a '(__ssedeck_call __complete profiles)'`);
    else if (values === 'streams') parts.push(`-x -a '(__ssedeck_streams)'`);
    else if (values === 'files') parts.push('-r -F');
    else if (values === 'at-files') parts.push(`-r -F -a '(__ssedeck_at_files)'`);
    else if (values !== undefined) parts.push(`-x -a '${words(values)}'`);
    else if (flag.takesValue) parts.push('-x');
    return parts.join(' ');
  });
  return `# ssedeck completion for fish: ssedeck completion fish > ~/.config/fish/completions/ssedeck.fish
function __ssedeck_call
    set -l cmd (commandline -opc)[1]
    $cmd $argv 2>/dev/null
end
function __ssedeck_streams
    set -l tokens (commandline -opc)
    set -l refs
    for i in (seq (count $tokens))
        if contains -- $tokens[$i] -p --profile
            set -l next (math $i + 1)
            test $next -le (count $tokens); and set -a refs $tokens[$next]
        else if string match -q -- '--profile=*' $tokens[$i]
            set -a refs (string replace -- --profile= '' $tokens[$i])
        end
    end
    __ssedeck_call __complete streams $refs
end
function __ssedeck_at_files
    set -l token (commandline -ct)
    string match -q -- '@*' $token; or return
    __fish_complete_path (string sub -s 2 -- $token) | string replace -r -- '^' @
end
complete -c ssedeck -f
complete -c ssedeck -n __fish_use_subcommand -a '${words(completionCommands)}'
complete -c ssedeck -n '__fish_seen_subcommand_from profiles' -a '${words(PROFILES_SUBCOMMANDS)}'
complete -c ssedeck -n '__fish_seen_subcommand_from completion' -a '${words(SHELLS)}'
complete -c ssedeck -n '__fish_seen_subcommand_from help' -a '${words(completionCommands)}'
${lines.join('\n')}
`;
}
