/** Exit codes of the CLI and the mapping of errors onto them. */
import { ScenarioLoadError, formatScenarioError } from '../scenario/errors.js';
import { EnvironmentError, ExperimentInputError, fsCause, isFsError } from '../experiment/errors.js';

/** 0 success, 1 a failure while running (or of the machine: disk full, read-only…), 2 bad input or usage. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** A usage problem found by a command (bad option value). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The message lines and exit code for an error; never a stack trace. A file-system error that escaped
 * without being named (it has an errno code) is put in words with its file, like an {@link EnvironmentError}.
 */
export function describeError(e: unknown): { lines: string[]; code: number } {
  if (e instanceof ScenarioLoadError) return { lines: e.issues.map(formatScenarioError), code: EXIT.badInput };
  if (e instanceof ExperimentInputError) return { lines: [...e.problems], code: EXIT.badInput };
  if (e instanceof UsageError) return { lines: [e.message], code: EXIT.badInput };
  if (e instanceof EnvironmentError) return { lines: [`error: ${e.message}`], code: EXIT.failure };
  if (isFsError(e)) {
    const path = (e as NodeJS.ErrnoException).path;
    return { lines: [`error: ${path ? `${path}: ` : ''}${fsCause(e)}`], code: EXIT.failure };
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { lines: ['error: input too deeply nested or too large to process (maximum call stack size exceeded)'], code: EXIT.failure };
  }
  if (e instanceof Error) return { lines: [`error: ${e.message || e.name}`], code: EXIT.failure };
  return { lines: [`error: ${String(e)}`], code: EXIT.failure };
}
