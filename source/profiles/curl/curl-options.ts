/** What a curl command asks for, collected option by option. */
export type CurlRequest = {
  url?: string;
  method?: string;
  headers: Array<[name: string, value: string]>;
  /** Request body parts; curl joins several with "&". */
  data: string[];
  /** --json was used: JSON body, JSON content type. */
  json: boolean;
  /** -G/--get: the data goes into the query string. */
  get: boolean;
  /** -u/--user "name:password". */
  user?: string;
  /** --oauth2-bearer token. */
  bearer?: string;
  maxTime?: number;
  connectTimeout?: number;
  retries?: number;
  /** -k/--insecure: accept any TLS certificate. */
  insecure?: boolean;
  /** --cacert FILE: extra CA certificates to trust. */
  caFile?: string;
  /** Things that cannot be converted, one message each. */
  problems: string[];
};

type ValueHandler = (request: CurlRequest, value: string, option: string) => void;

type OptionSpec = {
  readonly long: readonly string[];
  readonly short?: string;
  /** Options that take a value have a handler; flags without one are accepted and ignored. */
  readonly takesValue: boolean;
  readonly apply?: ValueHandler;
  readonly flag?: (request: CurlRequest) => void;
};

function encodeDataUrlencode(value: string): string {
  // curl's forms: "content", "=content", "name=content"; "@file" and "name@file" read files.
  const equals = value.indexOf('=');
  if (equals === -1) return encodeURIComponent(value);
  const name = value.slice(0, equals);
  return `${name === '' ? '' : `${name}=`}${encodeURIComponent(value.slice(equals + 1))}`;
}

function readsFile(value: string, option: string): boolean {
  // --data-urlencode: whichever of "=" and "@" comes first decides, as in curl.
  if (option === '--data-urlencode') return /[@=]/.exec(value)?.[0] === '@';
  return value.startsWith('@');
}

const addData =
  (encode: (value: string) => string, literal = false): ValueHandler =>
  (request, value, option) => {
    if (!literal && readsFile(value, option)) {
      request.problems.push(`${option} ${value}: reads a file; paste the content instead`);
      return;
    }
    request.data.push(encode(value));
  };

const addHeader =
  (name: string): ValueHandler =>
  (request, value) => {
    request.headers.push([name, value]);
  };

/** `-H "Name: value"`; `"Name;"` sends an empty header; `"Name:"` (curl: drop a default) is skipped. */
const addHeaderLine: ValueHandler = (request, value, option) => {
  if (value.startsWith('@')) {
    request.problems.push(`${option} ${value}: reads a file`);
    return;
  }
  const colon = value.indexOf(':');
  const semicolon = value.indexOf(';');
  if (colon > 0) {
    const headerValue = value.slice(colon + 1).trim();
    if (headerValue !== '') request.headers.push([value.slice(0, colon).trim(), headerValue]);
  } else if (semicolon > 0 && value.slice(semicolon + 1).trim() === '') {
    request.headers.push([value.slice(0, semicolon).trim(), '']);
  } else {
    request.problems.push(`${option}: expected "Name: value"`);
  }
};

function parseNumber(target: 'maxTime' | 'connectTimeout' | 'retries'): ValueHandler {
  return (request, value, option) => {
    const number = Number(value);
    if (Number.isFinite(number) && number >= 0) request[target] = number;
    else request.problems.push(`${option}: expected a number of seconds`);
  };
}

/** An option accepted and ignored; `spec` is "--long" or "--long:s" (with its short letter). */
function ignored(spec: string, takesValue: boolean): OptionSpec {
  const [long = spec, short] = spec.split(':');
  return {
    long: [long],
    takesValue,
    ...(takesValue ? {apply: () => {}} : {}),
    ...(short === undefined ? {} : {short}),
  };
}

const options: readonly OptionSpec[] = [
  {long: ['--request'], short: 'X', takesValue: true, apply: (r, v) => void (r.method = v)},
  {long: ['--header'], short: 'H', takesValue: true, apply: addHeaderLine},
  {
    long: ['--data', '--data-ascii', '--data-binary'],
    short: 'd',
    takesValue: true,
    apply: addData((v) => v),
  },
  {long: ['--data-raw'], takesValue: true, apply: addData((v) => v, true)},
  {long: ['--data-urlencode'], takesValue: true, apply: addData(encodeDataUrlencode)},
  {
    long: ['--json'],
    takesValue: true,
    apply: (request, value, option) => {
      request.json = true;
      addData((v) => v)(request, value, option);
    },
  },
  {long: ['--url'], takesValue: true, apply: (r, v) => void (r.url = v)},
  {long: ['--get'], short: 'G', takesValue: false, flag: (r) => void (r.get = true)},
  {long: ['--user'], short: 'u', takesValue: true, apply: (r, v) => void (r.user = v)},
  {long: ['--oauth2-bearer'], takesValue: true, apply: (r, v) => void (r.bearer = v)},
  {long: ['--user-agent'], short: 'A', takesValue: true, apply: addHeader('User-Agent')},
  {long: ['--referer'], short: 'e', takesValue: true, apply: addHeader('Referer')},
  {
    long: ['--cookie'],
    short: 'b',
    takesValue: true,
    apply: (request, value, option) => {
      if (value.includes('=')) request.headers.push(['Cookie', value]);
      else request.problems.push(`${option}: reads a cookie file; pass "name=value" instead`);
    },
  },
  {long: ['--max-time'], short: 'm', takesValue: true, apply: parseNumber('maxTime')},
  {long: ['--connect-timeout'], takesValue: true, apply: parseNumber('connectTimeout')},
  {long: ['--retry'], takesValue: true, apply: parseNumber('retries')},
  {long: ['--insecure'], short: 'k', takesValue: false, flag: (r) => void (r.insecure = true)},
  {long: ['--cacert'], takesValue: true, apply: (r, v) => void (r.caFile = v)},
  // Accepted and ignored: output and transfer details that do not change the request.
  ...[
    '--output:o',
    '--write-out:w',
    '--retry-delay',
    '--retry-max-time',
    '--limit-rate',
    '--stderr',
    '--trace',
    '--trace-ascii',
  ].map((spec) => ignored(spec, true)),
  ...[
    '--compressed',
    '--silent:s',
    '--show-error:S',
    '--no-buffer:N',
    '--verbose:v',
    '--include:i',
    '--location:L',
    '--fail:f',
    '--fail-with-body',
    '--globoff:g',
    '--progress-bar:#',
    '--no-progress-meter',
    '--http1.1',
    '--http2',
    '--http2-prior-knowledge',
    '--tr-encoding',
    '--raw',
    '--retry-connrefused',
    '--retry-all-errors',
  ].map((spec) => ignored(spec, false)),
];

export const longOptions = new Map(
  options.flatMap((spec) => spec.long.map((name) => [name, spec])),
);
export const shortOptions = new Map(
  options.flatMap((spec) => (spec.short === undefined ? [] : [[spec.short, spec] as const])),
);
export type {OptionSpec};
