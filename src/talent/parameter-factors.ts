/** The talent model's declared parameters (and levers) as design factors (name and plausible range), with name checks. */
import { LEVER_INDEX } from '../model/levers.js';
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

/**
 * Factors for designs over parameters and levers: each name a parameter (`x` or `parameters.x`) or a
 * built-in lever (`care_relief` or `policies.care_relief`), spanning its declared [min, max] and named as
 * given (so a design point sets it through `scenarioAtPoint`). Default: every parameter with a range, as
 * {@link parameterFactors}. Throws {@link ExperimentInputError} listing unknown or fixed names.
 */
export function talentFactors(names?: readonly string[]): Factor[] {
  if (!names) return parameterFactors();
  const problems: string[] = [];
  const out: Factor[] = [];
  const params = new Set(PARAMETERS.map((p) => p.name as string));
  const seen = new Set<string>();
  for (const given of names) {
    const bare = given.replace(/^(parameters|policies)\./, '');
    const lever = !given.startsWith('parameters.') ? LEVER_INDEX.get(bare) : undefined;
    if (seen.has(given)) { problems.push(`factor "${given}" is given twice`); continue; }
    seen.add(given);
    if (lever && !params.has(bare)) out.push({ name: given, min: lever.min, max: lever.max });
    else if (given.startsWith('policies.')) {
      const s = closestName(bare, [...LEVER_INDEX.keys()]);
      problems.push(`unknown lever "${bare}"${s ? `; did you mean "${s}"?` : ''}`);
    } else {
      try {
        out.push({ ...parameterFactors([bare])[0], name: given });
      } catch (e) {
        if (!(e instanceof ExperimentInputError)) throw e;
        const lever = closestName(bare, [...LEVER_INDEX.keys()]);
        problems.push(...e.problems.map((p) => (lever && !/did you mean/.test(p) ? `${p}; or the lever "${lever}"?` : p)));
      }
    }
  }
  if (names.length === 0) problems.push('no factors to vary');
  if (problems.length) throw new ExperimentInputError(problems);
  return out;
}
