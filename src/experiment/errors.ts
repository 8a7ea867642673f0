/** Errors of the experiment layer that are the user's input, not a failure while running. */

/** Bad experiment input (inconsistent shards, a resume against changed scenarios, a bad shard spec...). */
export class ExperimentInputError extends Error {
  override readonly name = 'ExperimentInputError';
  /** Every problem found, one message each. */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : [...problems];
    super(list.join('\n'));
    this.problems = list;
  }
}
