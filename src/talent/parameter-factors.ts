/** The talent model's declared parameters as design factors (name and plausible range), with name checks. */
import { PARAMETERS, type ParamSpec } from '../model/parameters.js';
import { closestName } from '../scenario/suggest.js';
import { ExperimentInputError } from '../experiment/errors.js';
import type { Factor } from '../experiment/sensitivity/factor.js';

/** Names of every declared parameter whose range is not a single value, in declaration order. */
export function variableParameterNames(): string[] {
  return PARAMETERS.filter((p) => p.max > p.min).map((p) => p.name);
}

/**
 * Factors for the named parameters (default: every declared parameter with a range), in the order given,
 * each spanning its declared [min, max]. Throws {@link ExperimentInputError} listing unknown, duplicate or
 * fixed names (with a did-you-mean).
 */
export function parameterFactors(names?: readonly string[]): Factor[] {
  const list = names ?? variableParameterNames();
  const byName = new Map<string, ParamSpec>(PARAMETERS.map((p) => [p.name, p]));
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: Factor[] = [];
  for (const name of list) {
    const p = byName.get(name);
    if (!p) {
      const s = closestName(name, [...byName.keys()]);
      problems.push(`unknown parameter "${name}"${s ? `; did you mean "${s}"?` : ''}`);
      continue;
    }
    if (seen.has(name)) { problems.push(`parameter "${name}" is given twice`); continue; }
    seen.add(name);
    if (!(p.max > p.min)) { problems.push(`parameter "${name}" has no range to vary (${p.min})`); continue; }
    out.push({ name, min: p.min, max: p.max, ...(p.integer ? { integer: true } : {}) });
  }
  if (list.length === 0) problems.push('no parameters to vary');
  if (problems.length) throw new ExperimentInputError(problems);
  return out;
}
