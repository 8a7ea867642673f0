/** A scenario's own texts (title, description) in one language: the text of that language, else the other one. */
import type { LocalizedText, ScenarioLang } from './schema.js';

/**
 * The text of `value` in `lang`: a plain string as it is; by language, the text in `lang`, else the first
 * one given (English before Chinese); undefined when there is none.
 */
export function textIn(value: LocalizedText | undefined, lang: ScenarioLang): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value[lang] ?? value.en ?? value.zh;
}
