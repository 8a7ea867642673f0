/**
 * Every example runs, against the compiled package (examples import 'talentsim', which resolves through
 * package.json `exports` to dist/ — built by `pretest`), so the examples cannot rot. The model module
 * examples/returnee-cadres.mjs is run through ensembles and the CLI by test/experiment/user-model.test.ts
 * and test/cli/user-model.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

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
});
