// docs/experiments.md shows the SLURM scripts that `talentsim sbatch` really writes for the documented
// command line (the working directory, node and talentsim paths replaced by the documented ones).
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../cli/cli-helpers.js';
import { asDocumented, sbatchMain, slurmDocExample } from '../slurm/helpers.js';

describe('docs/experiments.md: SLURM job array', () => {
  it('shows exactly the scripts talentsim sbatch writes for the documented command', async () => {
    const doc = slurmDocExample();
    const cwd = realpathSync(tempDir());
    const r = await sbatchMain(cwd, doc.args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = join(cwd, doc.args[doc.args.indexOf('--out') + 1]);
    expect(asDocumented(readFileSync(join(out, 'talentsim-array.sbatch'), 'utf8'), cwd)).toBe(doc.array);
    expect(asDocumented(readFileSync(join(out, 'talentsim-merge.sbatch'), 'utf8'), cwd)).toBe(doc.merge);
  });
});
