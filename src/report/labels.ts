/**
 * Display names of scenarios, levers and pathways in the report's language, read from where each is
 * declared: a scenario's own `title` (its file), else the label of the pathway it is named after, else its
 * name; levers and pathways from their declarations in src/model/levers.ts. No label table lives here.
 */
import { LEVER_INDEX, PATHWAY_INDEX } from '../model/levers.js';
import type { LocalizedText } from '../scenario/schema.js';
import { textIn } from '../scenario/text.js';
import type { Lang } from './i18n/index.js';

/** A lever's declared label in `lang`, else its name. */
export function leverLabel(name: string, lang: Lang): string {
  return LEVER_INDEX.get(name)?.label[lang] ?? name;
}

/** A pathway's declared label in `lang`; undefined when no pathway has that name. */
export function pathwayLabel(name: string, lang: Lang): string | undefined {
  return PATHWAY_INDEX.get(name)?.label[lang];
}

/** A scenario's display name: its title in `lang`, else the label of the pathway of that name, else the name. */
export function scenarioTitle(name: string, lang: Lang, title?: LocalizedText): string {
  return textIn(title, lang) || pathwayLabel(name, lang) || name;
}

/**
 * Display names of scenarios, unique: where two scenarios would show the same name, each gets its
 * scenario name in parentheses.
 */
export function scenarioTitles(scenarios: readonly { name: string; title?: LocalizedText }[], lang: Lang): Map<string, string> {
  const raw = scenarios.map((s) => [s.name, scenarioTitle(s.name, lang, s.title)] as const);
  const count = new Map<string, number>();
  for (const [, t] of raw) count.set(t, (count.get(t) ?? 0) + 1);
  return new Map(raw.map(([n, t]) => [n, count.get(t)! > 1 && t !== n ? `${t} (${n})` : t]));
}
