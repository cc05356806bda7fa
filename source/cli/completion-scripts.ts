import {
  completionCommands,
  completionFlags,
  PROFILES_SUBCOMMANDS,
  SHELLS,
  type CompletionFlag,
} from './completion-model.js';

const words = (list: readonly string[]) => list.join(' ');
const flagWords = (flags: readonly CompletionFlag[]) =>
  words(flags.flatMap((flag) => [`--${flag.long}`, ...(flag.short ? [`-${flag.short}`] : [])]));
const names = (flag: CompletionFlag) =>
  [`--${flag.long}`, ...(flag.short ? [`-${flag.short}`] : [])].join('|');

export function bashScript(): string {
  const flags = completionFlags();
  const cases = flags
    .filter((flag) => flag.takesValue)
    .map((flag) => {
      const {values} = flag;
      let body: string;
      if (values === 'profiles') {
        body = `COMPREPLY=($(compgen -W "$("$cmd" __complete profiles 2>/dev/null)" -- "$cur") $(compgen -f -- "$cur"))`;
      } else if (values === 'streams') {
        body = `COMPREPLY=($(compgen -W "$("$cmd" __complete streams "\${refs[@]}" 2>/dev/null)" -- "$cur"))`;
      } else if (values === 'files') {
        body = 'COMPREPLY=($(compgen -f -- "${cur#@}"))';
      } else if (values !== undefined) {
        body = `COMPREPLY=($(compgen -W "${words(values)}" -- "$cur"))`;
      } else {
        body = 'COMPREPLY=()';
      }
      return `    ${names(flag)}) ${body}; return 0 ;;`;
    })
    .join('\n');
  return `# ssedeck completion for bash: source <(ssedeck completion bash)
_ssedeck() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  local prev=""
  ((COMP_CWORD > 0)) && prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmd="\${COMP_WORDS[0]}"
  local -a refs=()
  local i command=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -p|--profile) refs+=("\${COMP_WORDS[i+1]}") ;;
      --profile=*) refs+=("\${COMP_WORDS[i]#--profile=}") ;;
    esac
  done
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      -*) ;;
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
  const cases = flags
    .filter((flag) => flag.takesValue)
    .map((flag) => {
      const {values} = flag;
      let body: string;
      if (values === 'profiles') {
        body = `compadd -- \${(f)"$($cmd __complete profiles 2>/dev/null)"}; _files`;
      } else if (values === 'streams') {
        body = `compadd -- \${(f)"$($cmd __complete streams $refs 2>/dev/null)"}`;
      } else if (values === 'files') {
        body = '_files';
      } else if (values !== undefined) {
        body = `compadd -- ${words(values)}`;
      } else {
        body = ':';
      }
      return `    ${names(flag)}) ${body}; return ;;`;
    })
    .join('\n');
  return `#compdef ssedeck
# ssedeck completion for zsh: source <(ssedeck completion zsh)
_ssedeck() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]} cmd=\${words[1]}
  local -a refs
  local i
  for ((i = 2; i < CURRENT; i++)); do
    [[ \${words[i]} == (-p|--profile) ]] && refs+=(\${words[i+1]})
  done
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
        end
    end
    __ssedeck_call __complete streams $refs
end
complete -c ssedeck -f
complete -c ssedeck -n __fish_use_subcommand -a '${words(completionCommands)}'
complete -c ssedeck -n '__fish_seen_subcommand_from profiles' -a '${words(PROFILES_SUBCOMMANDS)}'
complete -c ssedeck -n '__fish_seen_subcommand_from completion' -a '${words(SHELLS)}'
complete -c ssedeck -n '__fish_seen_subcommand_from help' -a '${words(completionCommands)}'
${lines.join('\n')}
`;
}
