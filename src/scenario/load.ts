/**
 * Node entry points that read scenario files: `loadScenario` (a built-in name or a path), `parseScenario`
 * (text in memory), `scenarioFromObject` (a plain object built in code), each in a throwing and a
 * non-throwing (`safe…`) form. `extends` is followed on disk: built-in names, or paths relative to the file.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { builtinScenarioNames, builtinScenarioPath, unknownBuiltinMessage } from './builtin.js';
import { unwrapScenario, type ScenarioError, type ScenarioResult } from './errors.js';
import { resolveScenario, type ResolveOptions, type ScenarioLookup, type ScenarioSource } from './resolve.js';
import type { Scenario } from './types.js';

/** Options of the loaders: the user levers the files may set, and where the throwing loaders send warnings. */
export interface LoadOptions extends ResolveOptions {
  /**
   * Called with each warning of what the loader did on the user's behalf (a population scaled with
   * `villages`, a mix rescaled to sum to 1, a strength with nothing to scale). The `safe…` loaders also
   * return them in `warnings`.
   */
  onWarning?: (warning: ScenarioError) => void;
}

/** True if `ref` names a file rather than a built-in scenario. */
function isPathLike(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.(ya?ml|json)$/i.test(ref) || ref.startsWith('.');
}

/** A path for messages: relative to the working directory when inside it, else absolute. */
function labelFor(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}

function readSource(abs: string, label: string, source: string): { ok: true; source: ScenarioSource } | { ok: false; message: string } {
  let bytes: Uint8Array;
  let id = abs;
  try {
    bytes = readFileSync(abs);
    id = realpathSync(abs);
  } catch (e) {
    const c = (e as NodeJS.ErrnoException).code;
    const why = c === 'ENOENT' ? 'file not found' : c === 'EISDIR' ? 'is a directory, not a scenario file' : c === 'EACCES' ? 'permission denied' : `cannot read file (${c ?? (e as Error).message})`;
    return { ok: false, message: `${why}: ${label}` };
  }
  return { ok: true, source: { id, label, source, baseDir: dirname(abs), content: { bytes } } };
}

/** Finds a built-in name or a path (relative to `baseDir`). */
const lookup: ScenarioLookup = (ref, baseDir) => {
  if (ref.trim() === '') return { ok: false, message: 'expected a built-in scenario name or a file path; found ""' };
  if (!isPathLike(ref)) {
    if (!builtinScenarioNames().includes(ref)) return { ok: false, message: unknownBuiltinMessage(ref) };
    return readSource(builtinScenarioPath(ref), `${ref} (built-in)`, ref);
  }
  const abs = resolve(baseDir, ref);
  return readSource(abs, labelFor(abs), ref);
};

function fail(file: string, message: string): ScenarioResult<Scenario> {
  return { ok: false, issues: [{ file, path: '', message }] };
}

/** Loads a built-in scenario by name (e.g. `baseline`) or a scenario file by path; never throws. */
export function safeLoadScenario(pathOrBuiltinName: string, options: LoadOptions = {}): ScenarioResult<Scenario> {
  const ref = pathOrBuiltinName;
  if (!isPathLike(ref) && builtinScenarioNames().includes(ref)) {
    const found = lookup(ref, process.cwd());
    return found.ok ? resolveScenario(found.source, lookup, options) : fail(ref, found.message);
  }
  if (!isPathLike(ref)) {
    // Not a built-in: a file of that name in the working directory, if there is one.
    const asFile = readSource(resolve(ref), ref, ref);
    return asFile.ok ? resolveScenario(asFile.source, lookup, options) : fail(ref, unknownBuiltinMessage(ref));
  }
  const found = readSource(resolve(ref), ref, ref);
  if (!found.ok) return fail(ref, found.message.replace(/: .*$/, ''));
  return resolveScenario(found.source, lookup, options);
}

/** Loads a built-in scenario or a file; throws ScenarioLoadError with every problem. */
export function loadScenario(pathOrBuiltinName: string, options: LoadOptions = {}): Scenario {
  return unwrapScenario(safeLoadScenario(pathOrBuiltinName, options), options);
}

/** Parses scenario text (YAML or JSON); relative `extends` paths start at `baseDir`; never throws. */
export function safeParseScenario(text: string, fileLabel = '<text>', baseDir: string = process.cwd(), options: LoadOptions = {}): ScenarioResult<Scenario> {
  return resolveScenario({ id: `text:${fileLabel}`, label: fileLabel, source: fileLabel, baseDir, content: { text } }, lookup, options);
}

/** Parses scenario text (YAML or JSON); throws ScenarioLoadError with every problem. */
export function parseScenario(text: string, fileLabel = '<text>', baseDir: string = process.cwd(), options: LoadOptions = {}): Scenario {
  return unwrapScenario(safeParseScenario(text, fileLabel, baseDir, options), options);
}

/** Validates a plain object in the file format (snake_case keys, `extends` allowed); never throws. */
export function safeScenarioFromObject(obj: unknown, label = '<object>', baseDir: string = process.cwd(), options: LoadOptions = {}): ScenarioResult<Scenario> {
  return resolveScenario({ id: `object:${label}`, label, source: label, baseDir, content: { value: obj } }, lookup, options);
}

/** Validates a plain object in the file format; throws ScenarioLoadError with every problem. */
export function scenarioFromObject(obj: unknown, label = '<object>', baseDir: string = process.cwd(), options: LoadOptions = {}): Scenario {
  return unwrapScenario(safeScenarioFromObject(obj, label, baseDir, options), options);
}
