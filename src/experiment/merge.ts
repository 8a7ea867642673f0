/**
 * `mergeShards`: joins the output directories of shards 1/N..N/N into exactly what one machine would have
 * written — the same part files, and byte-identical series.csv, comparison.csv and summary.json. Shards
 * may also have written into one shared directory (then merge it into itself).
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { ExperimentInputError } from './errors.js';
import { outputFiles, SHARD_FORMAT, writeManifest, type ExperimentResult, type ShardManifest } from './experiment.js';
import { writeJsonDurable } from './files.js';
import { partPath, shardsDir, unitMetaPath } from './layout.js';
import { buildSummary, comparisonRows, sortFailures, writeSeriesFromParts, writeStatistics, type ReplicateFailure } from './outputs.js';
import { formatShard } from './shard.js';
import { ValueTable } from './value-table.js';

/** Options of {@link mergeShards}. */
export interface MergeOptions {
  /** The command line, recorded in manifest.json. */
  command?: string;
}

async function readShardManifests(dir: string): Promise<ShardManifest[]> {
  const sd = shardsDir(dir);
  if (!existsSync(sd)) return [];
  const names = (await readdir(sd)).filter((n) => /^\d+-of-\d+\.json$/.test(n)).sort();
  const out: ShardManifest[] = [];
  for (const n of names) {
    const m = JSON.parse(await readFile(join(sd, n), 'utf8')) as { format?: unknown };
    if (typeof m.format !== 'string' || !m.format.startsWith('talentsim-shard/')) throw new ExperimentInputError(`${join(sd, n)}: not a talentsim shard manifest`);
    if (m.format !== SHARD_FORMAT) {
      throw new ExperimentInputError(`${join(sd, n)}: shard manifest format ${m.format}, this version reads ${SHARD_FORMAT}; run the shard again with this version`);
    }
    out.push(m as ShardManifest);
  }
  return out;
}

async function copyDurably(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  const tmp = `${to}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await copyFile(from, tmp);
  await rename(tmp, to);
}

/** Merges shard output directories into `outDir` and writes the final outputs. */
export async function mergeShards(dirs: readonly string[], outDir: string, options: MergeOptions = {}): Promise<ExperimentResult> {
  const started = Date.now();
  if (dirs.length === 0) throw new ExperimentInputError('merge needs at least one shard directory');
  const found: { dir: string; manifest: ShardManifest }[] = [];
  const problems: string[] = [];
  for (const d of dirs) {
    if (!existsSync(d)) {
      problems.push(`${d}: no such directory`);
      continue;
    }
    const ms = await readShardManifests(d);
    if (ms.length === 0) problems.push(`${d}: no shard manifest (shards/K-of-N.json); was it run with --shard?`);
    for (const m of ms) found.push({ dir: d, manifest: m });
  }
  if (problems.length) throw new ExperimentInputError(problems);

  const first = found[0].manifest;
  const planText = JSON.stringify(first.plan);
  const count = first.shard.count;
  const have = new Set<number>();
  for (const { dir, manifest } of found) {
    if (manifest.shard.count !== count) problems.push(`${dir}: shard ${formatShard(manifest.shard)} does not belong to a split into ${count}`);
    else if (JSON.stringify(manifest.plan) !== planText) {
      problems.push(`${dir}: shard ${formatShard(manifest.shard)} ran different scenarios, replicates or metrics than shard ${formatShard(first.shard)}`);
    } else have.add(manifest.shard.index);
  }
  for (let k = 1; k <= count; k++) if (!have.has(k)) problems.push(`shard ${k}/${count} is missing`);
  if (problems.length) throw new ExperimentInputError(problems);

  const plan = first.plan;
  const failures: ReplicateFailure[] = [];
  const seenFailure = new Set<string>();
  for (const { manifest } of found) {
    for (const f of manifest.failures) {
      const key = JSON.stringify([f.scenario, f.parameters ?? null, f.replicate]);
      if (!seenFailure.has(key)) failures.push(f);
      seenFailure.add(key);
    }
  }
  const table = new ValueTable(plan.units, plan.metrics.map((m) => m.name));
  for (let u = 0; u < plan.units.length; u++) {
    const unit = plan.units[u];
    await writeJsonDurable(unitMetaPath(outDir, unit.key), { name: unit.scenario.name, hash: unit.hash });
    for (let r = 0; r < unit.replicates; r++) {
      const src = found.find(({ dir, manifest }) => manifest.shard.index - 1 === r % count && manifest.done[unit.key]?.includes(r) && existsSync(partPath(dir, unit.key, r)));
      if (!src) {
        const failed = failures.some((f) => f.scenario === unit.scenario.name && f.replicate === r);
        if (!failed) problems.push(`${unit.scenario.name} replicate ${r}: no part file in shard ${(r % count) + 1}/${count}`);
        continue;
      }
      const from = partPath(src.dir, unit.key, r);
      const to = partPath(outDir, unit.key, r);
      if (resolve(from) !== resolve(to)) await copyDurably(from, to);
      table.addPart(u, r, await readFile(to, 'utf8'));
    }
  }
  if (problems.length) throw new ExperimentInputError(problems);

  const sortedFailures = sortFailures(plan, failures);
  const comparison = comparisonRows(plan, table);
  const summary = buildSummary(plan, table, comparison, sortedFailures);
  await writeSeriesFromParts(outDir, plan, table);
  await writeStatistics(outDir, plan, comparison, summary, sortedFailures, table);
  await writeManifest(outDir, plan, {
    model: first.model,
    workers: null,
    shard: null,
    computed: 0,
    skipped: 0,
    failures: sortedFailures.length,
    started,
    command: options.command,
    merged: found.map(({ dir, manifest }) => `${dir} (${formatShard(manifest.shard)})`),
  });
  return {
    plan,
    failures: sortedFailures,
    comparison,
    summary,
    computed: 0,
    skipped: 0,
    seconds: (Date.now() - started) / 1000,
    files: outputFiles(outDir, plan, sortedFailures),
  };
}
