/**
 * From file bytes or text to a plain value: rejects binary and empty files, reports YAML syntax errors
 * with line and column, and bounds the work any input can cause — the text is first lexed (linear) and
 * refused past the token, node, alias and nesting limits of limits.ts before it is parsed; the parsed
 * tree is then walked once (without recursion) to refuse YAML tags outside the core schema (`!!set`,
 * `!!omap`, `!!binary`, custom `!tags`: their content would otherwise be dropped silently), nesting too
 * deep, and duplicate keys (named, with line and column; checked here in linear time instead of by the
 * parser's quadratic check). YAML and JSON share the parser (JSON is YAML). Pure and browser-safe.
 */
import YAML, { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node as YamlNode } from 'yaml';
import { formatPath, type ScenarioError } from './errors.js';
import { SCENARIO_LIMITS } from './limits.js';

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

/** True if `v` contains itself (possible with YAML aliases); walked without recursion. */
function isCyclic(root: unknown): boolean {
  // Depth-first with an explicit stack; `onPath` holds the containers on the current path.
  const onPath = new Set<unknown>();
  const stack: { v: unknown; exit: boolean }[] = [{ v: root, exit: false }];
  while (stack.length) {
    const { v, exit } = stack.pop()!;
    if (exit) {
      onPath.delete(v);
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (onPath.has(v)) return true;
    onPath.add(v);
    stack.push({ v, exit: true });
    for (const c of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push({ v: c, exit: false });
  }
  return false;
}

/** Token kinds of the lexer that each make one node. */
const NODE_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'flow-map-start', 'flow-seq-start', 'alias']);

/** Lexes `text` once, refusing it as soon as a limit is passed; undefined if within all limits. */
function lexLimits(text: string): string | undefined {
  const { yamlTokens, yamlNodes, yamlAliases, yamlDepth, yamlIndent } = SCENARIO_LIMITS;
  let tokens = 0;
  let nodes = 0;
  let aliases = 0;
  let flow = 0;
  let scalarSource = false; // the token after a plain-scalar marker is the scalar's text
  let lineStart = true;
  let indent = 0; // indentation plus list and key markers on this line: what block nesting can reach
  for (const tok of new YAML.Lexer().lex(text)) {
    if (++tokens > yamlTokens) return `too large to be a scenario (more than ${yamlTokens} YAML tokens)`;
    if (scalarSource) {
      scalarSource = false;
      lineStart = false;
      continue;
    }
    const kind = YAML.CST.tokenType(tok);
    if (kind === 'newline') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (kind === 'space' && lineStart) indent = tok.length;
    lineStart = false;
    if (kind === 'seq-item-ind' || kind === 'explicit-key-ind') indent += 2;
    if (indent > yamlIndent) return `nested or indented too deeply (more than ${yamlIndent} columns of indentation and list markers on one line)`;
    if (kind === 'scalar') scalarSource = true;
    if (kind && NODE_TOKENS.has(kind) && ++nodes > yamlNodes) return `too many YAML values (more than ${yamlNodes}); a scenario has a few hundred`;
    if (kind === 'alias' && ++aliases > yamlAliases) return `too many YAML aliases (more than ${yamlAliases})`;
    if (kind === 'flow-map-start' || kind === 'flow-seq-start') {
      if (++flow > yamlDepth) return `nested too deeply (more than ${yamlDepth} levels)`;
    } else if (kind === 'flow-map-end' || kind === 'flow-seq-end') flow = Math.max(0, flow - 1);
  }
  return undefined;
}

/** The tags of YAML's core schema (what plain values, lists and mappings resolve to). */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * Walks the document tree (explicit stack): tags outside the core schema, nesting deeper than the limit,
 * keys that are not plain values, and duplicate keys, each with its path (and line and column).
 */
function treeProblems(doc: YAML.Document.Parsed, lines: LineCounter, file: string): ScenarioError[] {
  const issues: ScenarioError[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined) => {
    const pos = node?.range ? lines.linePos(node.range[0]) : undefined;
    return pos ? { line: pos.line, column: pos.col } : {};
  };
  const where = (node: { range?: [number, number, number] | null } | null | undefined) => {
    const p = at(node);
    return p.line ? ` (line ${p.line}, column ${p.column})` : '';
  };
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length && issues.length < 50) {
    const { node, path } = stack.pop()!;
    if (!node || isAlias(node)) continue;
    const n = node as YamlNode;
    if (n.tag && !CORE_TAGS.has(n.tag)) {
      issues.push({ file, path: formatPath(path), message: `the YAML tag ${shortTag(n.tag)} is not allowed; write plain values, lists and mappings` });
      continue;
    }
    if (path.length > SCENARIO_LIMITS.yamlDepth) {
      issues.push({ file, path: formatPath(path), message: `nested too deeply (more than ${SCENARIO_LIMITS.yamlDepth} levels)` });
      break;
    }
    if (isMap(n)) {
      const seen = new Map<string, YamlNode>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        if (key && !isScalar(key)) {
          issues.push({ file, path: formatPath(path), message: `a mapping key must be a plain value, not a list or mapping${where(key)}`, ...at(key) });
          continue;
        }
        const name = String(key ? (key as YAML.Scalar).value : '');
        const first = seen.get(name);
        if (first) {
          const f = at(first);
          issues.push({
            file,
            path: formatPath([...path, name]),
            message: `duplicate key \`${name}\`${where(key)}, first given at line ${f.line ?? '?'}; give each key once`,
            ...at(key),
          });
          continue;
        }
        if (key) {
          if ((key as YamlNode).tag && !CORE_TAGS.has((key as YamlNode).tag!)) stack.push({ node: key, path: [...path, name] });
          seen.set(name, key);
        }
        stack.push({ node: pair.value, path: [...path, name] });
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    }
  }
  return issues;
}

/** Parses scenario text (YAML or JSON) into a plain value, reporting every syntax error. */
export function parseScenarioText(text: string, file: string): TextParseResult {
  if (typeof text !== 'string') return { ok: false, issues: [{ file, path: '', message: 'expected the scenario as text' }] };
  if (text.includes('\u0000')) {
    return { ok: false, issues: [{ file, path: '', message: 'not a text file (contains NUL bytes); expected a YAML or JSON scenario' }] };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tooLarge = lexLimits(body);
  if (tooLarge) return { ok: false, issues: [{ file, path: '', message: tooLarge }] };
  const lines = new LineCounter();
  const doc = YAML.parseDocument(body, { prettyErrors: true, uniqueKeys: false, strict: true, lineCounter: lines });
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
  const problems = treeProblems(doc, lines, file);
  if (problems.length) return { ok: false, issues: problems };
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
