/**
 * The layout of an experiment's output directory:
 * `parts/<unit>/<replicate>.csv` (one durable file per finished replicate), `parts/<unit>/unit.json`
 * (which scenario, by hash, the parts belong to), `shards/<K>-of-<N>.json` (a shard's manifest), and the
 * final `series.csv`, `comparison.csv`, `summary.json`, `manifest.json` and `failures.json`.
 */
import { join } from 'node:path';
import type { Shard } from './shard.js';

/** Final output file names. */
export const OUTPUT_FILES = {
  series: 'series.csv',
  comparison: 'comparison.csv',
  sweep: 'sweep.csv',
  sweepSummary: 'sweep-summary.csv',
  best: 'best.csv',
  summary: 'summary.json',
  manifest: 'manifest.json',
  failures: 'failures.json',
} as const;

/** Directory of one unit's (scenario's or scan point's) part files. */
export function unitDir(dir: string, key: string): string {
  return join(dir, 'parts', key);
}

/** Part file of one replicate of one unit. */
export function partPath(dir: string, key: string, replicate: number): string {
  return join(dir, 'parts', key, `${replicate}.csv`);
}

/** The unit's identity file (scenario name and hash the parts were computed from). */
export function unitMetaPath(dir: string, key: string): string {
  return join(dir, 'parts', key, 'unit.json');
}

/** Directory of shard manifests. */
export function shardsDir(dir: string): string {
  return join(dir, 'shards');
}

/** Manifest of one shard. */
export function shardManifestPath(dir: string, shard: Shard): string {
  return join(dir, 'shards', `${shard.index}-of-${shard.count}.json`);
}

/** A directory-safe key for a unit name: the name itself if safe, else a sanitised name plus a short hash. */
export function unitKey(name: string, hash: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(name)) return name;
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 60) || 'unit';
  return `${safe}-${hash.slice(0, 8)}`;
}
