// Issue 17, items 3-5: a part's identity includes the talentsim version and the model fingerprint (mixed
// versions refused by resume and merge unless --allow-version-mismatch); parts without a verifiable
// identity (no unit.json) are never reused; each part carries its row count and checksum, and a damaged
// part is named and recomputed.
import { cpSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledResolver } from '../../src/experiment/compiled.js';
import { ensemble } from '../../src/experiment/ensemble.js';
import { ExperimentInputError } from '../../src/experiment/errors.js';
import { checkPartText, partFileText } from '../../src/experiment/parts.js';
import { talentBinding } from '../../src/talent/binding.js';
import { outputs, tinyScenarios } from '../cli/cli-helpers.js';
import { TOY_MODEL as TOY, tempDir, toyScenarios } from '../experiment/toy.js';
import { cli, manifestOf, temp, TOY_MODEL } from './helpers.js';

const T = 120_000;

/** Replaces `from` by `to` in a file. */
function edit(path: string, from: string | RegExp, to: string): void {
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

describe('issue 17 item 5: each part carries its row count and checksum', () => {
  const id = { unit: 'u1', talentsim: '0.1.0', model: 'm1' };
  const csv = 'scenario,replicate,seed,year,metric,value\nb,0,1,2025,total,3\nb,0,1,2026,total,4\n';

  it('verifies an intact part and names what is wrong with a damaged one', () => {
    const text = partFileText(csv, id);
    expect(text.split('\n').at(-2)).toMatch(/^#talentsim-part\/1 unit=u1 talentsim=0\.1\.0 model=m1 rows=2 sha256=[0-9a-f]{64}$/);
    expect(checkPartText(text, id)).toMatchObject({ ok: true, csv });
    expect(checkPartText('', id)).toMatchObject({ ok: false, message: 'empty (0 bytes)' });
    expect(checkPartText(text.slice(0, 60), id)).toMatchObject({ ok: false, kind: 'corrupt' });
    expect(checkPartText(csv, id)).toMatchObject({ ok: false, message: expect.stringContaining('no talentsim-part/1 trailer') });
    expect(checkPartText(text.replace('2026,total,4', '2026,total,5'), id)).toMatchObject({ ok: false, message: expect.stringContaining('checksum mismatch') });
    expect(checkPartText(text, { ...id, unit: 'u2' })).toMatchObject({ ok: false, kind: 'corrupt', message: expect.stringContaining('belongs to other settings') });
    expect(checkPartText(text, { ...id, talentsim: '0.2.0' })).toMatchObject({ ok: false, kind: 'version' });
  });

  it('names and recomputes truncated, empty, garbage and folder parts and a damaged unit.json on --resume (real binary)', async () => {
    const dir = temp();
    const { base, fort } = tinyScenarios(dir);
    const args = (out: string) => ['compare', base, fort, '--out', out, '--workers', '1', '--replicates', '6', '--no-report', '--quiet', '--model', TOY_MODEL];
    const whole = join(dir, 'whole');
    expect((await cli(args(whole))).code).toBe(0);
    const out = join(dir, 'damaged');
    cpSync(whole, out, { recursive: true });
    const p = (unit: string, r: number | string) => join(out, 'parts', unit, typeof r === 'number' ? `${r}.csv` : r);
    truncateSync(p('baseline', 1), 120);
    writeFileSync(p('baseline', 2), '');
    writeFileSync(p('baseline', 3), 'garbage\n\u0000\u0001 not a part\n');
    rmSync(p('baseline', 4));
    mkdirSync(p('baseline', 4));
    writeFileSync(p('tiny-fort', 'unit.json'), '{ not json');
    const r = await cli([...args(out), '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${join(out, 'parts', 'baseline')}: 4 part file(s) could not be verified and are recomputed: 1.csv truncated`);
    expect(r.stderr).toMatch(/2\.csv empty \(0 bytes\); 3\.csv no talentsim-part\/1 trailer/);
    expect(r.stderr).toContain(`${p('tiny-fort', 'unit.json')}: not valid JSON`);
    expect(manifestOf(out)).toMatchObject({ replicatesResumed: 2, replicatesComputed: 10 });
    expect(outputs(out)).toEqual(outputs(whole));
  }, T);
});

describe('issue 17 item 4: parts without a verifiable identity are never reused', () => {
  it('recomputes every part when unit.json is missing, so a resume with another seed gives that seed (real binary)', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const args = (out: string, seed: string) => ['run', base, '--out', out, '--workers', '1', '--replicates', '4', '--seed', seed, '--quiet', '--model', TOY_MODEL];
    const seven = join(dir, 'seven');
    expect((await cli(args(seven, '7'))).code).toBe(0);
    const out = join(dir, 'out');
    expect((await cli(args(out, '1'))).code).toBe(0);
    rmSync(join(out, 'parts', 'baseline', 'unit.json'));
    const r = await cli([...args(out, '7'), '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${join(out, 'parts', 'baseline', 'unit.json')}: missing; the 4 part file(s) in ${join(out, 'parts', 'baseline')} cannot be verified and are recomputed`);
    expect(manifestOf(out)).toMatchObject({ replicatesResumed: 0, replicatesComputed: 4 });
    expect(outputs(out, ['series.csv', 'summary.json'])).toEqual(outputs(seven, ['series.csv', 'summary.json']));
  }, T);
});

describe('issue 17 item 3: mixed talentsim versions and model code are refused', () => {
  it('refuses to resume from parts of another version or model fingerprint unless allowed, and then says so in the manifest', async () => {
    const dir = tempDir();
    await ensemble(toyScenarios(), { model: TOY, workers: 1, outDir: dir, replicates: 3, shard: { index: 1, count: 2 } });
    const unit = join(dir, 'parts', 'boost', 'unit.json');
    edit(unit, /"talentsim": "[^"]+"/, '"talentsim": "0.0.1"');
    const resume = { model: TOY, workers: 1, outDir: dir, replicates: 3, resume: true } as const;
    await expect(ensemble(toyScenarios(), resume)).rejects.toThrow(ExperimentInputError);
    await expect(ensemble(toyScenarios(), resume)).rejects.toThrow(/were computed by talentsim 0\.0\.1 .*pass --allow-version-mismatch/);
    edit(unit, '"talentsim": "0.0.1"', `"talentsim": "${JSON.parse(readFileSync(join(dir, 'parts', 'baseline', 'unit.json'), 'utf8')).talentsim}"`);
    edit(join(dir, 'parts', 'boost', '0.csv'), / model=\S+/, ' model=0123456789abcdef');
    await expect(ensemble(toyScenarios(), resume)).rejects.toThrow(/0\.csv: computed by talentsim \S+ with model fingerprint 0123456789abcdef/);
    const allowed = await ensemble(toyScenarios(), { ...resume, allowVersionMismatch: true });
    expect(allowed.skipped).toBe(6);
    expect(manifestOf(dir).mixedVersions).toEqual([expect.stringMatching(/model fingerprint (?!0123)\S+: 5 resumed part/), expect.stringMatching(/0123456789abcdef: 1 resumed part/)]);
  });

  it('makes merge refuse shards of different versions (exit 2) unless --allow-version-mismatch (real binary)', async () => {
    const dir = temp();
    const { base } = tinyScenarios(dir);
    const shard = (k: number) => ['run', base, '--out', join(dir, `s${k}`), '--shard', `${k}/2`, '--workers', '1', '--replicates', '4', '--quiet', '--model', TOY_MODEL];
    for (const k of [1, 2]) expect((await cli(shard(k))).code).toBe(0);
    edit(join(dir, 's2', 'shards', '2-of-2.json'), /"talentsim": "[^"]+"/, '"talentsim": "0.2.0"');
    const merge = ['merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'merged'), '--no-report', '--quiet'];
    const refused = await cli(merge);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/shard 2\/2 was computed by talentsim 0\.2\.0 .*pass --allow-version-mismatch/);
    const allowed = await cli([...merge, '--allow-version-mismatch']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(manifestOf(join(dir, 'merged')).mixedVersions).toHaveLength(2);
  }, T);

  it('fingerprints the model sources the same from src/ and from the build, and changes with them', () => {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'model'), { recursive: true });
    mkdirSync(join(root, 'src', 'report'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'src', 'model', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'src', 'report', 'b.ts'), 'export const b = 1;\n');
    const r = compiledResolver(root);
    r.writeFingerprint();
    const fromSources = r.sourcesFingerprint(['model'], true);
    expect(r.sourcesFingerprint(['model'], false)).toBe(fromSources);
    writeFileSync(join(root, 'src', 'report', 'b.ts'), 'export const b = 2;\n');
    expect(r.sourcesFingerprint(['model'], true)).toBe(fromSources); // outside the model: same
    writeFileSync(join(root, 'src', 'model', 'a.ts'), 'export const a = 2;\n');
    expect(r.sourcesFingerprint(['model'], true)).not.toBe(fromSources);
    expect(talentBinding.fingerprint?.()).toMatch(/^[0-9a-f]{16}$/);
  });
});
