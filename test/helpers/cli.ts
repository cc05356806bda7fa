import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export type CliResult = {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
};

/** Starts the built CLI without a terminal; stdin is closed unless `keepStdin`. */
export function startCli(
  args: readonly string[],
  options: {env?: Record<string, string>; cwd?: string} = {},
): {child: ChildProcess; result: Promise<CliResult>} {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd,
    env: {...process.env, NO_COLOR: '1', ...options.env},
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.end();
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const result = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({code, signal, stdout, stderr});
    });
  });
  return {child, result};
}

export function runCli(
  args: readonly string[],
  options: {env?: Record<string, string>; cwd?: string} = {},
) {
  return startCli(args, options).result;
}

export function ndjson(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Resolves once the child's stdout contains `text`. */
export function waitForOutput(child: ChildProcess, text: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () => reject(new Error(`"${text}" not seen within ${ms} ms: ${seen.slice(-300)}`)),
      ms,
    );
    child.stdout?.on('data', (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}
