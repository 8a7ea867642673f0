// docs/experiments.md documents comparison.csv with a pandas and an R snippet that read it: the column lists
// of both snippets are the header of a real comparison.csv, and the documented table names every column.
// The pandas snippet itself runs where pandas is installed (skipped with the reason printed otherwise).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensemble } from '../../src/experiment/ensemble.js';
import { TOY_MODEL, tempDir, toyScenarios } from '../experiment/toy.js';

const doc = readFileSync('docs/experiments.md', 'utf8');
const block = (lang: string) => {
  const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc);
  if (!m) throw new Error(`no ${lang} snippet in docs/experiments.md`);
  return m[1];
};
const names = (list: string) => [...list.matchAll(/['"]([a-z_]+)['"]/g)].map((m) => m[1]);
// The first Python 3 that has pandas: the one on PATH, else the system's (Debian's python3-pandas, which CI installs).
const python = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0);
const pandas = python !== undefined;

describe('comparison.csv in docs/experiments.md', async () => {
  const dir = tempDir();
  await ensemble(toyScenarios(), { model: TOY_MODEL, workers: 1, outDir: dir, replicates: 3 });
  const header = readFileSync(join(dir, 'comparison.csv'), 'utf8').split('\n')[0].split(',');

  it('lists the file\'s columns in the pandas and the R snippet, and in the table', () => {
    expect(names(/COLUMNS = \[(.*)\]/.exec(block('python'))![1])).toEqual(header);
    expect(names(/columns <- c\((.*)\)/.exec(block('r'))![1])).toEqual(header);
    const table = doc.slice(doc.indexOf('## Statistics (comparison.csv'), doc.indexOf('### Reading comparison.csv'));
    for (const c of header) expect(table, c).toContain(`\`${c}\``);
  });

  it.skipIf(!pandas)('runs the pandas snippet on a real comparison.csv', () => {
    mkdirSync(join(dir, 'out', 'compare'), { recursive: true });
    spawnSync('cp', [join(dir, 'comparison.csv'), join(dir, 'out', 'compare', 'comparison.csv')]);
    const r = spawnSync(python!, ['-c', block('python')], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  if (!pandas) console.log('comparison-doc: pandas is not installed (python3-pandas): the pandas snippet is not run, only its columns checked');
});
