/**
 * Loads a CommonJS package synchronously, on first use, where Node is the runtime (through
 * `process.getBuiltinModule`, so this module imports no Node module and stays browser-safe); returns
 * undefined elsewhere. Used for the heavy dependencies that only some commands need (mathjs for
 * expressions, the t quantile for intervals), so that start-up does not pay for them.
 */
type NodeModuleApi = { createRequire(from: string): (id: string) => unknown };
type NodeProcess = { getBuiltinModule?: (id: string) => NodeModuleApi | undefined };

let nodeRequire: ((id: string) => unknown) | null | undefined;

/** `require(id)` resolved from this package, or undefined outside Node (≥ 20.16). */
export function lazyRequire(id: string): unknown {
  if (nodeRequire === undefined) {
    const api = (globalThis as { process?: NodeProcess }).process?.getBuiltinModule?.('node:module');
    nodeRequire = api ? api.createRequire(import.meta.url) : null;
  }
  return nodeRequire ? nodeRequire(id) : undefined;
}
