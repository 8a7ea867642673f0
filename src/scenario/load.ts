/**
 * Node entry points that read scenario files: `loadScenario` (a built-in name or a path), `parseScenario`
 * (text in memory), `scenarioFromObject` (a plain object built in code), each in a throwing and a
 * non-throwing (`safe…`) form; the safe forms never throw, whatever they are given. Only regular files are
 * read (never a FIFO, device or folder), at most `maxBytes` of them (1 MiB by default). `extends` is
 * followed on disk, confined: built-in names, and files inside the scenario's own folder (the folder of
 * the file loaded, or `baseDir` for text and objects) or inside a folder of `scenarioPath`; a path outside
 * them is refused before it is opened.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { BUILTIN_SCENARIO_DIR, builtinScenarioNames, builtinScenarioPath, unknownBuiltinMessage } from './builtin.js';
import { formatFound, unwrapScenario, type ScenarioError, type ScenarioResult } from './errors.js';
import { SCENARIO_LIMITS } from './limits.js';
import { resolveScenario, type ResolveOptions, type ScenarioLookup, type ScenarioSource } from './resolve.js';
import type { Scenario } from './types.js';

/** How scenario files may be read. */
export interface LoadOptions extends ResolveOptions {
  /**
   * Called with each warning of what the loader did on the user's behalf (a population scaled with
   * `villages`, a mix rescaled to sum to 1, a strength with nothing to scale). The `safe…` loaders also
   * return them in `warnings`.
   */
  onWarning?: (warning: ScenarioError) => void;
  /** Folders besides the scenario's own whose files `extends` may name (default: none). */
  scenarioPath?: readonly string[];
  /** Largest scenario file read, in bytes (default {@link SCENARIO_LIMITS.fileBytes}, 1 MiB). */
  maxBytes?: number;
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

/** What a non-regular file is, for the message. */
function fileKind(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) ? 1 : 0)} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}

/** A file read, or why not (`why`, and `message`: the why with the file's label, as `extends` reports it). */
type Read = { ok: true; source: ScenarioSource } | { ok: false; why: string; message: string };

function notRead(why: string, label: string): Read {
  return { ok: false, why, message: `${why}: ${label}` };
}

/**
 * Reads a regular file of at most `maxBytes` (opened non-blocking, so a FIFO cannot block; its type
 * checked on the open handle, so what is checked is what is read).
 */
function readSource(abs: string, label: string, source: string, maxBytes: number): Read {
  let fd: number | undefined;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) return notRead('is a directory, not a scenario file', label);
    if (!st.isFile()) return notRead(`not a regular file (${fileKind(st)}); expected a YAML or JSON scenario file`, label);
    const tooLarge = (size: string) => notRead(`file too large (${size}; a scenario file may have at most ${formatBytes(maxBytes)})`, label);
    if (st.size > maxBytes) return tooLarge(formatBytes(st.size));
    // Read at most maxBytes + 1: a file that grows while read is still caught.
    const buf = Buffer.allocUnsafe(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return tooLarge(`more than ${formatBytes(maxBytes)}`);
    const id = realpathSync(abs);
    return { ok: true, source: { id, label, source, baseDir: dirname(abs), content: { bytes: new Uint8Array(buf.buffer, buf.byteOffset, n) } } };
  } catch (e) {
    const c = (e as NodeJS.ErrnoException).code;
    const why =
      c === 'ENOENT' ? 'file not found'
      : c === 'EISDIR' ? 'is a directory, not a scenario file'
      : c === 'EACCES' || c === 'EPERM' ? 'permission denied'
      : c === 'ENOTDIR' ? 'file not found (a part of the path is a file)'
      : c === 'ELOOP' ? 'too many levels of symbolic links'
      : `cannot read file (${c ?? (e as Error).message})`;
    return notRead(why, label);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** True if `path` is `root` or inside it. */
function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** `dir` as a real path when it exists (symbolic links resolved), else as given, absolute. */
function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * The lookup of one load: built-in names, and paths (relative to the referring file) inside `roots` —
 * checked on the path as written and again on its real path (a symbolic link cannot lead out).
 */
function confinedLookup(roots: readonly string[], maxBytes: number): ScenarioLookup {
  const allowed = [...roots, realDir(BUILTIN_SCENARIO_DIR)];
  const outside = (ref: string) =>
    `${formatFound(ref)} is outside the folders a scenario may extend from; \`extends\` takes a built-in name, or a file in the scenario's own folder ` +
    `(${labelFor(roots[0] ?? '.') || '.'}) or below it${roots.length > 1 ? `, or in ${roots.slice(1).map(labelFor).join(', ')}` : ''} (give more folders with --scenario-path)`;
  return (ref, baseDir) => {
    if (typeof ref !== 'string' || ref.trim() === '') return { ok: false, message: 'expected a built-in scenario name or a file path; found ""' };
    if (!isPathLike(ref)) {
      if (!builtinScenarioNames().includes(ref)) return { ok: false, message: unknownBuiltinMessage(ref) };
      return readSource(builtinScenarioPath(ref), `${ref} (built-in)`, ref, maxBytes);
    }
    const abs = resolve(realDir(baseDir), ref);
    if (!allowed.some((r) => inside(abs, r))) return { ok: false, message: outside(ref) };
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      return { ok: false, message: `file not found: ${labelFor(abs)}` };
    }
    if (!allowed.some((r) => inside(real, r))) return { ok: false, message: outside(ref) };
    return readSource(abs, labelFor(abs), ref, maxBytes);
  };
}

