/** `scenarioHash`: a stable identity of what a scenario simulates (sha256 of canonical JSON). Node-only. */
import { createHash } from 'node:crypto';
import { resolveParams } from '../model/parameters.js';
import { canonicalJson } from './canonical-json.js';
import type { Scenario } from './types.js';

/**
 * Hex sha256 of the scenario's canonical JSON with the full effective parameter set (defaults and
 * overrides), leaving out `source`, `title`, `description` and `lang`: where it was read from and its prose do not change
 * what it simulates, while an override equal to its default does not either, and a changed default does.
 */
export function scenarioHash(scenario: Scenario): string {
  const { source: _source, title: _title, description: _description, lang: _lang, ...rest } = scenario;
  const canonical = { ...rest, parameters: resolveParams(scenario.parameters) };
  return createHash('sha256').update(canonicalJson(canonical)).digest('hex');
}
