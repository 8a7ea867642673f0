/**
 * Scenario problems as data: every problem names its file, the path inside it (`policies[2].value`) and
 * a message, and the formatter prints one line per problem. No problem is ever reported as a stack trace.
 */

/** One problem found while loading or validating a scenario. */
export interface ScenarioError {
  /** File label (path as given, `scenarios/<name>.yaml` for a built-in, or the label passed in). */
  file: string;
  /** Path inside the file, e.g. `policies[2].value`; '' for a whole-file problem. */
  path: string;
  /** Human-readable message, complete on its own (it already contains `expected`/`found` if set). */
  message: string;
  /** What was found, formatted for display (e.g. `-3`, `"baselin"`, `NaN`). */
  found?: string;
  /** What was expected, e.g. `a number in [0, 12] or an expression in t, year`. */
  expected?: string;
  /** 1-based line of a YAML syntax error. */
  line?: number;
  /** 1-based column of a YAML syntax error. */
  column?: number;
}

/** Thrown by the throwing entry points (`loadScenario`, `parseScenario`, …); carries every problem. */
export class ScenarioLoadError extends Error {
  /** Every problem found, in file order. */
  readonly issues: ScenarioError[];
  constructor(issues: ScenarioError[]) {
    super(formatScenarioErrors(issues));
    this.name = 'ScenarioLoadError';
    this.issues = issues;
  }
}

/**
 * The result of the non-throwing entry points: the scenario with the warnings of what the loader did on
 * the user's behalf (e.g. a population scaled with `villages`, a mix rescaled to sum to 1), or every problem.
 */
export type ScenarioResult<T> = { ok: true; scenario: T; warnings: ScenarioError[] } | { ok: false; issues: ScenarioError[] };

/** The scenario of a result (its warnings to `options.onWarning`), or a ScenarioLoadError with every problem. */
export function unwrapScenario<T>(r: ScenarioResult<T>, options: { onWarning?: (warning: ScenarioError) => void } = {}): T {
  if (!r.ok) throw new ScenarioLoadError(r.issues);
  if (options.onWarning) for (const w of r.warnings) options.onWarning(w);
  return r.scenario;
}

/** Formats one problem as `file: path: message` (or `file: message` for a whole-file problem). */
export function formatScenarioError(e: ScenarioError): string {
  return e.path ? `${e.file}: ${e.path}: ${e.message}` : `${e.file}: ${e.message}`;
}

/** Formats problems one per line. */
export function formatScenarioErrors(issues: readonly ScenarioError[]): string {
  return issues.map(formatScenarioError).join('\n');
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/; // the keys `--set` paths can name (pathways have hyphens)

/** Formats a path like `policies[2].value` from its parts. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const s = String(p);
      out += IDENT.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** A string in double quotes with control, format and line-separator characters escaped (\\n, \\u2028…). */
function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Formats a found value for a message: numbers as written, strings quoted, containers by kind. */
export function formatFound(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return quoted(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Uint8Array) return 'binary data';
  if (typeof v === 'object') return 'a mapping';
  return typeof v;
}