function fail(file: string, message: string): ScenarioResult<Scenario> {
  return { ok: false, issues: [{ file, path: '', message }] };
}

/** The options checked: the byte cap and the real paths of the extra folders; or the problem. */
function checkedOptions(options: LoadOptions | undefined): { ok: true; maxBytes: number; extra: string[] } | { ok: false; message: string } {
  const o = options ?? {};
  if (typeof o !== 'object') return { ok: false, message: `options: expected { scenarioPath?, maxBytes? }; found ${formatFound(o)}` };
  const maxBytes = o.maxBytes ?? SCENARIO_LIMITS.fileBytes;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) return { ok: false, message: `maxBytes: expected a whole number of bytes ≥ 1; found ${formatFound(maxBytes)}` };
  const path = o.scenarioPath ?? [];
  if (!Array.isArray(path) || path.some((p) => typeof p !== 'string' || p === '')) return { ok: false, message: 'scenarioPath: expected a list of folder paths' };
  return { ok: true, maxBytes, extra: path.map(realDir) };
}

/** Runs a safe entry point's body; anything it throws (it should not) becomes a problem, never an exception. */
function never(file: unknown, body: () => ScenarioResult<Scenario>): ScenarioResult<Scenario> {
  try {
    return body();
  } catch (e) {
    const message = e instanceof RangeError ? 'too deeply nested or too large to check' : `cannot check the scenario: ${e instanceof Error ? e.message : String(e)}`;
    return fail(typeof file === 'string' ? file : '<scenario>', message);
  }
}

/**
 * Loads a built-in scenario by name (e.g. `baseline`) or a scenario file by path; never throws (any
 * argument gives a scenario or problems).
 */
export function safeLoadScenario(pathOrBuiltinName: string, options?: LoadOptions): ScenarioResult<Scenario> {
  const ref: unknown = pathOrBuiltinName;
  if (typeof ref !== 'string') return fail(String(ref), `expected a built-in scenario name or a file path (a string); found ${formatFound(ref)}`);
  return never(ref, () => {
    if (ref.trim() === '') return fail(ref, 'expected a built-in scenario name or a file path; found ""');
    const o = checkedOptions(options);
    if (!o.ok) return fail(ref, o.message);
    if (!isPathLike(ref) && builtinScenarioNames().includes(ref)) {
      const found = readSource(builtinScenarioPath(ref), `${ref} (built-in)`, ref, o.maxBytes);
      return found.ok ? resolveScenario(found.source, confinedLookup([realDir(BUILTIN_SCENARIO_DIR), ...o.extra], o.maxBytes), options) : fail(ref, found.why);
    }
    // Not a built-in: a file of that name in the working directory, if there is one.
    const found = readSource(resolve(ref), ref, ref, o.maxBytes);
    if (!found.ok) return fail(ref, !isPathLike(ref) && found.why.startsWith('file not found') ? unknownBuiltinMessage(ref) : found.why);
    return resolveScenario(found.source, confinedLookup([dirname(found.source.id), ...o.extra], o.maxBytes), options);
  });
}

