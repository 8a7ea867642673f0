/**
 * The report's message catalogue: its own words in English and Chinese (en.ts, zh.ts, both typed by
 * messages.ts), chosen by language. Names of metrics, levers and pathways are not here (labels.ts reads
 * them from their declarations).
 */
import { SCENARIO_LANGS } from '../../scenario/schema.js';
import { EN } from './en.js';
import type { Lang, Messages } from './messages.js';
import { ZH } from './zh.js';

export type { Change, EffectFacts, Lang, LeadFacts, Messages } from './messages.js';

/** The report languages. */
export const REPORT_LANGS: readonly Lang[] = SCENARIO_LANGS;

/** The language of a report when neither the command nor the scenario names one. */
export const DEFAULT_LANG: Lang = 'en';

const CATALOGUES: Readonly<Record<Lang, Messages>> = { en: EN, zh: ZH };

/** True when `x` names a report language. */
export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (REPORT_LANGS as readonly string[]).includes(x);
}

/** The catalogue of `lang` (default English). */
export function messagesFor(lang: Lang = DEFAULT_LANG): Messages {
  return CATALOGUES[lang];
}

/** The CSS font stack of the report's pages and charts: CJK fonts named for Chinese text (Noto Sans CJK, installed from fonts-noto-cjk). */
export const FONT_STACK = '"DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", Arial, sans-serif';

/** The same stack with the CJK font first (Chinese pages: Latin text then also comes from the CJK font, matching the glyph heights). */
export const FONT_STACK_ZH = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "DejaVu Sans", Arial, sans-serif';

/** The font stack for `lang`. */
export function fontStack(lang: Lang): string {
  return lang === 'zh' ? FONT_STACK_ZH : FONT_STACK;
}
