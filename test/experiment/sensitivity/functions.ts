/** Analytic test functions of global sensitivity analysis, shared by the sensitivity tests. */

/** Ishigami & Homma (1990): sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³. */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

/** Sobol' g-function on [0, 1]^k: Π (|4x_i − 2| + a_i) / (1 + a_i); small a_i = important factor. */
export function gFunction(x: readonly number[], a: readonly number[]): number {
  let y = 1;
  for (let i = 0; i < a.length; i++) y *= (Math.abs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return y;
}

/** Analytic first-order and total indices of the g-function (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.8). */
export function gFunctionIndices(a: readonly number[]): { S1: number[]; ST: number[] } {
  const vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
  const prod = vi.reduce((p, v) => p * (1 + v), 1);
  const v = prod - 1;
  return { S1: vi.map((x) => x / v), ST: vi.map((x) => (x * prod) / (1 + x) / v) };
}
