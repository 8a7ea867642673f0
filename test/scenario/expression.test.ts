/** The expression language: what it accepts, what it rejects, and how it evaluates. */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/scenario/expression.js';

function value(text: string, t = 3, year = 2028): number {
  const r = compileExpression(text);
  if (!r.ok) throw new Error(r.message);
  return r.evaluate(t, year);
}

function rejection(text: string): string {
  const r = compileExpression(text);
  return r.ok ? 'accepted' : r.message;
}

describe('compileExpression', () => {
  it('evaluates arithmetic in t and year', () => {
    expect(value('min(1, 0.5 + 0.25 * t)', 1)).toBe(0.75);
    expect(value('(year - 2025) / 10', 3, 2028)).toBeCloseTo(0.3, 12);
    expect(value('2t + 1')).toBe(7);
    expect(value('t ^ 2 % 5')).toBe(4);
  });

  it('supports the whitelisted functions, constants and helpers', () => {
    expect(value('abs(-2) + floor(1.5) + ceil(1.5) + round(1.4) + sqrt(4) + pow(2, 3)')).toBe(2 + 1 + 2 + 1 + 2 + 8);
    expect(value('exp(0) + log(e) + sin(0) + cos(0) + max(1, 2)')).toBeCloseTo(1 + 1 + 0 + 1 + 2, 12);
    expect(value('round(pi * 100)')).toBe(314);
    expect(value('clamp(t, 0, 2)')).toBe(2);
    expect(value('ramp(t, 1, 5)')).toBe(0.5);
    expect(value('step(t, 4)')).toBe(0);
  });

  it('supports conditionals, comparisons and logic (true counts as 1)', () => {
    expect(value('t >= 3 ? 1 : 0')).toBe(1);
    expect(value('t > 2 and t < 5 ? 0.5 : 0')).toBe(0.5);
    expect(value('1 < t < 4')).toBe(1);
    expect(value('not (t == 3)')).toBe(0);
  });

  it('gives non-finite values for division by zero and logs of 0, NaN for sqrt of a negative', () => {
    expect(value('1 / (t - 3)')).toBe(Infinity);
    expect(value('log(t - 3)')).toBe(-Infinity);
    expect(value('sqrt(-t)')).toBeNaN();
  });

  it.each([
    ['import({}, {})', /function `import` is not allowed/],
    ['evaluate("1")', /function `evaluate` is not allowed/],
    ['createUnit("x")', /function `createUnit` is not allowed/],
    ['parse("1")', /function `parse` is not allowed/],
    ['random()', /function `random` is not allowed/],
    ['sinh(t)', /function `sinh` is not allowed/],
    ['x', /unknown symbol `x`/],
    ['5 cm', /unknown symbol `cm`/],
    ['a.b', /property access not allowed/],
    ['t.constructor', /property access not allowed/],
    ['x = 3', /assignment not allowed/],
    ['f(x) = x', /function definitions not allowed/],
    ['[1, 2]', /matrices not allowed/],
    ['{a: 1}', /objects not allowed/],
    ['"text"', /the string "text" is not allowed/],
    ['t; t', /several statements not allowed/],
    ['1:3', /ranges not allowed/],
    ['t!', /operator `!` is not allowed/],
    ['t(2)', /function `t` is not allowed/],
    ['', /empty expression/],
    ['1 +', /cannot parse expression/],
  ])('rejects %j', (text, message) => {
    expect(rejection(text)).toMatch(message);
  });
});
