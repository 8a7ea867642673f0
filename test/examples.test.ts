/**
 * Every example runs, against the compiled package (examples import 'talentsim', which resolves through
 * package.json `exports` to dist/ — built by `pretest`), so the examples cannot rot. The model module
 * examples/returnee-cadres.mjs is run through ensembles and the CLI by test/experiment/user-model.test.ts
 * and test/cli/user-model.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFonts } from '../src/report/fonts.js';

const run = (file: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', file, ...args], { encoding: 'utf8', timeout: 240_000 });

describe('examples', () => {
  it('quickstart prints members and warnings at years 0, 5 and 10', () => {
    const out = run('examples/quickstart.ts');
    expect(out).toMatch(/2035 members_full\s+\d+/);
    expect(out).toMatch(/branches_warning_share/);
  }, 240_000);

  it('a custom process adds applicants and reports its own metric', () => {
    const out = run('examples/custom-process.ts');
    const lines = out.trim().split('\n').slice(1).map((l) => l.split(/\s+/).map(Number));
    expect(lines).toHaveLength(3);
    for (const [, base, programme, invited] of lines) {
      expect(invited).toBeGreaterThan(0);
      expect(programme).toBeGreaterThan(base);
    }
  }, 240_000);

  it('comparing pathways from code prints paired differences with intervals', () => {
    const out = run('examples/compare-pathways.ts', '2', '3');
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(16); // 4 pathways × 4 metrics
    expect(out).toMatch(/benefit-incentives\s+members_full\s+diff -?\d/);
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
