/**
 * The report's "Run" section: the manifest as a readable key/value list in the report's language — the
 * scenarios each with their hash, seed and replicates and their resolved scenario file folded away as
 * YAML, long lists counted and folded — instead of raw JSON.
 */
import YAML from 'yaml';
import { scenarioToFile } from '../scenario/describe.js';
import type { Scenario } from '../scenario/types.js';
import type { ReportContext } from './context.js';
import { escapeHtml } from './format.js';
import type { Messages } from './i18n/index.js';
import type { ReportManifest } from './report-inputs.js';

/** Manifest keys that are inputs of the report rather than facts of the run, left out of its list. */
const NOT_SHOWN = new Set(['metricMetadata']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A recorded scenario as a scenario file in YAML (the file format when it has the talent model's shape, else as recorded). */
export function scenarioYaml(scenario: Readonly<Record<string, unknown>>): string {
  const looksResolved = isRecord(scenario.county) && Array.isArray(scenario.policies) && Array.isArray(scenario.shocks) && isRecord(scenario.parameters);
  let value: unknown = scenario;
  if (looksResolved) {
    try {
      value = scenarioToFile(scenario as unknown as Scenario);
    } catch {
      value = scenario;
    }
  }
  return YAML.stringify(value, { lineWidth: 0 });
}

/** A value folded under a summary line. */
function folded(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>${body}</details>`;
}

/** One scenario entry of the manifest. */
function scenarioItem(s: unknown, ctx: ReportContext | undefined, m: Messages): string {
  if (!isRecord(s)) return `<li>${escapeHtml(typeof s === 'string' && ctx ? `${ctx.label(s)} (${s})` : String(s))}</li>`;
  const name = String(s.name ?? '');
  const facts = ['hash', 'source', 'seed', 'replicates']
    .filter((k) => s[k] !== undefined && s[k] !== null)
    .map((k) => `${escapeHtml(m.run.keys[k] ?? k)}: <code>${escapeHtml(String(s[k]))}</code>`);
  const title = ctx ? ctx.label(name) : name;
  const yaml = isRecord(s.scenario) ? folded(m.run.scenarioFile, `<pre class="yaml">${escapeHtml(scenarioYaml(s.scenario))}</pre>`) : '';
  return `<li><strong>${escapeHtml(title)}</strong>${title !== name ? ` <code>${escapeHtml(name)}</code>` : ''}${facts.length ? ` — ${facts.join(', ')}` : ''}${yaml}</li>`;
}

/** One manifest value as HTML. */
function valueHtml(key: string, v: unknown, ctx: ReportContext | undefined, m: Messages): string {
  if (v === null || v === undefined) return escapeHtml(m.run.none);
  if (key === 'scenarios' && Array.isArray(v)) return `<ul class="run-scenarios">${v.map((s) => scenarioItem(s, ctx, m)).join('')}</ul>`;
  if (key === 'command' && typeof v === 'string') return `<code>${escapeHtml(v)}</code>`;
  if (Array.isArray(v)) {
    const text = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
    if (v.length <= 8 && text.length <= 120) return `<code>${escapeHtml(text)}</code>`;
    return folded(key === 'metrics' ? m.run.allMetrics(v.length) : `${v.length}`, `<p class="wrap"><code>${escapeHtml(text)}</code></p>`);
  }
  if (isRecord(v)) {
    const yaml = YAML.stringify(v, { lineWidth: 0 });
    return yaml.length <= 120 && !yaml.trim().includes('\n') ? `<code>${escapeHtml(yaml.trim())}</code>` : folded(`${Object.keys(v).length}`, `<pre class="yaml">${escapeHtml(yaml)}</pre>`);
  }
  return escapeHtml(String(v));
}

/** The manifest as a definition list in its own key order (labels from the catalogue, other keys as they are). */
export function manifestHtml(manifest: ReportManifest, m: Messages, ctx?: ReportContext): string {
  const entries = Object.entries(manifest).filter(([k]) => !NOT_SHOWN.has(k));
  if (!entries.length) return `<p>${escapeHtml(m.run.none)}</p>`;
  const items = entries.map(([k, v]) => `<div class="kv"><dt>${escapeHtml(m.run.keys[k] ?? k)}</dt><dd>${valueHtml(k, v, ctx, m)}</dd></div>`);
  return `<dl class="manifest">\n${items.join('\n')}\n</dl>`;
}
