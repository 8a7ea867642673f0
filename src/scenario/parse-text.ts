/**
 * From file bytes or text to a plain value: rejects binary and empty files, reports YAML syntax errors
 * with line and column, and rejects recursive aliases. YAML and JSON share the parser (JSON is YAML).
 * Pure and browser-safe.
 */
import YAML from 'yaml';
import type { ScenarioError } from './errors.js';

/** A parsed value, or the problems that prevented parsing. */
export type TextParseResult = { ok: true; value: unknown } | { ok: false; issues: ScenarioError[] };

/** Decodes file bytes as UTF-8 text, rejecting binary content (NUL bytes) and invalid UTF-8. */
export function decodeScenarioBytes(bytes: Uint8Array, file: string): { ok: true; text: string } | { ok: false; issues: ScenarioError[] } {
  if (bytes.includes(0)) {
    return { ok: false, issues: [{ file, path: '', message: 'not a text file (contains NUL bytes); expected a YAML or JSON scenario' }] };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, issues: [{ file, path: '', message: 'not a text file (invalid UTF-8); expected a YAML or JSON scenario' }] };
  }
}

/** True if `v` contains itself (possible with YAML aliases). */
function isCyclic(v: unknown, stack: Set<unknown> = new Set()): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (stack.has(v)) return true;
  stack.add(v);
  const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
  for (const c of children) if (isCyclic(c, stack)) return true;
  stack.delete(v);
  return false;
}

/** Parses scenario text (YAML or JSON) into a plain value, reporting every syntax error. */
export function parseScenarioText(text: string, file: string): TextParseResult {
  if (text.includes('\u0000')) {
    return { ok: false, issues: [{ file, path: '', message: 'not a text file (contains NUL bytes); expected a YAML or JSON scenario' }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = YAML.parseDocument(body, { prettyErrors: true, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e): ScenarioError => {
      const pos = e.linePos?.[0];
      const what = e.message.split(/ at line \d+, column \d+/)[0].split('\n')[0];
      return pos
        ? { file, path: '', message: `YAML syntax error at line ${pos.line}, column ${pos.col}: ${what}`, line: pos.line, column: pos.col }
        : { file, path: '', message: `YAML syntax error: ${what}` };
    });
    return { ok: false, issues };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { ok: false, issues: [{ file, path: '', message: `cannot read YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  if (value === null || value === undefined) {
    return { ok: false, issues: [{ file, path: '', message: 'file is empty; expected a scenario with at least `name`' }] };
  }
  if (isCyclic(value)) {
    return { ok: false, issues: [{ file, path: '', message: 'a YAML alias refers to itself; a scenario cannot contain itself' }] };
  }
  return { ok: true, value };
}
