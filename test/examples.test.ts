/**
 * Every example runs, against the compiled package (examples import 'talentsim' and its subpaths, which
 * resolve through package.json `exports` to dist/ — built by `pretest`), so the examples cannot rot; the
 * TypeScript ones are also type-checked against the exported types. The model module
 * examples/returnee-cadres.mjs is run through ensembles and the CLI by test/experiment/user-model.test.ts and
 * test/cli/user-model.test.ts; the user-lever and Yao20 study examples through the CLI by
 * test/cli/study-examples.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFonts } from '../src/report/fonts.js';

/** Runs an example: TypeScript through tsx, JavaScript as it is. */
const run = (file: string, ...args: string[]) =>
  execFileSync(process.execPath, [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), file, ...args], { encoding: 'utf8', timeout: 240_000 });

describe('examples', () => {
  it('type-check against the package\'s exported types (a factory returning talentModel needs no cast)', () => {
    const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
    expect(execFileSync(process.execPath, [tsc, '-p', 'examples/tsconfig.json'], { encoding: 'utf8', timeout: 240_000 })).toBe('');
  }, 240_000);

  it('quickstart prints members and warnings at years 0, 5 and 10', () => {
    const out = run('examples/quickstart.ts');
    expect(out).toMatch(/2035 members_full\s+\d+/);
    expect(out).toMatch(/branches_warning_share/);
  }, 240_000);

  it('a custom process adds applicants and reports its own metric (talentsim/core, talentsim/model)', () => {
    const out = run('examples/custom-process.ts');
    const lines = out.trim().split('\n').slice(1).map((l) => l.split(/\s+/).map(Number));
    expect(lines).toHaveLength(3);
    for (const [, base, programme, invited] of lines) {
      expect(invited).toBeGreaterThan(0);
      expect(programme).toBeGreaterThan(base);
    }
  }, 240_000);

  it('a targeted policy costs less than the same lever everywhere; the dose-response prints spend and effects', () => {
    const out = run('examples/targeted-policy.ts');
    const spend = (name: string) => Number(new RegExp(`${name}\\s+spend (\\d+)`).exec(out)![1]);
    expect(spend('everywhere')).toBe(36000);
    expect(spend('warned-only')).toBeGreaterThan(0);
    expect(spend('warned-only')).toBeLessThan(36000);
    expect(out.match(/^first_secretary /gm)).toHaveLength(3);
  }, 240_000);

  it('comparing pathways from code prints paired differences with intervals', () => {
    const out = run('examples/compare-pathways.ts', '2', '3');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(16); // 4 pathways × 4 metrics
    expect(out).toMatch(/benefit-incentives\s+members_full\s+diff -?\d/);
  }, 240_000);

  it('a typed factory without the culture process changes cultural life', () => {
    const m = /with the culture process ([\d.]+), without ([\d.]+)/.exec(run('examples/typed-factory.ts'));
    expect(m).not.toBeNull();
    expect(Number(m![1])).not.toBe(Number(m![2]));
  }, 240_000);

  it('the browser subpath resolves a scenario from text and runs a replicate as series rows', () => {
    const lines = run('examples/browser-run.mjs').trim().split('\n');
    expect(lines[0]).toBe('scenario,replicate,seed,year,metric,value');
    expect(lines).toHaveLength(1 + 6 * 2); // years 2025-2030 × 2 metrics
    expect(lines[1]).toMatch(/^culture-small,0,1,2025,applicants,\d+$/);
  }, 240_000);

  it('the engine subpath runs a model that is not the talent model, with paired differences', () => {
    const m = /more-recruits vs base in 2035: ([\d.-]+) members \[([\d.-]+), ([\d.-]+)\]/.exec(run('examples/engine-only.mjs'));
    expect(m).not.toBeNull();
    const [diff, low, high] = m!.slice(1).map(Number);
    // 10 places × 0.1 more recruits a year over 10 years, less the extra leavers: well above 0.
    expect(low).toBeGreaterThan(0);
    expect(diff).toBeGreaterThan(low);
    expect(high).toBeGreaterThan(diff);
  }, 240_000);

  // Chinese charts need a CJK font (apt-get install fonts-noto-cjk); CI installs it, elsewhere a machine without one skips this.
  it.skipIf(findFonts().cjk.length === 0 && !process.env.CI)('a report from code is written in Chinese with a section of its own, and the summaries in both languages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talentsim-example-report-'));
    try {
      const out = run('examples/bilingual-report.ts', dir);
      expect(out).toContain(`summary: ${join(dir, 'summary.zh.html')}`);
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      const headings = [...html.slice(0, html.indexOf('<script')).matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
      expect(headings.slice(0, 3)).toEqual(['决策摘要', '给乡镇党委的说明', '结果解读']);
      expect(html).toContain('data-chart="township-recruits"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
