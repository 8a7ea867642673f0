/**
 * Per-group outputs (talentsim: villages.csv): for every replicate, year, group (village) and metric, the
 * group's value, with the group's attributes at the initial state — tidy, one row each. Like series.csv
 * they are written per replicate as a durable part file beside the series part (by the worker that ran the
 * replicate, so the main thread never holds them) and streamed into the final file in canonical order at
 * the end: memory stays bounded by one replicate, and resume, shards and merge work unchanged, with the
 * same bytes for any number of workers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvField, formatValue } from '../core/rows.js';
import type { GroupOutput } from './binding.js';
import { writeStreamDurable } from './files.js';
import type { FileRecord } from './files.js';
import type { ReplicateWithGroups } from './run-model-replicate.js';

/** What an experiment's per-group output holds (stored in its plan, so merge can rebuild it). */
export interface GroupPlan extends GroupOutput {
  /** The metrics written per group, in declaration order. */
  readonly metrics: readonly string[];
}

/** The columns of the per-group file: scenario, replicate, year, the group, its attributes, metric, value. */
export function groupColumns(g: Pick<GroupPlan, 'column' | 'attributes'>): string[] {
  return ['scenario', 'replicate', 'year', g.column, ...g.attributes, 'metric', 'value'];
}

/** The part file of one replicate's per-group rows: `parts/<unit>/<r>.<file>` (e.g. `3.villages.csv`). */
export function groupPartPath(dir: string, key: string, replicate: number, g: Pick<GroupPlan, 'file'>): string {
  return join(dir, 'parts', key, `${replicate}.${g.file}`);
}

/**
 * Writes one replicate's per-group part durably, streamed a year at a time: rows in (year, group, metric)
 * order, values as in series.csv (10 significant digits).
 */
export async function writeGroupPart(path: string, scenario: string, replicate: number, startYear: number, rep: ReplicateWithGroups, g: GroupPlan): Promise<void> {
  const index = g.metrics.map((m) => {
    const k = rep.metrics.indexOf(m);
    if (k < 0) throw new Error(`per-group metric "${m}" was not collected`);
    return k;
  });
  const head = `${csvField(scenario)},${replicate},`;
  await writeStreamDurable(path, async (write) => {
    await write(groupColumns(g).join(',') + '\n');
    for (let t = 0; t < rep.groups.length; t++) {
      const values = rep.groups[t].values;
      const n = values[0]?.length ?? 0;
      let chunk = '';
      for (let grp = 0; grp < n; grp++) {
        const attrs = rep.attributes[grp] ?? {};
        const prefix = `${head}${startYear + t},${grp},${g.attributes.map((a) => csvField(attrs[a] ?? '')).join(',')}${g.attributes.length ? ',' : ''}`;
        for (let j = 0; j < index.length; j++) chunk += `${prefix}${csvField(g.metrics[j])},${formatValue(values[index[j]][grp])}\n`;
      }
      await write(chunk);
    }
  });
}

/** Streams the final per-group file from the parts of `parts` (unit key and replicate, in canonical order). */
export async function writeGroupsFromParts(dir: string, g: GroupPlan, parts: Iterable<[key: string, replicate: number]>): Promise<FileRecord> {
  const path = join(dir, g.file);
  return writeStreamDurable(path, async (write) => {
    await write(groupColumns(g).join(',') + '\n');
    for (const [key, r] of parts) {
      const text = await readFile(groupPartPath(dir, key, r, g), 'utf8');
      const nl = text.indexOf('\n');
      await write(nl < 0 ? '' : text.slice(nl + 1));
    }
  });
}
