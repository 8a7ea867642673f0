// `talentsim report DIR --robustness DIR2`, `compare --robustness` and the robustness run's own report.html,
// end to end through main() in process on tiny scenarios (2–3 villages, 3 years; each run a fraction of a second).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from './cli-helpers.js';

const HEADING = '<h2>How robust is the ranking?</h2>';

describe('the robustness section through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talentsim-report-robustness-'));
  const rob = join(dir, 'rob');
  const cmp = join(dir, 'cmp');
  const base = join(dir, 'tiny.yaml');
  const benefit = join(dir, 'tiny-benefit.yaml');

  beforeAll(async () => {
    const body = (ext: string, name: string) => `extends: ${ext}\nname: ${name}\nyears: 3\nreplicates: 2\ncounty: { villages: 2, population: 300 }\n`;
    writeFileSync(base, body('baseline', 'baseline'));
    writeFileSync(benefit, body('benefit-incentives', 'benefit-incentives'));
    const io = captureIo();
    expect(await main(['robustness', base, benefit, '--samples', '3', '--params', 'outmigration_base,farm_income', '--outcome', 'members_full', '--workers', '1', '--quiet', '--out', rob], io)).toBe(0);
    expect(await main(['compare', base, benefit, '--workers', '1', '--quiet', '--no-report', '--out', cmp], io)).toBe(0);
    // Only the small-sample warning: 3 draws for 2 parameters is below scenario discovery's 10 per parameter.
    expect(io.err).toMatch(/^warning: robustness: 3 draws for 2 parameters: [^\n]*\n$/);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('robustness --out writes a report.html with the section and the manifest', () => {
    const html = readFileSync(join(rob, 'report.html'), 'utf8');
    expect(html.includes(HEADING)).toBe(true);
    expect(html.includes('<dt>Command</dt><dd><code>talentsim robustness')).toBe(true);
    expect(html.includes('<h2>Main outcomes')).toBe(false);
  });

  it('report DIR --robustness DIR2 adds the section and the win-share chart files', async () => {
    const io = captureIo();
    expect(await main(['report', cmp], io)).toBe(0);
    expect(readFileSync(join(cmp, 'report.html'), 'utf8').includes(HEADING)).toBe(false);
    expect(await main(['report', cmp, '--robustness', rob], io)).toBe(0);
    expect(io.err).toBe('');
    const html = readFileSync(join(cmp, 'report.html'), 'utf8');
    expect(html.includes(HEADING)).toBe(true);
    expect(html.includes('<h2>Main outcomes')).toBe(true);
    expect(html.includes('Full members (higher is better):')).toBe(true);
    expect(existsSync(join(cmp, 'charts', 'robustness-wins.svg'))).toBe(true);
  }, 60_000);

  it('report DIR picks up DIR/robustness/robustness.csv by convention, and rebuilds a robustness folder alone', async () => {
    const conv = join(dir, 'conv');
    const io = captureIo();
    expect(await main(['compare', base, benefit, '--workers', '1', '--quiet', '--no-report', '--out', conv], io)).toBe(0);
    mkdirSync(join(conv, 'robustness'));
    copyFileSync(join(rob, 'robustness.csv'), join(conv, 'robustness', 'robustness.csv'));
    expect(await main(['report', conv], io)).toBe(0);
    expect(readFileSync(join(conv, 'report.html'), 'utf8').includes(HEADING)).toBe(true);
    rmSync(join(rob, 'report.html'));
    expect(await main(['report', rob], io)).toBe(0);
    expect(readFileSync(join(rob, 'report.html'), 'utf8').includes(HEADING)).toBe(true);
    expect(io.err).toBe('');
  }, 60_000);

  it('report --robustness on a folder without robustness.csv is a usage error (exit 2)', async () => {
    const io = captureIo();
    expect(await main(['report', cmp, '--robustness', dir], io)).toBe(2);
    expect(io.err).toMatch(/no robustness\.csv/);
  });

  it('compare --robustness DIR2 writes the report with the section', async () => {
    const out = join(dir, 'cmp2');
    const io = captureIo();
    expect(await main(['compare', base, benefit, '--workers', '1', '--quiet', '--robustness', rob, '--out', out], io)).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8').includes(HEADING)).toBe(true);
  }, 60_000);
});