/** Loads a built-in scenario or a file; throws ScenarioLoadError with every problem. */
export function loadScenario(pathOrBuiltinName: string, options?: LoadOptions): Scenario {
  return unwrapScenario(safeLoadScenario(pathOrBuiltinName, options), options);
}

/** Checks the label and folder arguments of the text and object entry points. */
function checkedPlace(label: unknown, baseDir: unknown): { ok: true; label: string; baseDir: string } | { ok: false; label: string; message: string } {
  const l = typeof label === 'string' ? label : String(label);
  if (typeof baseDir !== 'string' || baseDir === '') return { ok: false, label: l, message: `baseDir: expected a folder path; found ${formatFound(baseDir)}` };
  return { ok: true, label: l, baseDir };
}

/**
 * Parses scenario text (YAML or JSON); relative `extends` paths start at `baseDir`, which is also the
 * folder `extends` is confined to (with `options.scenarioPath`); never throws.
 */
export function safeParseScenario(text: string, fileLabel = '<text>', baseDir: string = process.cwd(), options?: LoadOptions): ScenarioResult<Scenario> {
  const place = checkedPlace(fileLabel, baseDir);
  if (!place.ok) return fail(place.label, place.message);
  return never(place.label, () => {
    if (typeof text !== 'string') return fail(place.label, `expected the scenario as text (YAML or JSON); found ${formatFound(text)}`);
    const o = checkedOptions(options);
    if (!o.ok) return fail(place.label, o.message);
    if (text.length > o.maxBytes) return fail(place.label, `text too large (${formatBytes(text.length)} characters; a scenario may have at most ${formatBytes(o.maxBytes)})`);
    const lookup = confinedLookup([realDir(place.baseDir), ...o.extra], o.maxBytes);
    return resolveScenario({ id: `text:${place.label}`, label: place.label, source: place.label, baseDir: place.baseDir, content: { text } }, lookup, options);
  });
}

/** Parses scenario text (YAML or JSON); throws ScenarioLoadError with every problem. */
export function parseScenario(text: string, fileLabel = '<text>', baseDir: string = process.cwd(), options?: LoadOptions): Scenario {
  return unwrapScenario(safeParseScenario(text, fileLabel, baseDir, options), options);
}

/** Validates a plain object in the file format (snake_case keys, `extends` allowed, confined as for text); never throws. */
export function safeScenarioFromObject(obj: unknown, label = '<object>', baseDir: string = process.cwd(), options?: LoadOptions): ScenarioResult<Scenario> {
  const place = checkedPlace(label, baseDir);
  if (!place.ok) return fail(place.label, place.message);
  return never(place.label, () => {
    const o = checkedOptions(options);
    if (!o.ok) return fail(place.label, o.message);
    const lookup = confinedLookup([realDir(place.baseDir), ...o.extra], o.maxBytes);
    return resolveScenario({ id: `object:${place.label}`, label: place.label, source: place.label, baseDir: place.baseDir, content: { value: obj } }, lookup, options);
  });
}

/** Validates a plain object in the file format; throws ScenarioLoadError with every problem. */
export function scenarioFromObject(obj: unknown, label = '<object>', baseDir: string = process.cwd(), options?: LoadOptions): Scenario {
  return unwrapScenario(safeScenarioFromObject(obj, label, baseDir, options), options);
}
