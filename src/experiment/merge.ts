/**
 * `mergeShards`: joins the output directories of shards 1/N..N/N into exactly what one machine would have
 * written — the same part files, and byte-identical series.csv, comparison.csv and summary.json. Shards
 * may also have written into one shared directory (then merge it into itself). Every part is verified
 * (checksum, row count, unit) before it is used, shards of different talentsim versions or model code are
 * refused unless explicitly allowed, the output folder (and each shard folder) is locked while merging,
 * and parts are copied durably (temp name, fsync, rename, fsync of the folder).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { EnvironmentError, ExperimentInputError } from './errors.js';
import { checkOutDir, outputFiles, SHARD_FORMAT, writeOutputs, type ExperimentResult, type ShardManifest } from './experiment.js';
import { readJsonIfExists, writeFileDurable, writeJsonDurable } from './files.js';
import { groupPartPath } from './group-output.js';
import { partPath, shardsDir, unitMetaPath } from './layout.js';
import { lockOutputDir, type OutputLock } from './lock.js';
import { buildSummary, comparisonRows, sortFailures, type ReplicateFailure } from './outputs.js';
import { readPartFile, UNIT_FORMAT, type UnitMeta } from './parts.js';
import { formatShard } from './shard.js';
import { ValueTable } from './value-table.js';

/** Options of {@link mergeShards}. */
export interface MergeOptions {
  /** The command line, recorded in manifest.json. */
  command?: string;
  /** Merge shards computed by different talentsim versions or model code (default false: refused). */
  allowVersionMismatch?: boolean;
}

async function readShardManifests(dir: string): Promise<ShardManifest[]> {
  const sd = shardsDir(dir);
  if (!existsSync(sd)) return [];
  const names = (await readdir(sd)).filter((n) => /^\d+-of-\d+\.json$/.test(n)).sort();
  const out: ShardManifest[] = [];
  for (const n of names) {
    const m = (await readJsonIfExists<{ format?: unknown }>(join(sd, n))) ?? {};
    if (!m || typeof m !== 'object' || typeof m.format !== 'string' || !m.format.startsWith('talentsim-shard/')) {
      throw new ExperimentInputError(`${join(sd, n)}: not a talentsim shard manifest`);
    }
    if (m.format !== SHARD_FORMAT) {
      throw new ExperimentInputError(`${join(sd, n)}: shard manifest format ${m.format}, this version reads ${SHARD_FORMAT}; run the shard again with this version`);
    }
    out.push(m as ShardManifest);
  }
  return out;
}

/** Merges shard output directories into `outDir` and writes the final outputs. */
export async function mergeShards(dirs: readonly string[], outDir: string, options: MergeOptions = {}): Promise<ExperimentResult> {
  if (!Array.isArray(dirs) || dirs.some((d) => typeof d !== 'string' || d.trim() === '')) {
    throw new ExperimentInputError('merge needs a list of shard directories (non-empty paths)');
  }
  if (dirs.length === 0) throw new ExperimentInputError('merge needs at least one shard directory');
  const out = checkOutDir(outDir);
  if (out === undefined) throw new ExperimentInputError('merge needs an output directory');
  const problems = dirs.filter((d) => !existsSync(d)).map((d) => `${d}: no such directory`);
  if (problems.length) throw new ExperimentInputError(problems);
  const locks: OutputLock[] = [];
  try {
    locks.push(await lockOutputDir(out, { command: options.command }));
    // Each shard folder too, so a shard still running is not read half-done; a folder this process
    // cannot write (a read-only copy) cannot be written by a run either, and is read unlocked.
    for (const d of dirs) {
      try {
        locks.push(await lockOutputDir(d, { command: options.command }));
      } catch (e) {
        if (!(e instanceof EnvironmentError && ['EROFS', 'EACCES', 'EPERM'].includes(e.code ?? ''))) throw e;
      }
    }
    return await mergeLocked(dirs, out, options);
  } finally {
    for (const l of locks.reverse()) await l.release();
  }
}

