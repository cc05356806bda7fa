import {ZodError} from 'zod';
import {parseStreamSpec, type StreamSpec, type StreamSpecInput} from '../core/stream-spec.js';
import {UsageError} from './usage-error.js';

/** Validates command-line specs; a problem becomes one usage line naming the stream and field. */
export function validateSpecs(inputs: readonly StreamSpecInput[]): StreamSpec[] {
  return inputs.map((input) => {
    try {
      return parseStreamSpec(input);
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      const problems = error.issues.map(
        (issue) => `${issue.path.join('.') || 'spec'}: ${issue.message}`,
      );
      throw new UsageError(`stream "${input.name}": ${problems.join('; ')}`);
    }
  });
}
