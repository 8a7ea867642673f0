// `talentsim sensitivity` and `talentsim robustness` end to end through main() in process (2 villages ×
// 150 villagers, 3 years, so each run is a fraction of a second): files, charts, printed tables, usage errors.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from './cli-helpers.js';

function tinyFiles(): { dir: string; base: string; benefit: string } {
  const dir = mkdtempSync(join(tmpdir(), 'talentsim-analysis-'));
  const body = (ext: string, name: string) => `extends: ${ext}\nname: ${name}\nyears: 3\ncounty: { villages: 2, population: 300 }\n`;
  const base = join(dir, 'tiny.yaml');
  const benefit = join(dir, 'tiny-benefit.yaml');
  writeFileSync(base, body('baseline', 'baseline'));
  writeFileSync(benefit, body('benefit-incentives', 'benefit-incentives'));
  return { dir, base, benefit };
}

describe('talentsim sensitivity', () => {
  it('writes sensitivity.csv and the mu* chart and prints the top drivers', async () => {
    const { dir, base } = tinyFiles();
    const out = join(dir, 'sens');
    const io = captureIo();
    const code = await main(['sensitivity', base, '--params', 'outmigration_base,farm_income', '--samples', '2', '--outcome', 'branches_warning_share', '--workers', '1', '--out', out, '--top', '2'], io);
    expect(io.err).toBe('');
    expect(code).toBe(0);
    const csv = readFileSync(join(out, 'sensitivity.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('method,outcome,parameter,index,value,ci_low,ci_high,effect_of');
    expect(csv.length).toBe(1 + 2 * 3);
    expect(existsSync(join(out, 'charts', 'morris-mu-star.svg'))).toBe(true);
    expect(existsSync(join(out, 'charts', 'morris-mu-star.png'))).toBe(true);
    expect(io.out).toMatch(/branches_warning_share: top 2 by mu\*/);
  });

  it('exits 2 on an unknown method or parameter', async () => {
    const { base } = tinyFiles();
    const io = captureIo();
    expect(await main(['sensitivity', base, '--method', 'fast'], io)).toBe(2);
    const io2 = captureIo();
    expect(await main(['sensitivity', base, '--params', 'farm_incom', '--workers', '1'], io2)).toBe(2);
    expect(io2.err).toMatch(/did you mean "farm_income"/);
  });
});

describe('talentsim robustness', () => {
  it('writes robustness.csv and the win-share chart for the scenarios given', async () => {
    const { dir, base, benefit } = tinyFiles();
    const out = join(dir, 'rob');
    const io = captureIo();
    const code = await main(['robustness', base, benefit, '--samples', '3', '--params', 'outmigration_base,farm_income', '--workers', '1', '--out', out], io);
    // 3 draws for 2 parameters: scenario discovery's small-sample rule (10 draws per parameter) warns.
    expect(io.err).toBe(
      'warning: robustness: 3 draws for 2 parameters: scenario discovery needs at least 10 draws per parameter searched (20 here); ' +
        'with fewer, some range separates wins from losses by chance alone. Draw more, or search fewer parameters (--samples, --params)\n',
    );
    expect(code).toBe(0);
    const csv = readFileSync(join(out, 'robustness.csv'), 'utf8').trim().split('\n');
    expect(csv.length).toBe(1 + 2 * 4);
    expect(existsSync(join(out, 'charts', 'robustness-wins.svg'))).toBe(true);
    expect(io.out).toMatch(/benefit-incentives/);
  });
});
