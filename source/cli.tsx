#!/usr/bin/env node
import process from 'node:process';
import {main} from './cli/main.js';
import {installSignalGuard} from './cli/signal-guard.js';
import {sanitize} from './core/sanitize.js';

// React's development build is several times slower; the dashboard is loaded lazily after this.
process.env.NODE_ENV ??= 'production';

// The running mode stops its streams on SIGINT/SIGTERM; the guard makes sure the process ends.
const guard = installSignalGuard(process, (code) => process.exit(code));

main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signals: process,
  setTitle: (title) => {
    process.title = title;
  },
}).then(
  (result) => {
    const code = guard.signalCode ?? result;
    process.exitCode = code;
    // Lingering sockets or timers must not keep a finished run alive.
    setTimeout(() => process.exit(code), 200).unref();
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`ssedeck: internal error: ${sanitize(message)}\n`);
    process.exit(70);
  },
);
