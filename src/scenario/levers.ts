/**
 * The levers a scenario may set: the model's built-in ones (src/model/levers.ts) plus the levers of user
 * processes (declared with `defineLever`) that the code loading the scenario passes in. Validation,
 * strength, `--set` and compilation all look levers up here, so a user lever is checked, scaled and
 * compiled exactly like a built-in one. Pure and browser-safe.
 */
import { checkLeverDeclaration, LEVERS, PATHWAY_INDEX, type LeverSpec } from '../model/levers.js';

/** The levers known while loading one scenario: every lever in order (built-in first), by name, the user's. */
export interface LeverCatalog {
  /** Built-in levers, then the user levers, in declaration order. */
  readonly all: readonly LeverSpec[];
  /** Every lever by name. */
  readonly index: ReadonlyMap<string, LeverSpec>;
  /** The user levers alone (what a resolved scenario carries in `levers`). */
  readonly user: readonly LeverSpec[];
  /** Pathway names the levers belong to (the paper's four, then any user pathways). */
  readonly pathways: readonly string[];
}

const BUILTIN: LeverCatalog = Object.freeze({
  all: LEVERS,
  index: new Map<string, LeverSpec>(LEVERS.map((l) => [l.name, l])),
  user: [],
  pathways: [...PATHWAY_INDEX.keys()],
});

/**
 * The catalogue of the built-in levers plus `user` levers. Throws a TypeError if a user lever is
 * incomplete, reuses a built-in name, or appears twice.
 */
export function leverCatalog(user: readonly LeverSpec[] = []): LeverCatalog {
  if (user.length === 0) return BUILTIN;
  const problems = user.flatMap((l) => checkLeverDeclaration(l));
  const seen = new Set<string>();
  for (const l of user) {
    if (seen.has(l.name)) problems.push(`lever ${JSON.stringify(l.name)}: declared twice`);
    seen.add(l.name);
  }
  if (problems.length) throw new TypeError(problems.join('\n'));
  const all = [...LEVERS, ...user];
  return {
    all,
    index: new Map(all.map((l) => [l.name, l])),
    user: [...user],
    pathways: [...new Set([...BUILTIN.pathways, ...user.map((l) => l.pathway)])],
  };
}
