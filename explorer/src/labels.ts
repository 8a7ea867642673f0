/**
 * The one place the explorer gets names of metrics, levers and pathways for display: it reads the
 * declarations' `label: { en, zh }` (and `unitLabel`, `format`) where the model declares them and falls back
 * to the declared name and unit. No label table lives here: labels belong to the declarations.
 */
import * as leverDeclarations from '../../src/model/levers.js';
import { LEVER_INDEX } from '../../src/model/levers.js';
import { METRIC_INDEX } from '../../src/model/metrics.js';

/** The page's languages. */
export type Lang = 'en' | 'zh';

/** What this adapter reads from a declaration (every field optional: older declarations lack labels). */
interface Declared {
  readonly name?: string;
  readonly label?: Partial<Record<Lang, string>>;
  readonly unit?: string;
  readonly unitLabel?: Partial<Record<Lang, string>>;
  readonly format?: string;
}

function pick(labels: Partial<Record<Lang, string>> | undefined, lang: Lang): string | undefined {
  return labels?.[lang] ?? labels?.en;
}

function metric(name: string): Declared | undefined {
  return METRIC_INDEX.get(name);
}

function lever(name: string): Declared | undefined {
  return LEVER_INDEX.get(name);
}

/** A metric's display name in `lang` (its declared label, else its name). */
export function metricLabel(name: string, lang: Lang): string {
  return pick(metric(name)?.label, lang) ?? name;
}

/** A metric's unit in `lang` (its declared unit label, else its declared unit). */
export function metricUnit(name: string, lang: Lang): string {
  const d = metric(name);
  return pick(d?.unitLabel, lang) ?? d?.unit ?? '';
}

/**
 * How a metric's values are shown: 'share' and 'rate' as percentages, everything else as a number. The
 * declared `format` wins; without one, a unit that is a share or a per-year fraction reads as a share.
 */
export function metricFormat(name: string): string {
  const d = metric(name);
  if (d?.format) return d.format;
  const unit = d?.unit ?? '';
  if (/share/.test(unit)) return 'share';
  if (unit === '1/year') return 'rate';
  return 'count';
}

/** True when the metric is shown as a percentage. */
export function isPercent(name: string): boolean {
  const f = metricFormat(name);
  return f === 'share' || f === 'rate';
}

/** A lever's display name in `lang` (its declared label, else its name). */
export function leverLabel(name: string, lang: Lang): string {
  return pick(lever(name)?.label, lang) ?? name;
}

/** A lever's unit in `lang` (its declared unit label, else its declared unit). */
export function leverUnit(name: string, lang: Lang): string {
  const d = lever(name);
  return pick(d?.unitLabel, lang) ?? d?.unit ?? '';
}

/**
 * The pathway declarations, if the model exports them (`PATHWAYS`: a list of `{ name | id, label }` or a
 * record keyed by pathway). Read by name so this module compiles before and after they exist.
 */
function pathwayDeclaration(pathway: string): Declared | undefined {
  const declared: unknown = Reflect.get(leverDeclarations, 'PATHWAYS');
  if (Array.isArray(declared)) {
    return declared.find((p: unknown) => typeof p === 'object' && p !== null && (Reflect.get(p, 'name') === pathway || Reflect.get(p, 'id') === pathway));
  }
  if (typeof declared === 'object' && declared !== null) {
    const d: unknown = Reflect.get(declared, pathway);
    return typeof d === 'object' && d !== null ? d : undefined;
  }
  return undefined;
}

/** A pathway's display name in `lang` (its declared label, else its name). */
export function pathwayLabel(pathway: string, lang: Lang): string {
  return pick(pathwayDeclaration(pathway)?.label, lang) ?? pathway;
}
