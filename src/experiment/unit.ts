/**
 * An experiment unit: one resolved scenario run for every replicate — a scenario of an ensemble or one
 * point of a parameter scan — and the hash that identifies what its rows depend on.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/types.js';

/** One unit of an experiment. */
export interface ExperimentUnit {
  /** Directory name under `parts/` (unique within the experiment). */
  readonly key: string;
  /** The resolved scenario (plain data; it is what crosses into worker threads). */
  readonly scenario: Scenario;
  /** Content hash of the scenario; a resume checks it against the stored parts. */
  readonly hash: string;
  /** Extra columns of this unit's rows (the varied parameters of a scan), in column order. */
  readonly columns: Readonly<Record<string, number>>;
  /** Replicates to run (numbers 0..replicates−1). */
  readonly replicates: number;
}

/** Calendar years a unit's rows cover: startYear .. startYear + years. */
export function unitYears(unit: ExperimentUnit): number[] {
  const out: number[] = [];
  for (let t = 0; t <= unit.scenario.years; t++) out.push(unit.scenario.startYear + t);
  return out;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/**
 * Hash of everything that determines a replicate's rows: the resolved scenario without `replicates`,
 * `source`, `description`, `title` and `lang` (so an ensemble can be extended or a file moved and still resumed) — or the
 * binding's own `identity` of it (talentsim: the scenario hash with full effective parameters) — plus the
 * metric selection and the model's hash id. 16 hex digits of SHA-256 over canonical (key-sorted) JSON.
 */
export function unitHash(scenario: Scenario, metrics: readonly string[] | undefined, model: string, identity?: (s: Scenario) => string): string {
  const { replicates: _r, source: _s, description: _d, title: _t, lang: _l, ...rest } = scenario;
  const content = identity ? identity(scenario) : rest;
  const text = JSON.stringify(canonical({ scenario: content, metrics: metrics ?? null, model }));
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
