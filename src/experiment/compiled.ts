/**
 * The one place that turns a module of this package into a file a worker thread can load. Node 20 worker
 * threads cannot load TypeScript, so: a module already running compiled (dist/…/x.js) is loaded as it is;
 * a module running from the TypeScript sources (src/…/x.ts, as under vitest) is loaded from its dist/ copy
 * only if dist/ was built from exactly these sources — `npm run build` writes a fingerprint of src/ next to
 * the compiled files and it is checked here — otherwise this throws "dist/ is stale: run `npm run build`".
 * Never a silent fallback to code other than the code that is running. It also gives the fingerprint of
 * a set of this package's sources (the same whether running from src/ or dist/), which identifies the
 * model code that computed a part file (see parts.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Name of the fingerprint file `npm run build` writes into dist/. */
export const BUILD_FINGERPRINT_FILE = 'build-fingerprint.json';

/** Every .ts file under `dir`, as paths relative to it with '/' separators, sorted. */
function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** SHA-256 over the paths and contents of every TypeScript file under `srcDir` (what a build compiles). */
export function sourceFingerprint(srcDir: string): string {
  const h = createHash('sha256');
  for (const f of sourceFiles(srcDir)) h.update(f).update('\0').update(readFileSync(join(srcDir, f))).update('\0');
  return h.digest('hex');
}

/** SHA-256 of each TypeScript file under `srcDir`, by path relative to it ('/' separators). */
function sourceFileHashes(srcDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of sourceFiles(srcDir)) out[f] = createHash('sha256').update(readFileSync(join(srcDir, f))).digest('hex');
  return out;
}

/** 16 hex digits of SHA-256 over the files of `hashes` that are, or lie under, one of `paths` (src/-relative). */
function selectionFingerprint(hashes: Readonly<Record<string, string>>, paths: readonly string[]): string {
  const h = createHash('sha256');
  const inSelection = (f: string) => paths.some((p) => f === p || f.startsWith(p.endsWith('/') ? p : `${p}/`));
  for (const f of Object.keys(hashes).sort()) if (inSelection(f)) h.update(f).update('\0').update(hashes[f]).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Maps modules of one package (its `src/` and `dist/` under `root`) to what worker threads load. */
export interface CompiledResolver {
  /**
   * The URL a worker thread should load for the module at `url`: the module itself when it is JavaScript
   * (or not a file), the dist/ copy of a TypeScript module under src/ when dist/ is current. Throws for a
   * stale or missing build and for TypeScript modules outside src/ (compile them, or run with one worker).
   */
  compiledModule(url: string | URL): string;
  /** Writes dist/build-fingerprint.json for the current sources; returns the fingerprint. */
  writeFingerprint(): string;
  /**
   * The fingerprint of the sources at `paths` (files or folders relative to src/): from the sources when
   * running from them, else from the hashes the build recorded — the same value either way.
   */
  sourcesFingerprint(paths: readonly string[], runningFromSources: boolean): string;
}

/** A resolver for the package at `root` (a directory with src/ and, once built, dist/). */
export function compiledResolver(root: string): CompiledResolver {
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  const file = join(dist, BUILD_FINGERPRINT_FILE);
  let problem: string | undefined; // checked once: '' when dist/ is current
  const assertCurrent = () => {
    if (problem === undefined) {
      if (!existsSync(file)) problem = `dist/ has no ${BUILD_FINGERPRINT_FILE}: run \`npm run build\` (worker threads load the compiled dist/ copy)`;
      else {
        const built = (JSON.parse(readFileSync(file, 'utf8')) as { sources?: string }).sources;
        problem = built === sourceFingerprint(src) ? '' : 'dist/ is stale (built from other sources than src/): run `npm run build`';
      }
    }
    if (problem) throw new Error(problem);
  };
  return {
    compiledModule(url) {
      const href = String(url);
      if (!href.startsWith('file:')) return href;
      const path = fileURLToPath(href);
      if (!/\.[mc]?ts$/.test(path)) return href;
      const rel = relative(src, path);
      if (rel.startsWith('..') || isAbsolute(rel)) {
        throw new Error(`worker threads cannot load the TypeScript module ${path}: compile it to JavaScript, or run with one worker`);
      }
      const target = join(dist, rel.replace(/\.([mc]?)ts$/, '.$1js'));
      assertCurrent();
      if (!existsSync(target)) throw new Error(`dist/ has no ${relative(root, target)}: run \`npm run build\``);
      return pathToFileURL(target).href;
    },
    writeFingerprint() {
      const fingerprint = sourceFingerprint(src);
      writeFileSync(file, JSON.stringify({ sources: fingerprint, files: sourceFileHashes(src) }) + '\n');
      problem = undefined;
      return fingerprint;
    },
    sourcesFingerprint(paths, runningFromSources) {
      if (runningFromSources) return selectionFingerprint(sourceFileHashes(src), paths);
      let built: { sources?: string; files?: Record<string, string> } = {};
      try {
        built = JSON.parse(readFileSync(file, 'utf8')) as typeof built;
      } catch {
        // no build record: fall through
      }
      if (built.files) return selectionFingerprint(built.files, paths);
      throw new Error(`dist/${BUILD_FINGERPRINT_FILE} has no source hashes: run \`npm run build\``);
    },
  };
}

/** The resolver of this package (this file is src/experiment/compiled.ts or dist/experiment/compiled.js). */
const PACKAGE = compiledResolver(fileURLToPath(new URL('../../', import.meta.url)));

/** {@link CompiledResolver.compiledModule} for this package: what a worker thread loads for `url`. */
export function compiledModule(url: string | URL): string {
  return PACKAGE.compiledModule(url);
}

/** Writes this package's dist/build-fingerprint.json (run by `npm run build` after tsc). */
export function writeBuildFingerprint(): string {
  return PACKAGE.writeFingerprint();
}

const fingerprints = new Map<string, string>();

/**
 * Fingerprint of this package's sources at `paths` (src/-relative files or folders), e.g. the model code:
 * 16 hex digits, equal whether the package runs from src/ (tests) or dist/ (the bin). Cached.
 */
export function packageSourcesFingerprint(paths: readonly string[]): string {
  const key = paths.join('\0');
  let f = fingerprints.get(key);
  if (f === undefined) {
    f = PACKAGE.sourcesFingerprint(paths, /\.[mc]?ts$/.test(fileURLToPath(import.meta.url)));
    fingerprints.set(key, f);
  }
  return f;
}

/** A sibling module of `callerUrl` by base name (`worker` → worker.ts from sources, worker.js compiled), ready for a worker thread. */
export function compiledSibling(callerUrl: string, baseName: string): string {
  const ext = /\.([mc]?[jt]s)$/.exec(fileURLToPath(callerUrl))?.[1] ?? 'js';
  return compiledModule(new URL(`./${baseName}.${ext}`, callerUrl));
}
