/** The declaration form of a model parameter: name, default, unit, plausible range, source and basis. */

/**
 * What a parameter's default rests on: `data` — a figure of the calibration data (or arithmetic on one, or
 * a rule of the procedure), not tuned; `study` — a quantitative estimate of a cited study; `assumption` —
 * chosen by the modellers (sized freely from a qualitative statement of the paper, or tuned to a pattern),
 * and so free to calibrate.
 */
export type ParamBasis = 'data' | 'study' | 'assumption';

/** One declared model parameter. */
export interface ParamSpec {
  /** snake_case name, used in scenario files (`parameters:`) and sensitivity analyses. */
  readonly name: string;
  /** Default value (the calibrated baseline). */
  readonly default: number;
  /** Unit, e.g. "1/year", "share", "yuan/year", "years". */
  readonly unit: string;
  /** Plausible range [min, max], used for validation, sensitivity and robustness draws. */
  readonly min: number;
  readonly max: number;
  /** Where the default comes from: a figure in calibration-targets.md (§), a cited study, or "assumption: ...". */
  readonly source: string;
  /** What it does, in one sentence. */
  readonly description: string;
  /** What the default rests on (see {@link ParamBasis}); `assumption` ones are the calibration's free parameters. */
  readonly basis: ParamBasis;
  /** Which process uses it (file name under src/model/processes, "county" for the generator, "reference" for definitions several processes share). */
  readonly process: string;
  /** Whole numbers only. */
  readonly integer?: boolean;
}

/** Declares a list of parameters, checking defaults lie in their ranges. */
export function declareParameters<const T extends readonly ParamSpec[]>(specs: T): { readonly [K in keyof T]: T[K] & ParamSpec } {
  const seen = new Set<string>();
  for (const p of specs) {
    if (seen.has(p.name)) throw new Error(`parameter ${p.name} declared twice`);
    seen.add(p.name);
    if (!(p.min <= p.default && p.default <= p.max)) {
      throw new Error(`parameter ${p.name}: default ${p.default} outside [${p.min}, ${p.max}]`);
    }
  }
  return specs as { readonly [K in keyof T]: T[K] & ParamSpec };
}
