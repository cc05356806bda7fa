import {resolve} from 'node:path';
import type {Redactor} from '../core/redact.js';
import {openRecorder, type Recorder} from '../headless/recorder.js';
import type {StreamSetup} from './stream-setups.js';
import {UsageError} from './usage-error.js';

/** `--record FILE`: a recorder of these streams, or undefined without the flag. */
export function openRecording(
  file: string | undefined,
  setups: readonly StreamSetup[],
  redact: Redactor,
  cwd: string,
  warn: (line: string) => void,
): Recorder | undefined {
  if (file === undefined) return undefined;
  if (file === '') throw new UsageError('--record: expected a file name');
  const streams = setups.map(({spec, answer, view}) => ({
    name: spec.name,
    method: spec.method,
    url: spec.url,
    preset: answer,
    view,
  }));
  try {
    return openRecorder(resolve(cwd, file), streams, redact, (error) =>
      warn(`--record: cannot write ${file} (${error.code ?? 'error'}); recording stopped`),
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`--record: cannot write ${file} (${code})`);
  }
}
