// The talent parameters as design factors: declared ranges, integer flags, name checks with suggestions.
import { describe, expect, it } from 'vitest';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { parameterFactors, variableParameterNames } from '../../src/talent/parameter-factors.js';

describe('parameterFactors', () => {
  it('rejects unknown parameters with a suggestion', () => {
    expect(() => parameterFactors(['farm_incom'])).toThrow(ExperimentInputError);
    expect(() => parameterFactors(['farm_incom'])).toThrow(/did you mean "farm_income"/);
  });

  it('spans each declared range in the order asked, and by default every parameter with a range', () => {
    const f = parameterFactors(['farm_income', 'secretary_age_limit']);
    const spec = (n: string) => PARAMETERS.find((p) => p.name === n)!;
    expect(f.map((x) => [x.name, x.min, x.max])).toEqual([
      ['farm_income', spec('farm_income').min, spec('farm_income').max],
      ['secretary_age_limit', spec('secretary_age_limit').min, spec('secretary_age_limit').max],
    ]);
    expect(parameterFactors().map((x) => x.name)).toEqual(variableParameterNames());
    expect(variableParameterNames().length).toBe(PARAMETERS.filter((p) => p.max > p.min).length);
    expect(f[1].integer).toBe(true); // an integer parameter stays an integer factor
    expect(f[0].integer).toBeUndefined();
  });

  it('refuses duplicate names and an empty list', () => {
    expect(() => parameterFactors(['farm_income', 'farm_income'])).toThrow(/parameter "farm_income" is given twice/);
    expect(() => parameterFactors([])).toThrow(/no parameters to vary/);
  });
});
