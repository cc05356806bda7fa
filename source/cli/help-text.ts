/** The help of ssedeck and of each subcommand (`ssedeck help CMD`, `ssedeck CMD --help`). */

export const mainHelp = `
  Usage
    $ ssedeck [options] [URL...]          watch streams (dashboard on a terminal, NDJSON otherwise)
    $ ssedeck                             the built-in demo: a local SSE server and its streams
    $ ssedeck serve [--port N] [--host H] run only the demo server (--recording FILE: serve a recording)
    $ ssedeck replay FILE... [--speed X]  replay recordings (--record FILE makes them)
    $ ssedeck diff A B                    compare two recordings (answers, timings, Dify nodes)
    $ ssedeck profiles [init|validate]    list, create or check profiles
    $ ssedeck import-curl '<curl ...>'    turn a "Copy as cURL" command into a profile
    $ ssedeck completion bash|zsh|fish    print a shell completion script
    $ ssedeck help [COMMAND]              this help, or a command's

  A URL without a scheme is http:// (localhost:8787/ticker, example.com/sse);
  :8787/ticker means http://localhost:8787/ticker.

  Streams
    -p, --profile PATH|NAME    load a profile (repeatable); NAME is looked up in ./profiles,
                               then in ~/.config/ssedeck/profiles
    --stream NAME              only these streams of the loaded profiles (repeatable)
    --name NAME                name the URL streams, in order (repeatable)

  Request (for the URLs on the command line; without URLs, merged into the -p streams)
    -X, --method METHOD        HTTP method (default GET, or POST with --data)
    -H, --header "K: V"        request header (repeatable; replaces a profile's of that name)
    -d, --data TEXT|@FILE      request body (replaces a profile's); JSON is sent as
                               application/json
    --query k=v                query parameter (repeatable; replaces a profile's key); a value
                               that is not k=v is the Dify query instead (see --ask)
    --bearer TOKEN             Authorization: Bearer TOKEN (replaces a profile's auth)
    --api-key TOKEN            TOKEN in --auth-header (default Authorization)
    --auth-header NAME         header for --api-key
    -A, --user-agent UA        User-Agent header (default ssedeck/VERSION)

  Connection (apply to every stream)
    --timeout S                seconds to wait for response headers (default 30)
    --idle-timeout S           seconds without data before reconnecting (default 45; 0 = off)
    --max-events N             stop cleanly after N events
    --max-duration S           stop cleanly after S seconds
    --retries N                consecutive failed attempts allowed (default: unlimited for
                               always, 3 for on-error)
    --reconnect POLICY         always | on-error | never (default: always for GET, on-error
                               otherwise; a POST is never re-sent once its response started)
    -k, --insecure             accept any TLS certificate (a warning says so)
    --cacert FILE              trust the CA certificates in FILE (PEM)

  Answers (Dify, OpenAI, Anthropic)
    --answer                   headless: print only the answer text as it arrives; several
                               streams each after a "==> NAME <==" line; at the end
                               "ssedeck: NAME: conversation_id=ID" on stderr (not with -s)
    --answer-preset P          dify | openai | anthropic | none (default: from the URL path)
    --ask TEXT                 the query of Dify streams (same as --query "TEXT"); on a Dify
                               URL without -d it sends a POST with Dify's JSON body
    --conversation ID          continue a Dify conversation
    --user NAME                Dify end user (default ssedeck)

  Output
    --json                     headless: one JSON record per line on stdout
    --record FILE              also write a recording of the streams to FILE (NDJSON with
                               timing; play it back with ssedeck replay FILE)
    -i, --include              each response's status line and headers: on stderr headless,
                               in the zoomed pane from the start in the dashboard (d hides)
    -v, --verbose              --include, plus diagnostics findings on stderr (headless);
                               with --answer also the Dify run timeline (as --run)
    --run                      headless: each Dify stream's node timeline on stderr as it
                               happens (starts, finishes, retries, iteration steps), then
                               the run's checks
    --ping-wait S              Dify: warn which node a stream that only pings waits on
                               after S seconds (1 to 3600, default 30): pane, --run
    -s, --silent               no notes on stderr (errors still print)
    -N, --no-buffer            accepted for curl's sake: output is never held back
    --fps N                    dashboard redraws per second for stream data (default 20)
    --no-autostart             dashboard: every pane starts READY, showing the request it
                               would send; Enter or r sends it (profile: autostart: false)
    --no-osc52                 dashboard: Y and C do not copy to the clipboard (OSC 52)
    --watch                    dashboard: reload the profiles (as L does) when a profile
                               file or its .env changes
    --buffer-size N            events kept per pane (default 1000)
    -h, --help                 this help (after a command: that command's help)
    -V, --version              print the version

  Examples
    $ ssedeck https://example.com/events
    $ ssedeck --json --max-events 10 https://example.com/events | jq -c 'select(.type=="event") | .data'
    $ ssedeck -X POST --bearer "$DIFY_API_KEY" -d @query.json https://api.dify.ai/v1/chat-messages
    $ ssedeck -p demo --stream ticker --json --max-duration 5
    $ ssedeck -p demo --stream dify-chatflow --answer --query "什么是 SSE？"
    $ ssedeck --answer --bearer "$DIFY_API_KEY" --ask "hi" https://api.dify.ai/v1/chat-messages
    $ ssedeck -p my-app --stream chat --bearer "$OTHER_KEY" -H "X-Env: staging" --answer
`;

