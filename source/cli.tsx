#!/usr/bin/env node
import process from 'node:process';
import {main} from './cli/main.js';

// React's development build is several times slower; the dashboard is loaded lazily after this.
process.env.NODE_ENV ??= 'production';

// Signals are handled by the running mode (streams stop and print summaries).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);

main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signals: process,
}).then(
  (code) => {
    process.exitCode = code;
    // Lingering sockets or timers must not keep a finished run alive.
    setTimeout(() => process.exit(code), 200).unref();
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ssedeck: internal error: ${message}\n`);
    process.exit(70);
  },
);
