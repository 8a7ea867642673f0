// A report is rebuilt from an output folder's files alone: the metric labels, units, directions and main
// outcomes come from manifest.json's metric metadata, not from the model — here a user's model whose
// module is deleted before the report is built.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { rebuildReport } from '../../src/report/rebuild.js';
import { tempDir, toyScenarios } from '../experiment/toy.js';

const TOY = fileURLToPath(new URL('../fixtures/toy-model.mjs', import.meta.url));

/** A user's binding module next to a copy of the toy model: the toy metrics, "total" a main outcome of the report. */
function userModel(dir: string): string {
  copyFileSync(TOY, join(dir, 'toy-model.mjs'));
  const file = join(dir, 'user-model.mjs');
  writeFileSync(file, `import { buildModel } from ${JSON.stringify(pathToFileURL(join(dir, 'toy-model.mjs')).href)};
const probe = buildModel({ name: 'probe', parameters: {}, county: { villages: 1 } }, { replicate: 0 });
const meta = probe.metrics.map(({ perGroup: _p, aggregate: _a, ...m }) => m);
const total = { ...meta[0], label: { en: 'Counted things', zh: '计数' }, phrase: { en: 'the counted things', zh: '计数' }, report: 1, main: 1 };
export default { id: 'user-toy', factory: buildModel, metrics: [total, ...meta.slice(1)] };
`);
  return file;
}

describe('rebuildReport', () => {
  it('reads every metric fact from the manifest, so the report needs nothing but the output folder', async () => {
    const dir = tempDir('talentsim-rebuild-');
    const out = join(dir, 'out');
    const model = userModel(dir);
    await ensemble(toyScenarios(), { model: { module: model }, workers: 1, outDir: out, metrics: ['total'] });
    rmSync(model);
    rmSync(join(dir, 'toy-model.mjs')); // the model is gone; only the output folder is left
    const { report } = await rebuildReport(out);
    const html = readFileSync(report, 'utf8');
    // booleans, so a failure does not print the 1 MB page
    expect(html.includes('<td class="outcome">Counted things</td>'), 'outcome label from the manifest').toBe(true);
    const reading = html.slice(html.indexOf('<ul class="reading">'), html.indexOf('</ul>', html.indexOf('<ul class="reading">')));
    expect(reading).toMatch(/boost raised the counted things most by 2029: \+4\.0 count \(95% CI/);
    expect(html.includes('metricMetadata'), 'metricMetadata shown').toBe(false); // read, not shown in the run list
    expect(existsSync(join(out, 'charts', 'pathway-effects.svg'))).toBe(true);
    expect(readFileSync(join(out, 'charts', 'pathway-effects.svg'), 'utf8')).toContain('Counted things');
  }, 120_000);

  it('names the file and the entry when the metric metadata is incomplete', async () => {
    const dir = tempDir('talentsim-rebuild-');
    const out = join(dir, 'out');
    await ensemble(toyScenarios(), { model: { module: userModel(dir) }, workers: 1, outDir: out, metrics: ['total'], replicates: 2 });
    const path = join(out, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    delete manifest.metricMetadata[0].direction;
    writeFileSync(path, JSON.stringify(manifest));
    await expect(rebuildReport(out)).rejects.toThrow(/manifest\.json: metricMetadata\[0\]: metric "total": direction must be/);
  }, 120_000);
});