async function mergeLocked(dirs: readonly string[], outDir: string, options: MergeOptions): Promise<ExperimentResult> {
  const started = Date.now();
  const found: { dir: string; manifest: ShardManifest }[] = [];
  const problems: string[] = [];
  for (const d of dirs) {
    const ms = await readShardManifests(d);
    if (ms.length === 0) problems.push(`${d}: no shard manifest (shards/K-of-N.json); was it run with --shard?`);
    for (const m of ms) found.push({ dir: d, manifest: m });
  }
  if (problems.length) throw new ExperimentInputError(problems);

  const first = found[0].manifest;
  const planText = JSON.stringify(first.plan);
  const count = first.shard.count;
  const have = new Set<number>();
  const versionOf = (m: ShardManifest) => `talentsim ${m.talentsim} with model fingerprint ${m.fingerprint}`;
  for (const { dir, manifest } of found) {
    if (manifest.shard.count !== count) problems.push(`${dir}: shard ${formatShard(manifest.shard)} does not belong to a split into ${count}`);
    else if (JSON.stringify(manifest.plan) !== planText) {
      problems.push(`${dir}: shard ${formatShard(manifest.shard)} ran different scenarios, replicates or metrics than shard ${formatShard(first.shard)}`);
    } else if (!options.allowVersionMismatch && versionOf(manifest) !== versionOf(first)) {
      problems.push(
        `${dir}: shard ${formatShard(manifest.shard)} was computed by ${versionOf(manifest)}, shard ${formatShard(first.shard)} by ${versionOf(first)}; ` +
          'rerun the shards with one version, or pass --allow-version-mismatch to merge them anyway',
      );
    } else have.add(manifest.shard.index);
  }
  for (let k = 1; k <= count; k++) if (!have.has(k) && !problems.some((p) => p.includes(`shard ${k}/${count} `))) problems.push(`shard ${k}/${count} is missing`);
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
  const versions = new Set(found.map(({ manifest }) => versionOf(manifest)));
  const table = new ValueTable(plan.units, plan.metrics.map((m) => m.name));
  for (let u = 0; u < plan.units.length; u++) {
    const unit = plan.units[u];
    const meta: UnitMeta = { format: UNIT_FORMAT, name: unit.scenario.name, hash: unit.hash, talentsim: first.talentsim, modelId: first.model, fingerprint: first.fingerprint };
    await writeJsonDurable(unitMetaPath(outDir, unit.key), meta);
    for (let r = 0; r < unit.replicates; r++) {
      const src = found.find(({ dir, manifest }) => manifest.shard.index - 1 === r % count && manifest.done[unit.key]?.includes(r) && existsSync(partPath(dir, unit.key, r)));
      if (!src) {
        const failed = failures.some((f) => f.scenario === unit.scenario.name && f.replicate === r);
        if (!failed) problems.push(`${unit.scenario.name} replicate ${r}: no part file in shard ${(r % count) + 1}/${count}`);
        continue;
      }
      const from = partPath(src.dir, unit.key, r);
      const expectVersion = options.allowVersionMismatch ? {} : { talentsim: src.manifest.talentsim, model: src.manifest.fingerprint };
      const part = await readPartFile(from, { unit: unit.hash, ...expectVersion });
      if (!part.ok) {
        problems.push(`${from}: ${part.message}; rerun shard ${formatShard(src.manifest.shard)} with --resume to recompute it`);
        continue;
      }
      const to = partPath(outDir, unit.key, r);
      if (plan.groups) {
        const gFrom = groupPartPath(src.dir, unit.key, r, plan.groups);
        const gTo = groupPartPath(outDir, unit.key, r, plan.groups);
        if (!existsSync(gFrom)) {
          problems.push(`${unit.scenario.name} replicate ${r}: no ${plan.groups.file} part in shard ${formatShard(src.manifest.shard)}`);
          continue;
        }
        if (resolve(gFrom) !== resolve(gTo)) await writeFileDurable(gTo, await readFile(gFrom));
      }
      if (resolve(from) !== resolve(to)) await writeFileDurable(to, part.text);
      table.addPart(u, r, part.csv);
    }
  }
  if (problems.length) throw new ExperimentInputError(problems);

  const sortedFailures = sortFailures(plan, failures);
  const comparison = comparisonRows(plan, table);
  const summary = buildSummary(plan, table, comparison, sortedFailures);
  await writeOutputs(outDir, plan, table, comparison, summary, sortedFailures, true, {
    model: first.model,
    fingerprint: first.fingerprint,
    workers: null,
    shard: null,
    computed: 0,
    skipped: 0,
    failures: sortedFailures.length,
    started,
    command: options.command,
    merged: found.map(({ dir, manifest }) => `${dir} (${formatShard(manifest.shard)})`),
    ...(versions.size > 1 ? { mixedVersions: [...versions] } : {}),
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
    warnings: [],
  };
}
