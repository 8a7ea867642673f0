// The public API: a small documented main entry and named subpath exports (package.json "exports"), each
// built with its types, each imported by an example that the tests run, and the browser subpath free of
// Node modules in its whole import graph.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, string | { types: string; import: string }> };
const subpaths = Object.entries(pkg.exports).filter(([k]) => k !== './package.json') as [string, { types: string; import: string }][];

/** Every file of examples/ (and its folders). */
function exampleFiles(dir = 'examples'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? exampleFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The module specifiers a compiled JS file imports (static, re-exports and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('subpath exports', () => {
  it('lists the main entry and the named subpaths, each with a compiled module and its types', () => {
    expect(subpaths.map(([k]) => k)).toEqual(['.', './core', './model', './scenario', './experiment', './talent', './report', './browser']);
    for (const [name, target] of subpaths) {
      expect(existsSync(target.import), `${name}: ${target.import}`).toBe(true);
      expect(existsSync(target.types), `${name}: ${target.types}`).toBe(true);
    }
  });

  it('resolves every subpath by the package name, each exporting its layer', async () => {
    for (const [name] of subpaths) {
      const mod = (await import(name === '.' ? 'talentsim' : `talentsim/${name.slice(2)}`)) as Record<string, unknown>;
      expect(Object.keys(mod).length, name).toBeGreaterThan(0);
    }
    const core = (await import('talentsim/core')) as Record<string, unknown>;
    expect(typeof core.run).toBe('function');
    const experiment = (await import('talentsim/experiment')) as Record<string, unknown>;
    expect(typeof experiment.sweep).toBe('function');
  });

  it('has each subpath imported by an example the tests run', () => {
    const sources = exampleFiles().filter((f) => /\.(ts|mjs)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const [name] of subpaths) {
      const spec = name === '.' ? 'talentsim' : `talentsim/${name.slice(2)}`;
      expect(sources, spec).toContain(`from '${spec}'`);
    }
  });

  it('keeps the browser subpath free of Node modules in its whole import graph', () => {
    const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const seen = new Set<string>();
    const bare = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const s of specifiers(file)) {
        if (s.startsWith('.')) visit(resolve(dirname(file), s));
        else bare.add(s);
      }
    };
    visit(resolve('dist/browser.js'));
    expect(seen.size).toBeGreaterThan(20);
    expect([...bare].filter((s) => node.has(s) || s.startsWith('node:'))).toEqual([]);
  });
});

describe('the browser subpath serves the explorer', () => {
  it('exports every name the explorer imports from the sources', async () => {
    const browser = (await import('talentsim/browser')) as Record<string, unknown>;
    const missing: string[] = [];
    for (const f of readdirSync('explorer/src').filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join('explorer/src', f), 'utf8');
      for (const m of text.matchAll(/^import (type )?\{([^}]*)\} from '\.\.\/\.\.\/src\/[^']+';/gm)) {
        if (m[1]) continue; // types are not runtime exports
        for (const raw of m[2].split(',').map((x) => x.trim()).filter(Boolean)) {
          if (raw.startsWith('type ')) continue;
          if (!(raw in browser)) missing.push(`${f}: ${raw}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the main entry', () => {
  it('is small, and every name it exports is documented in docs/api.md', async () => {
    const main = (await import('talentsim')) as Record<string, unknown>;
    const names = Object.keys(main);
    expect(names.length).toBeLessThanOrEqual(40);
    const doc = readFileSync('docs/api.md', 'utf8');
    for (const n of names) expect(doc, n).toContain(`\`${n}\``);
  });
});