const serveHelp = `
  Usage
    $ ssedeck serve [--port N] [--host H]
    $ ssedeck serve --recording FILE [--port N] [--speed X|max] [--loop]

  Runs only the embedded demo server until Ctrl-C (exit 130) or SIGTERM (143).
  Prints its base URL on stdout and the scenarios on stderr. With
  --recording, serves each stream of a recording (--record FILE makes one)
  as a live SSE endpoint instead, one path per stream (listed on stderr),
  with its pacing and ids; Last-Event-ID resumes after that id.

  Options
    --port N                   port to listen on (default 0: any free port)
    --host H                   address to listen on (default 127.0.0.1)
    --recording FILE           serve the streams of this recording
    --speed X|max              its pacing factor, 0.01 to 1000 (default 1)
    --loop                     start over after the end, on the same connection

  Examples
    $ ssedeck serve --port 8787
    $ ssedeck serve --recording demo.ndjson --speed 2
    $ ssedeck --json --max-duration 5 localhost:8787/ticker
`;

const replayHelp = `
  Usage
    $ ssedeck replay FILE... [--speed X|max] [--loop] [--stream NAME] [--json|--answer]

  Plays recordings made with --record: every recorded stream, with its
  original pacing, into the dashboard (or --json / --answer), no network.
  \`--json --speed max\` writes the recorded records again (timestamps shifted).
  A FILE that is not a recording is a raw SSE capture (curl -sN URL > FILE):
  one stream named after the file, its events paced evenly.

  Options
    --speed X|max              pacing factor from 0.01 to 1000 (default 1); max: no waiting
    --loop                     start over after the end, until Ctrl-C
    --stream NAME              only this recorded stream (repeatable)
    --rate N                   events per second of a raw capture (default 10)
    --answer-preset P          the answer preset of a raw capture (default none)
    --json                     one JSON record per line on stdout
    --answer                   only the answer text of LLM streams
    --run                      the Dify run timeline of Dify streams on stderr
    --ping-wait S              Dify: the ping-only wait that gets a warning (default 30)

  Examples
    $ ssedeck -p demo --json --max-duration 10 --record demo.ndjson > /dev/null
    $ ssedeck replay demo.ndjson --speed 4
    $ ssedeck replay demo.ndjson --json --speed max --stream dify-chatflow
`;

const diffHelp = `
  Usage
    $ ssedeck diff A B

  Compares two recordings of the same streams (--record FILE makes them): per
  stream, the answer texts (a word diff: [-removed-] {+added+}), event counts
  by type, TTFT, total time, tokens, and for Dify the node sequence with each
  node's status and elapsed time. Exit 0 when every answer is equal, 1 when
  one differs, 2 for a bad or missing file.

  Examples
    $ ssedeck -p my-app --stream chat --json --record before.ndjson > /dev/null
    $ ssedeck -p my-app --stream chat --json --record after.ndjson > /dev/null
    $ ssedeck diff before.ndjson after.ndjson
`;

const profilesHelp = `
  Usage
    $ ssedeck profiles                        list the profiles found, with their streams
    $ ssedeck profiles init [NAME]            copy an example profile into the config directory
    $ ssedeck profiles validate [PATH|NAME...] [--strict]
                                              check profiles (all found when none is given)

  Profiles are looked up in ./profiles, then in the config directory
  (~/.config/ssedeck/profiles), then among the examples shipped with ssedeck.

  Options
    --strict                   validate: an unset \${VAR} is an error (exit 2), not a warning

  Examples
    $ ssedeck profiles
    $ ssedeck profiles init dify-chatflow
    $ ssedeck profiles validate --strict profiles/*.yaml
    $ ssedeck -p dify-chatflow --answer --ask "hello"
`;

const importCurlHelp = `
  Usage
    $ ssedeck import-curl '<curl command>' [--name NAME] [--out FILE]

  Turns a "Copy as cURL" command (browser devtools, Dify's API page) into a
  profile. Tokens become \${ENV_VAR} references; the export lines to set them
  are printed on stderr, never the values.

  Options
    --name NAME                the stream's name (default: from the URL path)
    --out FILE                 write the profile to FILE (never overwrites); default stdout

  Examples
    $ ssedeck import-curl 'curl -N https://api.dify.ai/v1/chat-messages -H "Authorization: Bearer app-..." -d "{...}"' > profiles/app.yaml
    $ ssedeck import-curl "$(pbpaste)" --out profiles/app.yaml
`;

const completionHelp = `
  Usage
    $ ssedeck completion bash|zsh|fish

  Prints a completion script for the shell: flags (with their fixed values),
  commands, profile names and the streams of the -p profiles on the line.

  Install
    bash  echo 'source <(ssedeck completion bash)' >> ~/.bashrc
    zsh   echo 'source <(ssedeck completion zsh)' >> ~/.zshrc
    fish  ssedeck completion fish > ~/.config/fish/completions/ssedeck.fish
`;

const helpHelp = `
  Usage
    $ ssedeck help [COMMAND]

  Prints the help of ssedeck, or of COMMAND (serve, replay, diff, profiles, import-curl, completion).
`;

export const commandHelp: Readonly<Record<string, string>> = {
  serve: serveHelp,
  replay: replayHelp,
  diff: diffHelp,
  profiles: profilesHelp,
  'import-curl': importCurlHelp,
  completion: completionHelp,
  help: helpHelp,
};

export const commandNames = Object.keys(commandHelp);
